import type { PosterDTO } from '@hg/types';
import { SCENE_PATTERN } from '@hg/types';
import { runAction } from '../../cloud/src/core/action';
import { communityActions } from '../../cloud/src/modules/community';
import { wechatPlatform, type WxSdk } from '../../cloud/src/core/wechat';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, callRaw, errorCode, ok } from '../factories';

jest.setTimeout(60_000);

describe.each(DIALECTS)('QR entry and compound home on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());

  it('opens the compound home from a compound code, without signing in', async () => {
    const home = ok(await call('community', 'resolveScene', { scene: 'c=NJJP01' }));
    expect(home).toMatchObject({
      name: '锦屏花园',
      type: 'commercial',
      typeLabel: '商住小区',
      community: { name: '南街社区' },
      street: { name: '保宁街道' },
      propertyFirm: { name: '阆苑物业服务有限公司', kindLabel: '物业企业' },
      buildingCount: 3,
      building: null,
    });
    expect(home.services.map((s) => s.name)).toEqual(expect.arrayContaining(['健康卫生服务队', '管网疏通服务队', '南街社区日间照料中心']));
    expect(home.verifiedHouseholdCount).toBeGreaterThan(0);
  });

  it('accepts the URL-encoded scene WeChat passes, and building codes name the building', async () => {
    const home = ok(await call('community', 'resolveScene', { scene: 'b%3DNJJP0103' }));
    expect(home).toMatchObject({ name: '锦屏花园', building: { name: '3栋' } });
  });

  it('tells unknown codes (NOT_FOUND) from malformed ones (INVALID_INPUT)', async () => {
    expect(errorCode(await call('community', 'resolveScene', { scene: 'c=ZZZZ99' }))).toBe('NOT_FOUND');
    expect(errorCode(await call('community', 'resolveScene', { scene: 'hello world' }))).toBe('INVALID_INPUT');
    expect(errorCode(await call('community', 'resolveScene', { scene: '%E0%A4%A' }))).toBe('INVALID_INPUT');
    expect(errorCode(await call('community', 'resolveScene', { scene: 'c='.padEnd(500, 'A') }))).toBe('INVALID_INPUT');
    expect(errorCode(await callRaw('community', 'resolveScene', {}))).toBe('INVALID_INPUT');
  });

  it('a resettlement compound without a property firm says so', async () => {
    const home = ok(await call('community', 'resolveScene', { scene: 'c=SYAJ02' }));
    expect(home).toMatchObject({ typeLabel: '还房小区', propertyFirm: null });
  });

  it('lists compounds, optionally by community', async () => {
    const all = ok(await call('community', 'listCompounds', {}));
    expect(all.length).toBeGreaterThanOrEqual(7);
    const nanjie = all.find((c) => c.name === '锦屏花园')!.community.id;
    const some = ok(await call('community', 'listCompounds', { communityId: nanjie }));
    expect(some.map((c) => c.name).sort()).toEqual(['南街老院子', '锦屏花园'].sort());
  });

  describe('QR posters', () => {
    let compoundId: number;
    beforeAll(async () => {
      compoundId = ok(await call('community', 'resolveScene', { scene: 'c=NJJP01' })).id;
    });

    it('community staff get one poster per compound and building, each with a WeChat-legal scene', async () => {
      const posters = ok(await call('community', 'posters', { compoundId }, as('community_staff')));
      expect(posters.map((p) => p.kind)).toEqual(['compound', 'building', 'building', 'building']);
      for (const p of posters) {
        expect(p.scene).toMatch(SCENE_PATTERN);
        expect(p.scene.length).toBeLessThanOrEqual(32);
        expect(p.url).toBe(`http://test.local/#/packages/entry/pages/scan/index?scene=${encodeURIComponent(p.scene)}`);
        expect(p.image).toMatch(/^data:image\/svg\+xml;base64,/);
        expect(Buffer.from(p.image.split(',')[1], 'base64').toString()).toContain('<svg');
      }
      // Each printed scene opens what the poster says.
      for (const p of posters) {
        const home = ok(await call('community', 'resolveScene', { scene: p.scene }));
        expect(home.id).toBe(compoundId);
        if (p.kind === 'building') expect(home.building?.id).toBe(p.id);
      }
    });

    it('refuses residents, receivers and staff of another community', async () => {
      for (const who of ['resident', 'building_head', 'property_staff', 'community_staff_nd']) {
        expect([who, errorCode(await call('community', 'posters', { compoundId }, as(who)))]).toEqual([who, 'FORBIDDEN']);
      }
      expect(errorCode(await call('community', 'posters', { compoundId }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await call('community', 'posters', { compoundId: 999_999 }, as('admin')))).toBe('NOT_FOUND');
    });

    it('on WeChat draws wxacode.getUnlimited codes for the entry page behind the same interface', async () => {
      const calls: { scene: string; page: string }[] = [];
      const fakeWx: WxSdk = {
        init: () => undefined,
        DYNAMIC_CURRENT_ENV: 'env',
        getWXContext: () => ({ OPENID: 'demo:compound_head' }),
        openapi: {
          wxacode: {
            getUnlimited: async (req) => {
              calls.push(req);
              return { buffer: Buffer.from('PNGDATA'), contentType: 'image/png' };
            },
          },
        },
      };
      const res = await runAction(communityActions, { action: 'posters', compoundId }, { openid: 'demo:compound_head' }, wechatPlatform(fakeWx));
      const posters = ok(res as { ok: true; data: PosterDTO[] });
      expect(posters[0].image).toBe(`data:image/png;base64,${Buffer.from('PNGDATA').toString('base64')}`);
      expect(calls.map((c) => c.page)).toEqual(Array(posters.length).fill('packages/entry/pages/scan/index'));
      expect(calls.map((c) => c.scene)).toEqual(posters.map((p) => p.scene));
    });
  });
});

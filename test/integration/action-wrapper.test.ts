import { z } from 'zod';
import { runAction, defineAction } from '../../cloud/src/core/action';
import { localPlatform } from '../../cloud/src/core/platform';
import { createMain, setWxSdk, type WxSdk } from '../../cloud/src/core/wechat';
import { Street } from '../../cloud/src/modules/community/street.entity';
import { meActions } from '../../cloud/src/modules/me';
import { countRows, createTestDb, DIALECTS, type TestDb } from '../db';

jest.setTimeout(60_000);

describe.each(DIALECTS)('action wrapper on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());

  const failing = {
    explode: defineAction({
      input: z.object({ name: z.string() }).strict(),
      async handler({ name }, { tx }) {
        await tx(async (em) => {
          await em.insert(Street, { name, city: '阆中市' });
          // A failure after the first write: the transaction must take the write back with it.
          throw new Error('disk on fire at /var/lib/mysql (SELECT secret FROM internals)');
        });
        return null;
      },
    }),
  };

  it('turns an unexpected failure into INTERNAL with a reference, no stack and no partial rows', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = await countRows(db.ds, 'streets');
    const res = await runAction(failing, { action: 'explode', name: '半截街道' }, { openid: 'demo:admin' }, localPlatform());
    expect(res.ok).toBe(false);
    const text = JSON.stringify(res);
    expect(text).toContain('INTERNAL');
    expect(text).not.toMatch(/disk on fire|SELECT|at .*\.ts|Error:/);
    expect(await countRows(db.ds, 'streets')).toBe(before);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('rejects events that are not objects', async () => {
    for (const event of [null, 42, 'get', [{ action: 'get' }]]) {
      const res = await runAction(meActions, event, { openid: 'demo:resident' }, localPlatform());
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  describe('WeChat entry (createMain)', () => {
    const fakeSdk = (openid?: string): WxSdk => ({
      init: () => undefined,
      DYNAMIC_CURRENT_ENV: 'env',
      getWXContext: () => ({ OPENID: openid }),
      openapi: { wxacode: { getUnlimited: async () => ({ buffer: Buffer.alloc(0) }) } },
    });
    afterEach(() => setWxSdk(null));

    it('takes the actor from the trusted OPENID, never from the event', async () => {
      setWxSdk(fakeSdk('demo:building_head'));
      const main = createMain(meActions);
      // wx.cloud.callFunction adds userInfo to the event; a client could forge it, so it is ignored.
      const res = await main({ action: 'get', userInfo: { openId: 'demo:admin', appId: 'wx123' } });
      expect(res).toMatchObject({ ok: true, data: { name: '陈志强' } });
    });

    it('without an OPENID the call is UNAUTHENTICATED', async () => {
      setWxSdk(fakeSdk(undefined));
      expect(await createMain(meActions)({ action: 'get' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    });
  });
});

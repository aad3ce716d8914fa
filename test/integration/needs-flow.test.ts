import os from 'node:os';
import path from 'node:path';
import type { TSaveCategoryRequest } from '@hg/types';
import { localOutbox } from '../../cloud/src/core/platform';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { deliverPushes, resetPushes } from '../pushes';
import { as, call, categoryId, errorCode, homeOf, ok, orgId, storedPhoto, createNeedAs } from '../factories';

jest.setTimeout(60_000);
process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);

describe.each(DIALECTS)('the four orders on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());

  it('居民点单 → 社区派单 → 接单 → 办结 → 群众评单, one event per step', async () => {
    const pipe = await categoryId(db.ds, 'pipe');
    const created = ok(
      await createNeedAs({ categoryId: pipe, householdId: await homeOf(db.ds, 'resident'), description: '厨房下水道堵了，水排不下去', photoIds: [storedPhoto('a')] },
        as('resident'),
      ),
    );
    expect(created).toMatchObject({
      status: 'submitted',
      level: 'building',
      channel: 'self',
      photos: [expect.objectContaining({ url: expect.stringMatching(/^\/uploads\//) })],
    });
    expect(created.can).toEqual(expect.arrayContaining(['cancel', 'urge', 'comment']));

    const team = await orgId(db.ds, '管网疏通服务队');
    // 派单 answers small (the page re-reads the detail).
    const dispatched = ok(await call('needs', 'dispatch', { needId: created.id, orgId: team }, as('community_staff')));
    expect(dispatched).toEqual({ id: created.id, status: 'dispatched', statusLabel: '已派单', updatedAt: expect.any(String) });
    expect(ok(await call('needs', 'get', { needId: created.id }, as('community_staff')))).toMatchObject({
      status: 'dispatched',
      receiver: { kind: 'org', name: '管网疏通服务队' },
      updatedAt: dispatched.updatedAt,
    });

    // The receiver sees the phone while the need is open; others see it masked.
    const asTeam = ok(await call('needs', 'get', { needId: created.id }, as('team_staff')));
    expect(asTeam.reporter).toEqual({ name: '王秀兰', phone: '10000000001', phoneMasked: '100****0001' });
    expect(ok(await call('needs', 'get', { needId: created.id }, as('community_staff'))).reporter.phone).toBeNull();

    ok(await call('needs', 'accept', { needId: created.id }, as('team_staff')));
    ok(await call('needs', 'start', { needId: created.id }, as('team_staff')));
    ok(await call('needs', 'comment', { needId: created.id, body: '下午三点上门' }, as('team_staff')));
    expect(errorCode(await call('needs', 'resolve', { needId: created.id, note: '已疏通', photoIds: [] }, as('team_staff')))).toBe('INVALID_INPUT');
    const resolved = ok(await call('needs', 'resolve', { needId: created.id, note: '已疏通', photoIds: [storedPhoto('b')] }, as('team_staff')));
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: '已疏通', reporter: { phone: null } });
    expect(resolved.resolutionPhotos).toHaveLength(1);

    const rated = ok(await call('needs', 'rate', { needId: created.id, stars: 5, comment: '很及时' }, as('resident')));
    // Rating closes the need but not the resident's 7-day reopen window (issue #9 item 4).
    expect(rated).toMatchObject({ status: 'closed', rating: 5, ratingComment: '很及时', can: ['reopen'] });
    expect(rated.events.map((e) => e.type)).toEqual(['created', 'dispatched', 'accepted', 'started', 'resolved', 'rated']);
    expect(rated.comments).toEqual([expect.objectContaining({ body: '下午三点上门', side: 'receiver', author: '接单方工作人员 何勇' })]);
    expect(errorCode(await call('needs', 'rate', { needId: created.id, stars: 1 }, as('resident')))).toBe('INVALID_TRANSITION');
  });

  it('pushes a subscribe message to the new receiver only after the step commits, and none for a refused step', async () => {
    const need = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'pipe'), householdId: await homeOf(db.ds, 'resident'), description: '卫生间地漏反水' },
        as('resident'),
      ),
    );
    await resetPushes(db.ds);
    expect(errorCode(await call('needs', 'dispatch', { needId: need.id, orgId: 999999 }, as('community_staff')))).toBe('INVALID_INPUT');
    await deliverPushes(db.ds);
    expect(localOutbox).toEqual([]);
    ok(await call('needs', 'dispatch', { needId: need.id, orgId: await orgId(db.ds, '管网疏通服务队') }, as('community_staff')));
    // Nothing is pushed inside the request: the outbox's sender (the timer) sends it.
    expect(localOutbox).toEqual([]);
    await deliverPushes(db.ds);
    expect(localOutbox).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ openid: as('team_staff'), template: 'need_task', page: `packages/needs/pages/detail/index?id=${need.id}` }),
        expect.objectContaining({ openid: as('resident'), title: '社区已派单' }),
      ]),
    );
    expect(localOutbox.map((m) => m.openid)).not.toContain(as('community_staff'));
  });

  it("routes property categories straight to the compound's firm", async () => {
    const need = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'repair'), householdId: await homeOf(db.ds, 'resident'), description: '楼道灯坏了' },
        as('resident'),
      ),
    );
    expect(need).toMatchObject({ status: 'dispatched', receiver: { name: '阆苑物业服务有限公司' } });
    ok(await call('needs', 'accept', { needId: need.id }, as('property_staff')));
  });

  it('hides needs from people with no part in them', async () => {
    const need = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'suggestion'), householdId: await homeOf(db.ds, 'resident'), description: '建议增加休息座椅' },
        as('resident'),
      ),
    );
    for (const who of ['resident2', 'community_staff_nd', 'property_staff', 'assessor', 'care_staff']) {
      expect([who, errorCode(await call('needs', 'get', { needId: need.id }, as(who)))]).toEqual([who, 'NOT_FOUND']);
    }
    expect(errorCode(await call('needs', 'dispatch', { needId: need.id, orgId: 1 }, as('resident')))).toBe('FORBIDDEN');
  });

  it('twenty party members claiming at once: exactly one wins; the rest lose the race or no longer see it', async () => {
    const elderly = await categoryId(db.ds, 'elderly');
    const need = ok(
      await createNeedAs({ categoryId: elderly, householdId: await homeOf(db.ds, 'resident'), description: '独居老人需要陪同就医' }, as('resident')),
    );
    expect(need.status).toBe('open_for_claim');
    // Nineteen more party members of 锦屏花园 beside the seeded one.
    const compound = Number((await db.ds.query("SELECT id FROM compounds WHERE code = 'NJJP01'"))[0].id);
    const members = [as('party_member')];
    for (let i = 0; i < 19; i++) {
      const openid = `test:pm${i}:${Math.random()}`;
      await db.ds.query("INSERT INTO users (openid, name, phone, createdAt) VALUES (?, ?, NULL, '2026-01-01 00:00:00.000')", [openid, `党员${i}`]);
      const [{ id }] = await db.ds.query('SELECT id FROM users WHERE openid = ?', [openid]);
      await db.ds.query("INSERT INTO role_assignments (userId, role, scopeLevel, scopeId, organisationId) VALUES (?, 'party_member', 'compound', ?, 0)", [
        id,
        compound,
      ]);
      members.push(openid);
    }
    const results = await Promise.all(members.map((m) => call('needs', 'claim', { needId: need.id }, m)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // On MySQL the losers mostly fail the compare-and-set (CONFLICT); whoever reads after the
    // winner committed (SQLite serialises everything) finds a taken need it may not see.
    const losers = results.filter((r) => !r.ok).map(errorCode);
    expect(losers).toHaveLength(19);
    for (const code of losers) expect(['CONFLICT', 'NOT_FOUND']).toContain(code);
    const [{ n }] = await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id = ? AND action = 'claimed'", [need.id]);
    expect(Number(n)).toBe(1);
  });

  it('claiming a need that was withdrawn or never published is NOT_FOUND: nothing confirms it exists', async () => {
    const need = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'elderly'), householdId: await homeOf(db.ds, 'resident'), description: '需要帮忙买菜' },
        as('resident'),
      ),
    );
    ok(await call('needs', 'cancel', { needId: need.id }, as('resident')));
    expect(errorCode(await call('needs', 'claim', { needId: need.id }, as('party_member')))).toBe('NOT_FOUND');
    const unpublished = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'pipe'), householdId: await homeOf(db.ds, 'resident'), description: '下水道堵塞' },
        as('resident'),
      ),
    );
    const before = await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id = ?", [unpublished.id]);
    expect(errorCode(await call('needs', 'claim', { needId: unpublished.id }, as('party_member')))).toBe('NOT_FOUND');
    expect(await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id = ?", [unpublished.id])).toEqual(before);
  });

  it('two taps on accept write one event row', async () => {
    const need = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'property'), householdId: await homeOf(db.ds, 'resident'), description: '电梯异响' },
        as('resident'),
      ),
    );
    const results = await Promise.all([0, 1].map(() => call('needs', 'accept', { needId: need.id }, as('property_staff'))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The second tap lost the compare-and-set (CONFLICT) or read the accepted need (INVALID_TRANSITION).
    expect(results.map(errorCode).filter(Boolean)).toHaveLength(1);
    expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(results.map(errorCode).find(Boolean));
    const [{ n }] = await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id = ? AND action = 'accepted'", [need.id]);
    expect(Number(n)).toBe(1);
  });

  it('fifty parallel urges count once per five-minute window', async () => {
    const need = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'suggestion'), householdId: await homeOf(db.ds, 'resident'), description: '路灯不亮' },
        as('resident'),
      ),
    );
    const results = await Promise.all(Array.from({ length: 50 }, () => call('needs', 'urge', { needId: need.id }, as('resident'))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map(errorCode))).toEqual(new Set(['RATE_LIMITED']));
    const [{ urgeCount }] = await db.ds.query('SELECT urgeCount FROM needs WHERE id = ?', [need.id]);
    expect(Number(urgeCount)).toBe(1);
  });
});

describe.each(DIALECTS)('category configuration on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());

  const base: TSaveCategoryRequest = {
    code: 'parking',
    name: '停车管理',
    icon: '🚗',
    list: 'problem',
    dispatchMode: 'property',
    partyClaimable: false,
    acceptSlaHours: 4,
    resolveSlaHours: 24,
  };

  it('admins add, retune and retire categories; the create page list follows', async () => {
    const added = ok(await call('needs', 'saveCategory', base, as('admin')));
    expect(ok(await call('needs', 'categories', {})).map((c) => c.code)).toContain('parking');
    const retuned = ok(await call('needs', 'saveCategory', { ...base, categoryId: added.id, acceptSlaHours: 2 }, as('admin')));
    expect(retuned.acceptSlaHours).toBe(2);
    ok(await call('needs', 'saveCategory', { ...base, categoryId: added.id, active: false }, as('admin')));
    expect(ok(await call('needs', 'categories', {})).map((c) => c.code)).not.toContain('parking');
  });

  it('refuses non-admins, duplicate codes and nonsense SLAs', async () => {
    expect(errorCode(await call('needs', 'saveCategory', { ...base, code: 'x_staff' }, as('community_staff')))).toBe('FORBIDDEN');
    expect(errorCode(await call('needs', 'saveCategory', { ...base, code: 'pipe' }, as('admin')))).toBe('CONFLICT');
    expect(errorCode(await call('needs', 'saveCategory', { ...base, code: 'slow', acceptSlaHours: 0 }, as('admin')))).toBe('INVALID_INPUT');
    expect(errorCode(await call('needs', 'saveCategory', { ...base, code: 'Bad Code' }, as('admin')))).toBe('INVALID_INPUT');
  });
});

import type { BuildingDTO, CompoundHomeDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { MAX_NEEDS_PER_DAY } from '../../cloud/src/modules/needs/actions/create-need';
import { MAX_PENDING_PER_USER } from '../../cloud/src/modules/households/household.policy';
import { countRows, createTestDb, DIALECTS, snapshotCounts, type TestDb } from '../db';
import { as, buildBinding, call, categoryId, errorCode, newcomer, ok, verifiedResident } from '../factories';

jest.setTimeout(120_000);

/**
 * Per-person limits under parallel calls: on MySQL a count taken outside the insert's transaction
 * lets every parallel call pass; the limits must hold on both databases, with nothing half-written.
 */
describe.each(DIALECTS)('limits under concurrency on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  const userIdOf = async (openid: string) => Number((await db.ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);

  it(`forty parallel needs by one resident: exactly ${MAX_NEEDS_PER_DAY} are filed, the rest are RATE_LIMITED and leave nothing`, async () => {
    const { openid, householdId } = await verifiedResident(db.ds);
    const category = await categoryId(db.ds, 'suggestion');
    const before = await snapshotCounts(db.ds, ['needs', 'subject_events', 'notifications']);

    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call('needs', 'create', { categoryId: category, householdId, description: `路灯不亮 ${i}` }, openid)),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(MAX_NEEDS_PER_DAY);
    expect(results.filter((r) => !r.ok).map(errorCode)).toEqual(Array(40 - MAX_NEEDS_PER_DAY).fill('RATE_LIMITED'));
    const refused = results.find((r) => !r.ok);
    expect(!refused?.ok && refused?.error.message).toBe(`每天最多提交${MAX_NEEDS_PER_DAY}条需求`);

    const uid = await userIdOf(openid);
    const filed = await db.ds.query('SELECT id FROM needs WHERE createdById = ?', [uid]);
    expect(filed).toHaveLength(MAX_NEEDS_PER_DAY);
    const after = await snapshotCounts(db.ds, ['needs', 'subject_events', 'notifications']);
    expect(after.needs - before.needs).toBe(MAX_NEEDS_PER_DAY);
    // Every new event and message belongs to a filed need: the refused calls wrote none.
    const ids = filed.map((r: { id: number }) => Number(r.id));
    const marks = ids.map(() => '?').join(',');
    const [{ n: events }] = await db.ds.query(`SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id IN (${marks})`, ids);
    expect(after.subject_events - before.subject_events).toBe(Number(events));
    const [{ n: created }] = await db.ds.query(`SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND action = 'created' AND subject_id IN (${marks})`, ids);
    expect(Number(created)).toBe(MAX_NEEDS_PER_DAY);
    const [{ n: messages }] = await db.ds.query(`SELECT COUNT(*) AS n FROM notifications WHERE subjectKind = 'need' AND subjectId IN (${marks})`, ids);
    expect(after.notifications - before.notifications).toBe(Number(messages));
    const [counter] = await db.ds.query("SELECT n FROM usage_counters WHERE userId = ? AND scope = 'needs.create'", [uid]);
    expect(Number(counter.n)).toBe(MAX_NEEDS_PER_DAY);
  });

  it('leaves proxy filings unlimited: a grid worker files for residents without a phone', async () => {
    const { householdId } = await verifiedResident(db.ds);
    const category = await categoryId(db.ds, 'suggestion');
    const results = await Promise.all(
      Array.from({ length: MAX_NEEDS_PER_DAY + 2 }, (_, i) =>
        call(
          'needs',
          'create',
          { categoryId: category, householdId, description: `代办 ${i}`, contactName: '张大爷', contactPhone: '10000008888' },
          as('grid_worker'),
        ),
      ),
    );
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual([]);
  });

  it('keeps the rolling day: a day later the resident may file again', async () => {
    const { openid, householdId } = await verifiedResident(db.ds);
    const category = await categoryId(db.ds, 'suggestion');
    for (let i = 0; i < MAX_NEEDS_PER_DAY; i++) ok(await call('needs', 'create', { categoryId: category, householdId, description: `井盖松动 ${i}` }, openid));
    expect(errorCode(await call('needs', 'create', { categoryId: category, householdId, description: '再报一条' }, openid))).toBe('RATE_LIMITED');
    clock.advance(24 * 3600 * 1000 + 1000);
    try {
      ok(await call('needs', 'create', { categoryId: category, householdId, description: '第二天再报' }, openid));
    } finally {
      clock.reset();
    }
  });

  describe('household bindings', () => {
    let compound: CompoundHomeDTO;
    let buildings: BuildingDTO[];
    beforeAll(async () => {
      compound = ok(await call('community', 'resolveScene', { scene: 'c=NJJP01' }));
      buildings = ok(await call('community', 'listBuildings', { compoundId: compound.id }));
    });

    it(`thirty parallel binds by one person: exactly ${MAX_PENDING_PER_USER} pending, and refused binds register no room`, async () => {
      const me = newcomer();
      const b = buildings[2];
      const ids = { compoundId: compound.id, buildingId: b.id, unitId: b.units[0].id };
      const rooms = Array.from({ length: 30 }, (_, i) => `R${9000 + i}`);
      const before = await snapshotCounts(db.ds, ['households', 'household_members', 'subject_events']);
      const publicBefore = ok(await call('community', 'resolveScene', { scene: 'c=NJJP01' })).householdCount;

      const results = await Promise.all(rooms.map((room) => call('households', 'bind', buildBinding(ids, { room }), me)));

      expect(results.filter((r) => r.ok)).toHaveLength(MAX_PENDING_PER_USER);
      expect(results.filter((r) => !r.ok).map(errorCode)).toEqual(Array(30 - MAX_PENDING_PER_USER).fill('RATE_LIMITED'));
      const after = await snapshotCounts(db.ds, ['households', 'household_members', 'subject_events']);
      expect(after).toEqual({
        households: before.households + MAX_PENDING_PER_USER,
        household_members: before.household_members + MAX_PENDING_PER_USER,
        subject_events: before.subject_events + MAX_PENDING_PER_USER,
      });
      const [{ n }] = await db.ds.query("SELECT COUNT(*) AS n FROM household_members WHERE userId = ? AND status = 'pending'", [await userIdOf(me)]);
      expect(Number(n)).toBe(MAX_PENDING_PER_USER);
      const publicAfter = ok(await call('community', 'resolveScene', { scene: 'c=NJJP01' })).householdCount;
      expect(publicAfter - publicBefore).toBe(MAX_PENDING_PER_USER);
    });

    it('people applying for one new room at once still share one household row', async () => {
      const b = buildings[1];
      const ids = { compoundId: compound.id, buildingId: b.id, unitId: b.units[0].id };
      const results = await Promise.all(
        Array.from({ length: 20 }, () => call('households', 'bind', buildBinding(ids, { room: '2808', relation: 'family' }), newcomer())),
      );
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.error.code}: ${r.error.message}`))).toEqual([]);
      const rows = await db.ds.query("SELECT id FROM households WHERE unitId = ? AND room = '2808'", [ids.unitId]);
      expect(rows).toHaveLength(1);
      expect(await countRows(db.ds, 'household_members')).toBeGreaterThanOrEqual(20);
      const [{ n }] = await db.ds.query('SELECT COUNT(*) AS n FROM household_members WHERE householdId = ?', [rows[0].id]);
      expect(Number(n)).toBe(20);
    });

    it('a double tap on bind still gives one membership and CONFLICT for the rest', async () => {
      const me = newcomer();
      const b = buildings[0];
      const ids = { compoundId: compound.id, buildingId: b.id, unitId: b.units[0].id };
      const results = await Promise.all(Array.from({ length: 10 }, () => call('households', 'bind', buildBinding(ids, { room: '2909' }), me)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(new Set(results.filter((r) => !r.ok).map(errorCode))).toEqual(new Set(['CONFLICT']));
    });

    it('a refused bind for a new room leaves no household row behind', async () => {
      const me = newcomer();
      const b = buildings[0];
      const ids = { compoundId: compound.id, buildingId: b.id, unitId: b.units[1].id };
      for (let i = 0; i < MAX_PENDING_PER_USER; i++) ok(await call('households', 'bind', buildBinding(ids, { room: `Q${i}` }), me));
      const before = await countRows(db.ds, 'households');
      expect(errorCode(await call('households', 'bind', buildBinding(ids, { room: 'Q99' }), me))).toBe('RATE_LIMITED');
      expect(await countRows(db.ds, 'households')).toBe(before);
    });
  });
});

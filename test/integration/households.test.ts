import type { BuildingDTO, CompoundHomeDTO } from '@hg/types';
import { ALL_TABLES, countRows, createTestDb, DIALECTS, snapshotCounts, type TestDb } from '../db';
import { as, buildBinding, call, callRaw, errorCode, newcomer, ok } from '../factories';

jest.setTimeout(60_000);

describe.each(DIALECTS)('household binding and verification on %s', (dialect) => {
  let db: TestDb;
  let compound: CompoundHomeDTO;
  let buildings: BuildingDTO[];
  let ids: { compoundId: number; buildingId: number; unitId: number };

  beforeAll(async () => {
    db = await createTestDb(dialect);
    compound = ok(await call('community', 'resolveScene', { scene: 'c=NJJP01' }));
    buildings = ok(await call('community', 'listBuildings', { compoundId: compound.id }));
    ids = { compoundId: compound.id, buildingId: buildings[0].id, unitId: buildings[0].units[0].id };
  });
  afterAll(() => db.drop());

  it('binds a newcomer as pending, and the building head sees the request with a masked phone', async () => {
    const me = newcomer();
    const m = ok(await call('households', 'bind', buildBinding(ids, { room: '102', name: '新居民', phone: '10000001234' }), me));
    expect(m).toMatchObject({ status: 'pending', statusLabel: '待审核', room: '102', address: '锦屏花园1栋1单元102' });

    const queue = ok(await call('households', 'verifyQueue', {}, as('building_head')));
    const item = queue.items.find((i) => i.id === m.id)!;
    expect(item).toMatchObject({ applicantName: '新居民', applicantPhoneMasked: '100****1234' });
    expect(JSON.stringify(queue)).not.toContain('10000001234');

    // The profile was empty, so the binding filled it in.
    const profile = ok(await call('me', 'get', {}, me));
    expect(profile).toMatchObject({ name: '新居民', phone: '10000001234' });
  });

  it('lets the building head approve; the resident then appears verified and one event row is written per step', async () => {
    const me = newcomer();
    const m = ok(await call('households', 'bind', buildBinding(ids, { room: '201' }), me));
    const approved = ok(await call('households', 'verify', { membershipId: m.id, approve: true }, as('building_head')));
    expect(approved.status).toBe('verified');
    expect(approved.verifiedAt).not.toBeNull();
    const mine = ok(await call('me', 'get', {}, me));
    expect(mine.verifiedResident).toBe(true);
    const events = await db.ds.query("SELECT from_status AS fromStatus, to_status AS toStatus FROM subject_events WHERE subject_kind = 'membership' AND subject_id = ? ORDER BY id", [m.id]);
    expect(events).toEqual([
      { fromStatus: null, toStatus: 'pending' },
      { fromStatus: 'pending', toStatus: 'verified' },
    ]);
  });

  it('requires a reason to reject, and a rejected applicant may apply again', async () => {
    const me = newcomer();
    const m = ok(await call('households', 'bind', buildBinding(ids, { room: '202' }), me));
    const noReason = await call('households', 'verify', { membershipId: m.id, approve: false }, as('compound_head'));
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'reason' } } });

    const rejected = ok(await call('households', 'verify', { membershipId: m.id, approve: false, reason: '房号与登记不符' }, as('compound_head')));
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '房号与登记不符' });
    const again = ok(await call('households', 'bind', buildBinding(ids, { room: '202', relation: 'tenant' }), me));
    expect(again).toMatchObject({ id: m.id, status: 'pending', relation: 'tenant', rejectReason: null });
  });

  it('refuses a second request for the same room while one is pending or verified', async () => {
    const me = newcomer();
    ok(await call('households', 'bind', buildBinding(ids, { room: '301' }), me));
    expect(errorCode(await call('households', 'bind', buildBinding(ids, { room: '301' }), me))).toBe('CONFLICT');
  });

  it("refuses verification outside the verifier's scope and by people who are not verifiers", async () => {
    const m = ok(await call('households', 'bind', buildBinding(ids, { room: '302' }), newcomer()));
    const before = await snapshotCounts(db.ds, ['subject_events']);
    for (const who of ['community_staff_nd', 'resident', 'party_member', 'property_staff', 'unit_head', 'grid_worker']) {
      expect([who, errorCode(await call('households', 'verify', { membershipId: m.id, approve: true }, as(who)))]).toEqual([who, 'FORBIDDEN']);
    }
    expect(errorCode(await call('households', 'verifyQueue', {}, as('resident')))).toBe('FORBIDDEN');
    // 内东街社区's staff see their own community's queue, which does not include 锦屏花园.
    const other = ok(await call('households', 'verifyQueue', {}, as('community_staff_nd')));
    expect(other.items.find((i) => i.id === m.id)).toBeUndefined();
    expect(await snapshotCounts(db.ds, ['subject_events'])).toEqual(before);
  });

  it('refuses a verifier approving their own binding', async () => {
    const own = ok(await call('households', 'bind', buildBinding(ids, { room: '303' }), as('building_head')));
    expect(errorCode(await call('households', 'verify', { membershipId: own.id, approve: true }, as('building_head')))).toBe('FORBIDDEN');
  });

  it('validates that the building and unit belong to the compound', async () => {
    const otherBuilding = buildings[1];
    const res = await call('households', 'bind', buildBinding({ ...ids, unitId: otherBuilding.units[0].id }, { room: '304' }), newcomer());
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'unitId' } } });
  });

  it('pages the queue with a keyset cursor, newest first, without repeats', async () => {
    for (let i = 0; i < 5; i++)
      ok(await call('households', 'bind', buildBinding({ ...ids, unitId: buildings[0].units[1].id }, { room: `50${i}` }), newcomer()));
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = ok(await call('households', 'verifyQueue', { limit: 2, ...(cursor ? { cursor } : {}) }, as('community_staff')));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(errorCode(await call('households', 'verifyQueue', { cursor: 'not-a-cursor' }, as('community_staff')))).toBe('INVALID_INPUT');
  });

  it('limits one person to five pending bindings', async () => {
    const me = newcomer();
    for (let i = 0; i < 5; i++)
      ok(await call('households', 'bind', buildBinding({ ...ids, buildingId: buildings[2].id, unitId: buildings[2].units[0].id }, { room: `10${i}` }), me));
    const before = await countRows(db.ds, 'household_members');
    expect(
      errorCode(await call('households', 'bind', buildBinding({ ...ids, buildingId: buildings[2].id, unitId: buildings[2].units[0].id }, { room: '110' }), me)),
    ).toBe('RATE_LIMITED');
    expect(await countRows(db.ds, 'household_members')).toBe(before);
  });

  it("代办 lookup: staff and grid workers in scope get the room's household; others are refused", async () => {
    const found = ok(await call('households', 'lookup', { unitId: ids.unitId, room: '502' }, as('grid_worker')));
    expect(found).toMatchObject({ address: '锦屏花园1栋1单元502', verifiedMembers: 1 });
    const mine = ok(await call('me', 'get', {}, as('resident')));
    expect(mine.memberships[0].householdId).toBe(found.householdId);
    const fresh = ok(await call('households', 'lookup', { unitId: ids.unitId, room: '1502' }, as('community_staff')));
    expect(fresh.verifiedMembers).toBe(0);
    expect(errorCode(await call('households', 'lookup', { unitId: ids.unitId, room: '502' }, as('resident')))).toBe('FORBIDDEN');
    expect(errorCode(await call('households', 'lookup', { unitId: ids.unitId, room: '502' }, as('community_staff_nd')))).toBe('FORBIDDEN');
    expect(errorCode(await call('households', 'lookup', { unitId: ids.unitId, room: "5'; --" }, as('grid_worker')))).toBe('INVALID_INPUT');
  });

  describe('concurrency', () => {
    it('two verifiers deciding at the same moment produce exactly one decision and one event', async () => {
      const m = ok(await call('households', 'bind', buildBinding(ids, { room: '401' }), newcomer()));
      const verifiers = ['building_head', 'compound_head', 'community_staff'];
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          call('households', 'verify', { membershipId: m.id, approve: i % 2 === 0, reason: '核实不符' }, as(verifiers[i % 3])),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      // A verifier who read `pending` and lost the compare-and-set gets CONFLICT; one who read after
      // the decision committed gets INVALID_TRANSITION. Nothing else, and no second decision.
      for (const code of results.filter((r) => !r.ok).map(errorCode)) expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(code);
      const [{ n }] = await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'membership' AND subject_id = ? AND from_status = 'pending'", [m.id]);
      expect(Number(n)).toBe(1);
    });

    it('a double tap on bind creates one membership', async () => {
      const me = newcomer();
      const results = await Promise.all(Array.from({ length: 10 }, () => call('households', 'bind', buildBinding(ids, { room: '402' }), me)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(new Set(results.filter((r) => !r.ok).map(errorCode))).toEqual(new Set(['CONFLICT']));
      const [{ n }] = await db.ds.query(
        "SELECT COUNT(*) AS n FROM household_members m JOIN households h ON h.id = m.householdId WHERE h.unitId = ? AND h.room = '402'",
        [ids.unitId],
      );
      expect(Number(n)).toBe(1);
    });

    it('twenty family members applying for one new room at once share one household row', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => call('households', 'bind', buildBinding(ids, { room: '1801', relation: 'family' }), newcomer())),
      );
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.message))).toEqual([]);
      const rows = await db.ds.query("SELECT id FROM households WHERE unitId = ? AND room = '1801'", [ids.unitId]);
      expect(rows).toHaveLength(1);
      const [{ n }] = await db.ds.query('SELECT COUNT(*) AS n FROM household_members WHERE householdId = ?', [rows[0].id]);
      expect(Number(n)).toBe(20);
    });
  });

  describe('bad input is refused with INVALID_INPUT and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['missing room', { room: undefined }, 'room'],
      ['room of the wrong type', { room: 502 }, 'room'],
      ['a huge room', { room: '9'.repeat(10_000) }, 'room'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a huge name', { name: '名'.repeat(5000) }, 'name'],
      ['a malformed phone', { phone: '12345' }, 'phone'],
      ['a phone of the wrong type', { phone: 10000000001 }, 'phone'],
      ['an unknown relation', { relation: 'landlord' }, 'relation'],
      ['a string id', { compoundId: '1' }, 'compoundId'],
      ['a negative id', { unitId: -3 }, 'unitId'],
      ['a fractional id', { buildingId: 1.5 }, 'buildingId'],
      ['an unknown field', { openid: 'someone-else' }, 'openid'],
      ['SQL in the room', { room: "1'; DROP TABLE users; --" }, 'room'],
    ];
    it.each(cases)('%s', async (_label, patch, field) => {
      const before = await snapshotCounts(db.ds, ALL_TABLES);
      const res = await call('households', 'bind', { ...buildBinding(ids, { room: '777' }), ...patch }, newcomer());
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      expect(!res.ok && res.error.message).toMatch(new RegExp(`^${field}: `));
      // Only the caller's user row may appear (first contact registers the openid); nothing else.
      const after = await snapshotCounts(db.ds, ALL_TABLES);
      expect({ ...after, users: 0 }).toEqual({ ...before, users: 0 });
    });

    it('an unknown action is NOT_FOUND, a missing action INVALID_INPUT, an anonymous call UNAUTHENTICATED', async () => {
      expect(errorCode(await callRaw('households', 'dropEverything', {}, as('resident')))).toBe('NOT_FOUND');
      expect(errorCode(await callRaw('households', '', {}, as('resident')))).toBe('INVALID_INPUT');
      expect(errorCode(await callRaw('households', 'toString', {}, as('resident')))).toBe('NOT_FOUND');
      expect(errorCode(await call('households', 'bind', buildBinding(ids), null))).toBe('UNAUTHENTICATED');
    });
  });
});

import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, categoryId, compoundIdOf, errorCode, homeOf, newcomer, ok, personWithRole, createNeedAs } from '../factories';

jest.setTimeout(90_000);

/**
 * Issue #9 item 3 (and the filing half of item 6): a need lands where the problem is, proxies file
 * under their own office's name, heads look up only inside their scope, and a resident whose
 * binding is pending may file, marked 待核实.
 */
describe.each(DIALECTS)('where a need lands, on %s', (dialect) => {
  let db: TestDb;
  let compoundId: number;
  let building: Record<string, number>;
  let unit: Record<string, number>;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    compoundId = await compoundIdOf(db.ds, 'NJJP01');
    const buildings = ok(await call('community', 'listBuildings', { compoundId }));
    building = Object.fromEntries(buildings.map((b) => [b.name, b.id]));
    unit = Object.fromEntries(buildings.flatMap((b) => b.units.map((u) => [`${b.name}${u.name}`, u.id])));
  });
  afterAll(() => db.drop());

  const row = async (needId: number) => {
    const [r] = await db.ds.query('SELECT householdId, buildingId, unitId, level, channel, unverifiedReporter, leftBuilding FROM needs WHERE id = ?', [needId]);
    return {
      ...r,
      buildingId: Number(r.buildingId),
      unitId: Number(r.unitId),
      householdId: Number(r.householdId),
      unverifiedReporter: !!Number(r.unverifiedReporter),
      leftBuilding: !!Number(r.leftBuilding),
    };
  };
  const told = async (needId: number, openid: string) => {
    const me = ok(await call('me', 'get', {}, openid));
    const [r] = await db.ds.query("SELECT COUNT(*) AS n FROM notifications WHERE subjectKind = 'need' AND subjectId = ? AND userId = ?", [needId, me.id]);
    return Number(r.n);
  };
  const needCount = async () => Number((await db.ds.query('SELECT COUNT(*) AS n FROM needs'))[0].n);

  it('a corridor problem in 3栋 reported from 1栋 lands on 3栋: its head is told, its board counts it, the firm sees 3栋', async () => {
    const head3 = await personWithRole(db.ds, 'building_head', 'building', building['3栋'], 0, '三栋楼栋长');
    const home = await homeOf(db.ds, 'resident');
    const before = ok(await call('needs', 'board', { compoundId, buildingId: building['3栋'] }, as('resident')));
    const b1Before = ok(await call('needs', 'board', { compoundId, buildingId: building['1栋'] }, as('resident')));

    const need = ok(
      await createNeedAs({
          categoryId: await categoryId(db.ds, 'repair'),
          householdId: home,
          description: '3栋2单元楼道灯坏了',
          location: '2单元3楼',
          place: 'building',
          buildingId: building['3栋'],
        },
        as('resident'),
      ),
    );
    expect(need).toMatchObject({
      place: 'building',
      placeLabel: '3栋 公共区域',
      building: { id: building['3栋'], name: '3栋' },
      level: 'building',
      channel: 'self',
      unverified: false,
    });
    // Who to call back stays the reporter's home; where it sits follows the place.
    expect(await row(need.id)).toMatchObject({ householdId: home, buildingId: building['3栋'], unitId: 0, leftBuilding: false });

    expect(await told(need.id, head3)).toBe(1);
    expect(await told(need.id, as('building_head'))).toBe(0);
    // 1栋's heads have no rung on it; the 3栋 head does.
    expect(errorCode(await call('needs', 'get', { needId: need.id }, as('unit_head')))).toBe('NOT_FOUND');
    ok(await call('needs', 'get', { needId: need.id }, head3));

    const after = ok(await call('needs', 'board', { compoundId, buildingId: building['3栋'] }, as('resident')));
    expect(after.totals.open).toBe(before.totals.open + 1);
    expect(ok(await call('needs', 'board', { compoundId, buildingId: building['1栋'] }, as('resident'))).totals).toEqual(b1Before.totals);

    // 公共维修 goes straight to the property firm; its staff see the building the problem is in.
    const asFirm = ok(await call('needs', 'get', { needId: need.id }, as('property_staff')));
    expect(asFirm).toMatchObject({ status: 'dispatched', placeLabel: '3栋 公共区域', location: '2单元3楼', building: { name: '3栋' } });
    const inbox = ok(await call('needs', 'inbox', {}, as('property_staff')));
    expect(inbox.items.find((n) => n.id === need.id)).toMatchObject({ placeLabel: '3栋 公共区域' });
  });

  it('a compound-wide problem starts with the compound head and is counted for the compound, not a building', async () => {
    const home = await homeOf(db.ds, 'resident2');
    const b1Before = ok(await call('needs', 'board', { compoundId, buildingId: building['1栋'] }, as('resident2')));
    const need = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'environment'), householdId: home, description: '东门垃圾堆了三天', place: 'compound' },
        as('resident2'),
      ),
    );
    expect(need).toMatchObject({ place: 'compound', placeLabel: '小区公共区域', building: null, level: 'compound' });
    expect(await row(need.id)).toMatchObject({ householdId: home, buildingId: 0, unitId: 0, level: 'compound', leftBuilding: true });
    expect(await told(need.id, as('compound_head'))).toBe(1);
    expect(await told(need.id, as('building_head'))).toBe(0);
    expect(await told(need.id, as('community_staff'))).toBe(1);

    // The compound head has it in scope; every list and aggregate copes with building 0.
    expect(ok(await call('needs', 'get', { needId: need.id }, as('compound_head'))).placeLabel).toBe('小区公共区域');
    const queue = ok(await call('needs', 'queue', { compoundId }, as('community_staff')));
    expect(queue.items.find((n) => n.id === need.id)).toMatchObject({ building: null, placeLabel: '小区公共区域' });
    const compoundBoard = ok(await call('needs', 'board', { compoundId }, as('resident2')));
    expect(compoundBoard.rows.reduce((s, r) => s + r.open, 0)).toBeGreaterThan(0);
    expect(ok(await call('needs', 'board', { compoundId, buildingId: building['1栋'] }, as('resident2'))).totals).toEqual(b1Before.totals);
    const from = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const to = new Date(Date.now() + 3600 * 1000).toISOString();
    expect(ok(await call('needs', 'stats', { from, to }, as('community_staff'))).created).toBeGreaterThan(0);
    expect(ok(await call('needs', 'mine', {}, as('resident2'))).items.find((n) => n.id === need.id)).toMatchObject({ placeLabel: '小区公共区域' });
  });

  it('refuses a building of another compound, and a building without the public-area choice, writing nothing', async () => {
    const other = ok(await call('community', 'listBuildings', { compoundId: await compoundIdOf(db.ds, 'NJLY02') }))[0];
    const base = { categoryId: await categoryId(db.ds, 'repair'), householdId: await homeOf(db.ds, 'resident'), description: '楼道灯坏了' };
    const count = await needCount();
    expect(errorCode(await createNeedAs({ ...base, place: 'building', buildingId: other.id }, as('resident')))).toBe('NOT_FOUND');
    expect(errorCode(await createNeedAs({ ...base, place: 'building' }, as('resident')))).toBe('INVALID_INPUT');
    expect(errorCode(await createNeedAs({ ...base, buildingId: building['3栋'] }, as('resident')))).toBe('INVALID_INPUT');
    expect(await needCount()).toBe(count);
  });

  it('a building head files for an elder from 代办点单: the elder household, the contact given, channel 楼栋长代报', async () => {
    const found = ok(await call('households', 'lookup', { unitId: unit['1栋2单元'], room: '1102' }, as('building_head')));
    const need = ok(
      await createNeedAs({
          categoryId: await categoryId(db.ds, 'elderly'),
          householdId: found.householdId,
          description: '独居老人需要陪同就医',
          contactName: '李大爷',
          contactPhone: '10000000099',
        },
        as('building_head'),
      ),
    );
    expect(need).toMatchObject({ channel: 'bldg_head', reporter: { name: '李大爷' }, placeLabel: '1栋' });
    expect(await row(need.id)).toMatchObject({ householdId: found.householdId, channel: 'bldg_head', unitId: unit['1栋2单元'] });

    // Each office files under its own name.
    const byUnitHead = ok(
      await createNeedAs({
          categoryId: await categoryId(db.ds, 'elderly'),
          householdId: ok(await call('households', 'lookup', { unitId: unit['1栋1单元'], room: '1103' }, as('unit_head'))).householdId,
          description: '代办',
          contactName: '王奶奶',
          contactPhone: '10000000098',
        },
        as('unit_head'),
      ),
    );
    expect(byUnitHead.channel).toBe('unit_head');
    const filed = (openid: string) =>
      createNeedAs({ categoryId: byUnitHead.category.id, householdId: found.householdId, description: '代办', contactName: '李大爷', contactPhone: '10000000099' },
        openid,
      );
    expect(ok(await filed(as('compound_head'))).channel).toBe('cmpd_head');
    expect(ok(await filed(as('grid_worker'))).channel).toBe('grid_worker');
    expect(ok(await filed(as('community_staff'))).channel).toBe('staff');
  });

  it('a head looks up and prints only inside their scope', async () => {
    const rooms = async () => Number((await db.ds.query("SELECT COUNT(*) AS n FROM households WHERE room = 'X901'"))[0].n);
    // 刘桂芳 heads 1栋1单元: 1栋2单元 is not hers, and nothing is registered for the attempt.
    const refused = await call('households', 'lookup', { unitId: unit['1栋2单元'], room: 'X901' }, as('unit_head'));
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await rooms()).toBe(0);
    expect(errorCode(await call('households', 'lookup', { unitId: unit['3栋1单元'], room: 'X901' }, as('building_head')))).toBe('FORBIDDEN');
    expect(await rooms()).toBe(0);

    // The pickers of 代办点单 show no more than that.
    const mine = ok(await call('households', 'places', { compoundId }, as('unit_head')));
    expect(mine.compounds).toEqual([{ id: compoundId, name: '锦屏花园' }]);
    expect(mine.buildings).toEqual([expect.objectContaining({ name: '1栋', units: [{ id: unit['1栋1单元'], name: '1单元' }] })]);
    const head = ok(await call('households', 'places', { compoundId }, as('building_head')));
    expect(head.buildings.map((b) => [b.name, b.units.length])).toEqual([['1栋', 2]]);
    expect(ok(await call('households', 'places', { compoundId }, as('compound_head'))).buildings.map((b) => b.name)).toEqual(['1栋', '2栋', '3栋']);
    const otherCompound = await compoundIdOf(db.ds, 'NJLY02');
    expect(errorCode(await call('households', 'places', { compoundId: otherCompound }, as('compound_head')))).toBe('FORBIDDEN');
    expect(errorCode(await call('households', 'places', {}, as('resident')))).toBe('FORBIDDEN');
    expect(ok(await call('households', 'places', {}, as('grid_worker'))).compounds.length).toBeGreaterThan(1);

    // Posters: a compound head prints their compound only; building and unit heads do not print.
    expect(ok(await call('community', 'posters', { compoundId }, as('compound_head'))).length).toBe(4);
    expect(errorCode(await call('community', 'posters', { compoundId: otherCompound }, as('compound_head')))).toBe('FORBIDDEN');
    expect(errorCode(await call('community', 'posters', { compoundId }, as('building_head')))).toBe('FORBIDDEN');
    expect(errorCode(await call('community', 'posters', { compoundId }, as('unit_head')))).toBe('FORBIDDEN');
  });

  it('a resident whose binding is pending files a need marked 待核实, and the mark stays after verification', async () => {
    const pending = await buildResident(db.ds, { verifier: null, building: '1栋', name: '新住户', phone: '10000005555' });
    const need = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'pipe'), householdId: pending.householdId, description: '刚搬来，下水道堵了' },
        pending.openid,
      ),
    );
    expect(need).toMatchObject({ status: 'submitted', channel: 'self', unverified: true, reporter: { name: '新住户' } });
    expect(await row(need.id)).toMatchObject({ unverifiedReporter: true });
    expect(await told(need.id, as('building_head'))).toBe(1);
    expect(await told(need.id, as('community_staff'))).toBe(1);
    expect(ok(await call('needs', 'get', { needId: need.id }, as('building_head'))).unverified).toBe(true);
    expect(ok(await call('needs', 'mine', {}, pending.openid)).items[0]).toMatchObject({ id: need.id, unverified: true });
    expect(ok(await call('needs', 'queue', {}, as('community_staff'))).items.find((n) => n.id === need.id)).toMatchObject({ unverified: true });

    // A property category still goes straight to the firm, which sees the mark.
    const repair = ok(
      await createNeedAs({ categoryId: await categoryId(db.ds, 'repair'), householdId: pending.householdId, description: '门禁坏了' },
        pending.openid,
      ),
    );
    expect(repair).toMatchObject({ status: 'dispatched', unverified: true });
    expect(ok(await call('needs', 'get', { needId: repair.id }, as('property_staff'))).unverified).toBe(true);

    ok(await call('households', 'verify', { membershipId: pending.membershipId, approve: true }, as('building_head')));
    expect(ok(await call('needs', 'get', { needId: need.id }, pending.openid)).unverified).toBe(true);
    const later = ok(
      await createNeedAs({ categoryId: need.category.id, householdId: pending.householdId, description: '认证后再报' }, pending.openid),
    );
    expect(later.unverified).toBe(false);
  });

  it('a stranger without a binding, or with a rejected one, still cannot file', async () => {
    const home = await homeOf(db.ds, 'resident');
    const pipe = await categoryId(db.ds, 'pipe');
    const count = await needCount();
    expect(errorCode(await createNeedAs({ categoryId: pipe, householdId: home, description: '陌生人点单' }, newcomer()))).toBe('FORBIDDEN');
    const rejected = await buildResident(db.ds, { verifier: null });
    ok(await call('households', 'verify', { membershipId: rejected.membershipId, approve: false, reason: '信息不符' }, as('building_head')));
    expect(
      errorCode(await createNeedAs({ categoryId: pipe, householdId: rejected.householdId, description: '被驳回后点单' }, rejected.openid)),
    ).toBe('FORBIDDEN');
    expect(await needCount()).toBe(count);
  });
});

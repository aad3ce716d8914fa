import type { DataSource } from 'typeorm';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, snapshotCounts, ALL_TABLES, type TestDb } from '../db';
import { as, buildResident, call, callRaw, categoryId, errorCode, homeOf, newcomer, ok, orgId, personWithRole, communityIdOf, quarterPeriod } from '../factories';

jest.setTimeout(120_000);

const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });

async function residentOf(ds: DataSource, compound: string, verifier: string) {
  return buildResident(ds, { compound, verifier: as(verifier) });
}

describe.each(DIALECTS)('property-firm star ratings on %s', (dialect) => {
  let db: TestDb;
  let langyuan: number;
  let gucheng: number;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    langyuan = await orgId(db.ds, '阆苑物业服务有限公司');
    gucheng = await orgId(db.ds, '古城红色物业服务有限公司');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('nobody rates without an open period; only admins open one', async () => {
    const me = await homeOf(db.ds, 'resident');
    expect(errorCode(await call('ratings', 'rate', { householdId: me, scores: all(4) }, as('resident')))).toBe('INVALID_TRANSITION');
    expect(errorCode(await call('ratings', 'openPeriod', quarterPeriod(), as('community_staff')))).toBe('FORBIDDEN');
    ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin')));
    const later = quarterPeriod(new Date(clock.now().getTime() + 100 * 24 * 3600 * 1000));
    expect(errorCode(await call('ratings', 'openPeriod', later, as('admin')))).toBe('CONFLICT');
  });

  it('one household submitting twenty ratings at once keeps one rating row and every change', async () => {
    const r = await residentOf(db.ds, 'NJJP01', 'building_head');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call('ratings', 'rate', { householdId: r.householdId, scores: all((i % 5) + 1) }, r.openid)),
    );
    expect(results.every((x) => x.ok)).toBe(true);
    const [{ n }] = await db.ds.query('SELECT COUNT(*) AS n FROM household_ratings WHERE householdId = ?', [r.householdId]);
    expect(Number(n)).toBe(1);
    const [{ c }] = await db.ds.query('SELECT COUNT(*) AS c FROM rating_changes rc JOIN household_ratings hr ON hr.id = rc.ratingId WHERE hr.householdId = ?', [
      r.householdId,
    ]);
    expect(Number(c)).toBe(20);
    // Settle it at five stars for the computation below: the 21st submission is the 20th change.
    expect(ok(await call('ratings', 'rate', { householdId: r.householdId, scores: all(5), comment: '保洁很勤快' }, r.openid)).rating?.changes).toBe(20);
  });

  it("refuses the unverified, other households, the firm's own staff, bad words and assessors out of scope — writing nothing", async () => {
    const before = await snapshotCounts(
      db.ds,
      ALL_TABLES.filter((t) => t !== 'usage_counters' && t !== 'users' && t !== 'role_assignments'),
    );
    const pending = await buildResident(db.ds, { compound: 'NJJP01', verifier: null });
    expect(errorCode(await call('ratings', 'rate', { householdId: pending.householdId, scores: all(5) }, pending.openid))).toBe('FORBIDDEN');
    expect(errorCode(await call('ratings', 'rate', { householdId: await homeOf(db.ds, 'resident'), scores: all(1) }, as('resident2')))).toBe('FORBIDDEN');
    expect(errorCode(await call('ratings', 'rate', { householdId: await homeOf(db.ds, 'resident'), scores: all(1) }, newcomer()))).toBe('FORBIDDEN');
    // 孙磊 works for 阆苑物业 and also lives in 锦屏花园: he may not rate his own firm.
    const staffHome = await buildResident(db.ds, { compound: 'NJJP01', openid: as('property_staff') });
    expect(errorCode(await call('ratings', 'rate', { householdId: staffHome.householdId, scores: all(5) }, as('property_staff')))).toBe('FORBIDDEN');
    expect(
      await call('ratings', 'rate', { householdId: await homeOf(db.ds, 'resident'), scores: all(3), comment: '服务太差 傻 逼' }, as('resident')),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'comment' } },
    });
    expect(
      await callRaw('ratings', 'rate', { householdId: await homeOf(db.ds, 'resident'), scores: { ...all(3), environment: 6 } }, as('resident')),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'scores.environment' } },
    });
    const nanjie = await communityIdOf(db.ds, '南街社区');
    const smallAssessor = await personWithRole(db.ds, 'assessor', 'community', nanjie);
    const jialing = await orgId(db.ds, '嘉陵物业管理有限公司');
    expect(errorCode(await call('ratings', 'assess', { firmId: jialing, scores: { organisation: 80, team: 80, service: 80 } }, smallAssessor))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await call('ratings', 'assess', { firmId: langyuan, scores: { organisation: 80, team: 80, service: 80 } }, as('resident')))).toBe(
      'FORBIDDEN',
    );
    const after = await snapshotCounts(
      db.ds,
      ALL_TABLES.filter((t) => t !== 'usage_counters' && t !== 'users' && t !== 'role_assignments'),
    );
    // Only the two bindings (and their events and rooms) were written: no rating, no score.
    expect(after.household_ratings).toBe(before.household_ratings);
    expect(after.rating_changes).toBe(before.rating_changes);
    expect(after.assessor_scores).toBe(before.assessor_scores);
  });

  it('computes stars by the hand-computed table: shrinkage toward the city mean, weights per type, no stars below the minimum sample', async () => {
    // 阆苑 (commercial): five households at 5 stars (one rated above). 古城 (old): two at 2 stars.
    for (let i = 0; i < 4; i++) {
      const r = await residentOf(db.ds, 'NJJP01', 'building_head');
      ok(await call('ratings', 'rate', { householdId: r.householdId, scores: all(5) }, r.openid));
    }
    for (let i = 0; i < 2; i++) {
      const r = await residentOf(db.ds, 'NJLY02', 'community_staff');
      ok(await call('ratings', 'rate', { householdId: r.householdId, scores: all(2) }, r.openid));
    }
    const list = ok(await call('ratings', 'assessable', {}, as('assessor')));
    expect(list.map((f) => f.firm.id)).toEqual(expect.arrayContaining([langyuan, gucheng]));
    expect(list.find((f) => f.firm.id === langyuan)?.assessment).toBeNull();
    ok(await call('ratings', 'assess', { firmId: langyuan, scores: { organisation: 80, team: 70, service: 90 }, note: '台账齐全' }, as('assessor')));
    expect(ok(await call('ratings', 'assessable', {}, as('assessor'))).find((f) => f.firm.id === langyuan)?.assessment?.scores).toEqual({
      organisation: 80,
      team: 70,
      service: 90,
    });
    // A second submission by the same assessor edits, never doubles.
    ok(await call('ratings', 'assess', { firmId: langyuan, scores: { organisation: 80, team: 70, service: 90 }, note: '台账齐全，已复核' }, as('assessor')));
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM assessor_scores'))[0].n)).toBe(1);

    // Staff see a live preview before the close; the firm's needs in the period are read through
    // needs/public (a property need files straight to the compound's firm).
    const before = ok(await call('ratings', 'firmCard', { firmId: langyuan }, as('community_staff'))).preview!;
    expect(before[0]).toMatchObject({ sample: 5, stars: 4 });
    const volume = before[0].needs.volume;
    ok(
      await call(
        'needs',
        'create',
        { categoryId: await categoryId(db.ds, 'property'), householdId: await homeOf(db.ds, 'resident'), description: '电梯按钮失灵' },
        as('resident'),
      ),
    );
    const preview = ok(await call('ratings', 'firmCard', { firmId: langyuan }, as('community_staff'))).preview;
    expect(preview?.[0].needs.volume).toBe(volume + 1);
    expect(ok(await call('ratings', 'firmCard', { firmId: langyuan }, as('resident'))).preview).toBeNull();

    const [period] = ok(await call('ratings', 'periods', {}, as('admin')));
    ok(await call('ratings', 'closePeriod', { periodId: period.id }, as('admin')));
    expect(errorCode(await call('ratings', 'rate', { householdId: await homeOf(db.ds, 'resident'), scores: all(5) }, as('resident')))).toBe(
      'INVALID_TRANSITION',
    );
    // Closed but not published: the public sees nothing yet.
    expect(ok(await call('ratings', 'leaderboard', {}, as('resident'))).period).toBeNull();
    ok(await call('ratings', 'publishPeriod', { periodId: period.id }, as('admin')));

    const city = (5 * 100 + 2 * 40) / 7;
    const lySat = (5 * 100 + 10 * city) / 15;
    const lyComposite = (80 * 20 + 70 * 20 + 90 * 30 + lySat * 30) / 100;
    const gcSat = (2 * 40 + 10 * city) / 12;
    const card = ok(await call('ratings', 'firmCard', { firmId: langyuan }, as('resident')));
    expect(card.results[0]).toMatchObject({ compoundType: 'commercial', sample: 5, stars: 4, composite: Math.round(lyComposite) });
    expect(card.results[0].criteria.satisfaction).toBeCloseTo(lySat, 1);
    expect(card.comments.map((c) => c.body)).toContain('保洁很勤快');
    const old = ok(await call('ratings', 'firmCard', { firmId: gucheng }, as('resident'))).results.find((r) => r.compoundType === 'old')!;
    // Below the minimum sample no figure made of households' scores is shown: with two households it would be theirs.
    expect(old).toMatchObject({ sample: 2, stars: null, composite: null, satisfactionRaw: null });
    expect(old.criteria.satisfaction).toBeNull();
    expect(gcSat).toBeGreaterThan(0);

    const board = ok(await call('ratings', 'leaderboard', { scope: 'city' }, as('resident')));
    expect(board.rows[0]).toMatchObject({ rank: 1, firm: { id: langyuan }, stars: 4, sample: 5 });
    const unranked = board.rows.filter((r) => r.rank === null);
    expect(unranked.map((r) => r.firm.id)).toContain(gucheng);
    expect(unranked.every((r) => r.stars === null)).toBe(true);

    // The compound home shows the stars with the sample size.
    const home = ok(await call('community', 'resolveScene', { scene: 'c=NJJP01' }));
    expect(home.firmRating).toEqual({ stars: 4, sample: 5, periodCode: quarterPeriod().code });
  });

  it('the firm replies publicly; reported comments hide until a moderator keeps them', async () => {
    const [period] = ok(await call('ratings', 'periods', {}, as('admin')));
    expect(errorCode(await call('ratings', 'reply', { firmId: langyuan, periodId: period.id, body: '感谢' }, as('resident')))).toBe('FORBIDDEN');
    const card = ok(
      await call('ratings', 'reply', { firmId: langyuan, periodId: period.id, body: '感谢各位业主，我们将加强维修响应。' }, as('property_staff')),
    );
    expect(card.reply?.body).toBe('感谢各位业主，我们将加强维修响应。');
    const target = card.comments[0];
    // Reporting twice counts once; the third person's report hides it, and a hidden comment is no longer public.
    for (const who of [as('resident'), as('resident'), as('resident2'), newcomer()])
      ok(await call('ratings', 'reportComment', { ratingId: target.ratingId }, who));
    expect(errorCode(await call('ratings', 'reportComment', { ratingId: target.ratingId }, newcomer()))).toBe('NOT_FOUND');
    expect(ok(await call('ratings', 'firmCard', { firmId: langyuan }, as('resident'))).comments.map((c) => c.ratingId)).not.toContain(target.ratingId);
    const queue = ok(await call('ratings', 'moderationQueue', {}, as('community_staff')));
    expect(queue.map((q) => q.ratingId)).toContain(target.ratingId);
    expect(errorCode(await call('ratings', 'moderationQueue', {}, as('resident')))).toBe('FORBIDDEN');
    const both = await Promise.all([true, true].map((keep) => call('ratings', 'moderate', { ratingId: target.ratingId, keep }, as('community_staff'))));
    expect(both.filter((b) => b.ok)).toHaveLength(1);
    expect(ok(await call('ratings', 'firmCard', { firmId: langyuan }, as('resident'))).comments.map((c) => c.ratingId)).toContain(target.ratingId);
  });

  it('weights must sum to 100 and only admins set them', async () => {
    expect(
      await call('ratings', 'saveWeights', { compoundType: 'old', weights: { organisation: 10, team: 10, service: 30, satisfaction: 40 } }, as('admin')),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      errorCode(
        await call('ratings', 'saveWeights', { compoundType: 'old', weights: { organisation: 10, team: 10, service: 30, satisfaction: 50 } }, as('resident')),
      ),
    ).toBe('FORBIDDEN');
    expect(
      ok(await call('ratings', 'saveWeights', { compoundType: 'old', weights: { organisation: 10, team: 10, service: 30, satisfaction: 50 } }, as('admin')))
        .old,
    ).toEqual({
      organisation: 10,
      team: 10,
      service: 30,
      satisfaction: 50,
    });
  });
});

import { clock } from '../../cloud/src/core/clock';
import { localDay } from '@hg/types/local-time';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, callRaw, errorCode, homeOf, newcomer, ok, orgId, quarterPeriod, type BuiltResident } from '../factories';

/**
 * Ratings that hold under a careless or curious caller and a busy system (issue #13): a rating is
 * its household's business; every accepted rating is in the period's results; one open period
 * even when admins open at once; only public comments can be reported; no household's own score
 * leaks below the minimum sample; no impossible day is stored; personal data typed into a comment
 * never reaches anyone but its author.
 */
jest.setTimeout(240_000);

const DAY = 24 * 3600 * 1000;
const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });

describe.each(DIALECTS)('ratings integrity on %s', (dialect) => {
  let db: TestDb;
  let firm: number;
  let households: BuiltResident[];
  let code = 0;
  /** A fresh period code each time (the code is a label; the days decide when households may rate). */
  const nextCode = () => `20${60 + ++code}-Q1`;

  async function openNow(overrides: { startsOn?: string; endsOn?: string } = {}) {
    return ok(await call('ratings', 'openPeriod', { ...quarterPeriod(), ...overrides, code: nextCode() }, as('admin')));
  }
  async function closeAndPublish(periodId: number) {
    ok(await call('ratings', 'closePeriod', { periodId }, as('admin')));
    ok(await call('ratings', 'publishPeriod', { periodId }, as('admin')));
  }
  const count = async (sql: string, params: unknown[]) => Number((await db.ds.query(sql, params))[0].n);

  beforeAll(async () => {
    db = await createTestDb(dialect);
    firm = await orgId(db.ds, '阆苑物业服务有限公司');
    households = [];
    for (let i = 0; i < 12; i++) households.push(await buildResident(db.ds));
  });
  afterEach(() => clock.reset());
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it("only the household's verified members read its rating; everyone else gets NOT_FOUND, as for no household", async () => {
    const period = await openNow();
    const home = await homeOf(db.ds, 'resident');
    ok(await call('ratings', 'rate', { householdId: home, scores: all(2), comment: '维修太慢' }, as('resident')));
    const own = ok(await call('ratings', 'myRating', { householdId: home }, as('resident')));
    expect(own.rating?.comment).toBe('维修太慢');
    // The firm's own staff, a neighbour, staff over the compound, the admin, a stranger: nothing.
    for (const who of [as('property_staff'), as('resident2'), as('community_staff'), as('admin'), as('assessor'), newcomer()]) {
      const res = await call('ratings', 'myRating', { householdId: home }, who);
      expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(JSON.stringify(res)).not.toContain('维修太慢');
    }
    expect(errorCode(await call('ratings', 'myRating', { householdId: 999_999 }, as('resident2')))).toBe('NOT_FOUND');
    // A member still awaiting verification is told why, and sees no rating.
    const pending = await buildResident(db.ds, { verifier: null });
    const mine = ok(await call('ratings', 'myRating', { householdId: pending.householdId }, pending.openid));
    expect(mine.rating).toBeNull();
    expect(mine.blockedReason).toContain('认证');
    await closeAndPublish(period.id);
  });

  it('every rating accepted while the period closes is in its results; the rest are refused', async () => {
    for (let round = 0; round < 4; round++) {
      const period = await openNow();
      const stars = (round % 5) + 1;
      // Twelve households rate at once while the admin closes the period in the middle of them.
      const rates = households.map((h, i) =>
        new Promise((r) => setTimeout(r, i * 2)).then(() => call('ratings', 'rate', { householdId: h.householdId, scores: all(stars) }, h.openid)),
      );
      const close = new Promise((r) => setTimeout(r, 8)).then(() => call('ratings', 'closePeriod', { periodId: period.id }, as('admin')));
      const [answers, closed] = await Promise.all([Promise.all(rates), close]);
      ok(closed);
      const accepted = answers.filter((a) => a.ok).length;
      if (process.env.DEBUG_RACE) console.log(dialect, 'round', round, 'accepted', accepted);
      expect(answers.filter((a) => !a.ok).every((a) => errorCode(a) === 'INVALID_TRANSITION')).toBe(true);
      const stored = await count('SELECT COUNT(*) AS n FROM household_ratings WHERE periodId = ? AND firmId = ?', [period.id, firm]);
      const sample = await count('SELECT SUM(sample) AS n FROM firm_results WHERE periodId = ? AND firmId = ?', [period.id, firm]);
      // Nothing refused was written, and nothing accepted was left out of the snapshot.
      expect(stored).toBe(accepted);
      expect(sample).toBe(stored);
      ok(await call('ratings', 'publishPeriod', { periodId: period.id }, as('admin')));
    }
  });

  it('a day after the last day nobody rates, even before the timer has closed the period', async () => {
    const today = localDay(clock.now());
    const period = await openNow({ endsOn: today });
    const h = households[0];
    ok(await call('ratings', 'rate', { householdId: h.householdId, scores: all(4) }, h.openid));
    clock.advance(DAY);
    expect(errorCode(await call('ratings', 'rate', { householdId: h.householdId, scores: all(1) }, h.openid))).toBe('INVALID_TRANSITION');
    expect(ok(await call('ratings', 'myRating', { householdId: h.householdId }, h.openid)).blockedReason).toContain('结束');
    // Still open (the timer has not run): the late change did not land.
    expect(await count("SELECT COUNT(*) AS n FROM rating_periods WHERE id = ? AND status = 'open'", [period.id])).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM rating_changes rc JOIN household_ratings r ON r.id = rc.ratingId WHERE r.periodId = ?', [period.id])).toBe(1);
    clock.reset();
    // A period whose first day is still ahead does not open at all (issue 16, item 5), so it takes no ratings either.
    await closeAndPublish(period.id);
    const future = quarterPeriod(new Date(clock.now().getTime() + 100 * DAY));
    expect(await call('ratings', 'openPeriod', { ...future, code: nextCode() }, as('admin'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'startsOn' } },
    });
    expect(errorCode(await call('ratings', 'rate', { householdId: h.householdId, scores: all(4) }, h.openid))).toBe('INVALID_TRANSITION');
  });

  it('five admins opening a period at once open exactly one', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => call('ratings', 'openPeriod', { ...quarterPeriod(), code: nextCode() }, as('admin'))),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map(errorCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await count("SELECT COUNT(*) AS n FROM rating_periods WHERE status = 'open'", [])).toBe(1);
    const opened = answers.find((a) => a.ok)!;
    if (!opened.ok) throw new Error('unreachable');
    await closeAndPublish(opened.data.id);
    // Once it closed, the next one opens.
    const next = await openNow();
    await closeAndPublish(next.id);
  });

  it('only comments the public can read can be reported; any other id answers NOT_FOUND alike', async () => {
    const period = await openNow();
    const [a, b] = households;
    ok(await call('ratings', 'rate', { householdId: a.householdId, scores: all(1), comment: '垃圾三天没人收' }, a.openid));
    ok(await call('ratings', 'rate', { householdId: b.householdId, scores: all(5) }, b.openid));
    const ratingId = async (h: BuiltResident) =>
      Number((await db.ds.query('SELECT id FROM household_ratings WHERE periodId = ? AND householdId = ?', [period.id, h.householdId]))[0].id);
    const withComment = await ratingId(a);
    const withoutComment = await ratingId(b);
    const reporters = [as('resident'), as('resident2'), newcomer(), newcomer()];
    // Open (unpublished): nobody could have read it, so nobody can report it.
    const refusals = [];
    for (const who of reporters) refusals.push(await call('ratings', 'reportComment', { ratingId: withComment }, who));
    refusals.push(await call('ratings', 'reportComment', { ratingId: withoutComment }, newcomer()));
    refusals.push(await call('ratings', 'reportComment', { ratingId: 987_654 }, newcomer()));
    // The same answer whether the rating exists, has no comment, or is unpublished: ids are not enumerable.
    expect(new Set(refusals.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify(refusals[0])]));
    expect(errorCode(refusals[0])).toBe('NOT_FOUND');
    expect(await count('SELECT COUNT(*) AS n FROM comment_reports WHERE ratingId = ?', [withComment])).toBe(0);

    await closeAndPublish(period.id);
    // Published: the firm's own staff may report, but three of them cannot hide criticism of their firm.
    ok(await call('ratings', 'reportComment', { ratingId: withComment }, as('property_staff')));
    expect(await count('SELECT reports AS n FROM household_ratings WHERE id = ?', [withComment])).toBe(0);
    for (const who of reporters.slice(0, 3)) ok(await call('ratings', 'reportComment', { ratingId: withComment }, who));
    expect((await db.ds.query('SELECT commentStatus FROM household_ratings WHERE id = ?', [withComment]))[0].commentStatus).toBe('hidden');
  });

  it('below the minimum sample the public card and board show no figure made of the households’ scores', async () => {
    const period = await openNow();
    const h = households[3];
    ok(await call('ratings', 'rate', { householdId: h.householdId, scores: all(2) }, h.openid));
    // Staff's live preview withholds it too: the firm's staff could tell who rated.
    const preview = ok(await call('ratings', 'firmCard', { firmId: firm }, as('property_staff'))).preview!;
    expect(preview.find((r) => r.sample === 1)).toMatchObject({ stars: null, composite: null, satisfactionRaw: null });
    await closeAndPublish(period.id);
    const card = ok(await callRaw<import('@hg/types').FirmCardDTO>('ratings', 'firmCard', { firmId: firm }, null));
    const result = card.results.find((r) => r.periodId === period.id)!;
    expect(result).toMatchObject({ sample: 1, stars: null, composite: null, satisfactionRaw: null });
    expect(result.criteria.satisfaction).toBeNull();
    expect(card.history.filter((r) => r.sample < 5).every((r) => r.satisfactionRaw === null && r.composite === null)).toBe(true);
    const board = ok(await call('ratings', 'leaderboard', { scope: 'city' }, null));
    expect(board.rows.filter((r) => r.sample < 5).every((r) => r.composite === null && r.stars === null)).toBe(true);
  });

  it('an impossible day is refused, not rolled over', async () => {
    const res = await call('ratings', 'openPeriod', { code: nextCode(), startsOn: localDay(clock.now()), endsOn: '2027-02-30' }, as('admin'));
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'endsOn' } } });
    expect(await count('SELECT COUNT(*) AS n FROM rating_periods WHERE endsOn = ? OR endsOn = ?', ['2027-02-30', '2027-03-02'])).toBe(0);
    expect(errorCode(await call('ratings', 'openPeriod', { code: nextCode(), startsOn: '2026-01-01', endsOn: '2026-02-01' }, as('admin')))).toBe('INVALID_INPUT');
  });

  it('changing only the stars keeps what a moderator hid; a new comment is masked afresh', async () => {
    const period = await openNow();
    const h = households[6];
    ok(await call('ratings', 'rate', { householdId: h.householdId, scores: all(2), comment: '保安老李不管事' }, h.openid));
    const [{ id }] = await db.ds.query('SELECT id FROM household_ratings WHERE periodId = ? AND householdId = ?', [period.id, h.householdId]);
    expect(ok(await call('ratings', 'maskComment', { ratingId: Number(id), fragment: '老李' }, as('community_staff'))).body).toBe('保安＊＊不管事');
    // The same comment, other stars: the name stays hidden.
    ok(await call('ratings', 'rate', { householdId: h.householdId, scores: all(3), comment: '保安老李不管事' }, h.openid));
    const [kept] = await db.ds.query('SELECT commentPublic, maskedById, satisfaction FROM household_ratings WHERE id = ?', [id]);
    expect({ ...kept, maskedById: kept.maskedById !== null, satisfaction: Number(kept.satisfaction) }).toEqual({
      commentPublic: '保安＊＊不管事',
      maskedById: true,
      satisfaction: 60,
    });
    // A changed comment is masked by the patterns again and waits for moderators anew.
    ok(await call('ratings', 'rate', { householdId: h.householdId, scores: all(3), comment: '保安还是不管事，打13812345678' }, h.openid));
    const [fresh] = await db.ds.query('SELECT commentPublic, maskedById FROM household_ratings WHERE id = ?', [id]);
    expect(fresh).toEqual({ commentPublic: '保安还是不管事，打【电话已隐去】', maskedById: null });
    await closeAndPublish(period.id);
  });

  it('phone numbers, ID numbers and rooms in a comment reach only its author; a moderator hides more and keeps the criticism', async () => {
    const period = await openNow();
    const h = households[5];
    const written = '3栋1单元101的老张天天占消防通道，物业不管，电话138 1234 5678';
    ok(await call('ratings', 'rate', { householdId: h.householdId, scores: all(1), comment: written }, h.openid));
    expect(ok(await call('ratings', 'myRating', { householdId: h.householdId }, h.openid)).rating?.comment).toBe(written);
    await closeAndPublish(period.id);
    const shown = ok(await call('ratings', 'firmCard', { firmId: firm }, newcomer())).comments.find((c) => c.body.includes('消防通道'))!;
    expect(shown.body).toBe('【门牌已隐去】的老张天天占消防通道，物业不管，电话【电话已隐去】');
    expect(shown.canMask).toBe(false);
    expect(JSON.stringify(ok(await call('ratings', 'firmCard', { firmId: firm }, newcomer())))).not.toMatch(/1234|101的/);

    // Staff over the compound may mask what the patterns cannot know; nobody else may.
    expect(ok(await call('ratings', 'firmCard', { firmId: firm }, as('community_staff'))).comments.find((c) => c.ratingId === shown.ratingId)?.canMask).toBe(
      true,
    );
    expect(errorCode(await call('ratings', 'maskComment', { ratingId: shown.ratingId, fragment: '老张' }, as('property_staff')))).toBe('FORBIDDEN');
    expect(await call('ratings', 'maskComment', { ratingId: shown.ratingId, fragment: '老王' }, as('community_staff'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'fragment' } },
    });
    const masked = ok(await call('ratings', 'maskComment', { ratingId: shown.ratingId, fragment: '老张' }, as('community_staff')));
    expect(masked.body).toBe('【门牌已隐去】的＊＊天天占消防通道，物业不管，电话【电话已隐去】');
    const card = ok(await call('ratings', 'firmCard', { firmId: firm }, newcomer()));
    expect(card.comments.find((c) => c.ratingId === shown.ratingId)?.body).toBe(masked.body);
    // The firm's public reply is masked the same way (a resident's door typed into it).
    ok(await call('ratings', 'reply', { firmId: firm, periodId: period.id, body: '3栋1单元101反映的占道问题已处理' }, as('property_staff')));
    expect(ok(await call('ratings', 'firmCard', { firmId: firm }, newcomer())).reply?.body).toBe('【门牌已隐去】反映的占道问题已处理');
    // The author still reads what they wrote, and the record keeps who masked.
    const [row] = await db.ds.query('SELECT comment, maskedById FROM household_ratings WHERE id = ?', [shown.ratingId]);
    expect(row.comment).toBe(written);
    expect(Number(row.maskedById)).toBeGreaterThan(0);
  });
});

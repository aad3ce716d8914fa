import type { DataSource } from 'typeorm';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, errorCode, ok, orgId, quarterPeriod, type BuiltResident } from '../factories';

/**
 * Issue 16 leftover: in 结果审核 the admin hides (removes) or keeps a public comment himself, through
 * the moderation action (`moderate`) with its permissions and subject-log records: a visible comment
 * can be taken down before 公示 and given back; the author is told, the firm only once the comment
 * was public; never while the period is open; two decisions at once make one.
 */
jest.setTimeout(180_000);

const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });
const titlesOf = async (ds: DataSource, userId: number, subjectKind: string) =>
  ((await ds.query('SELECT title FROM notifications WHERE userId = ? AND subjectKind = ? ORDER BY id', [userId, subjectKind])) as { title: string }[]).map((m) => m.title);
const userIdOf = async (ds: DataSource, openid: string) => Number((await ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);
const commentEvents = async (ds: DataSource, ratingId: number) =>
  (
    (await ds.query("SELECT action, from_status AS fromStatus, to_status AS toStatus, actor_id AS actorId FROM subject_events WHERE subject_kind = 'rating-comment' AND subject_id = ? ORDER BY id", [
      ratingId,
    ])) as { action: string; fromStatus: string; toStatus: string; actorId: number }[]
  ).map((e) => ({ ...e, actorId: Number(e.actorId) }));

describe.each(DIALECTS)('comments decided in 结果审核 on %s', (dialect) => {
  let db: TestDb;
  let firm: number;
  let periodId: number;
  let author: BuiltResident;
  let other: BuiltResident;
  const commentsOf = async () => {
    const review = ok(await call('ratings', 'periodReview', { periodId }, as('admin')));
    return review.firms.find((f) => f.firm.id === firm)!.comments;
  };

  beforeAll(async () => {
    db = await createTestDb(dialect);
    firm = await orgId(db.ds, '阆苑物业服务有限公司');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('not while the period is open; after the close the admin takes a comment down and gives it back, the author told, the firm not', async () => {
    periodId = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
    author = await buildResident(db.ds, { compound: 'NJJP01' });
    other = await buildResident(db.ds, { compound: 'NJJP01' });
    const rated = ok(await call('ratings', 'rate', { householdId: author.householdId, scores: all(2), comment: '保安张某某态度恶劣，请撤换' }, author.openid));
    ok(await call('ratings', 'rate', { householdId: other.householdId, scores: all(4), comment: '保洁及时' }, other.openid));
    const ratingId = rated.rating!.id;
    expect(errorCode(await call('ratings', 'moderate', { ratingId, keep: false }, as('admin')))).toBe('INVALID_TRANSITION');

    ok(await call('ratings', 'closePeriod', { periodId }, as('admin')));
    expect((await commentsOf()).map((c) => [c.body, c.status])).toEqual([
      ['保洁及时', 'visible'],
      ['保安张某某态度恶劣，请撤换', 'visible'],
    ]);
    // Moderators only: a resident or the firm's staff may not.
    for (const who of [as('resident'), as('property_staff')]) expect(errorCode(await call('ratings', 'moderate', { ratingId, keep: false }, who))).toBe('FORBIDDEN');
    // Keeping a visible comment is no decision at all.
    expect(errorCode(await call('ratings', 'moderate', { ratingId, keep: true }, as('admin')))).toBe('INVALID_TRANSITION');

    const removed = ok(await call('ratings', 'moderate', { ratingId, keep: false }, as('admin')));
    expect(removed).toMatchObject({ ratingId, status: 'removed' });
    expect((await commentsOf()).find((c) => c.ratingId === ratingId)?.status).toBe('removed');
    const authorId = await userIdOf(db.ds, author.openid);
    expect(await titlesOf(db.ds, authorId, 'household-rating')).toEqual(['您的评语未予公开']);
    // The firm never saw it (the period is not public yet): nothing to tell it.
    expect(await titlesOf(db.ds, await userIdOf(db.ds, as('property_staff')), 'firm-ratings')).toEqual([]);

    ok(await call('ratings', 'moderate', { ratingId, keep: true }, as('admin')));
    expect((await commentsOf()).find((c) => c.ratingId === ratingId)?.status).toBe('visible');
    expect(await titlesOf(db.ds, authorId, 'household-rating')).toEqual(['您的评语未予公开', '您的评语已恢复显示']);
    const adminId = await userIdOf(db.ds, as('admin'));
    expect(await commentEvents(db.ds, ratingId)).toEqual([
      { action: 'removed', fromStatus: 'visible', toStatus: 'removed', actorId: adminId },
      { action: 'kept', fromStatus: 'removed', toStatus: 'visible', actorId: adminId },
    ]);
  });

  it('in 公示 a takedown reaches the public card and the firm; two decisions at once make one', async () => {
    ok(await call('ratings', 'publishPeriod', { periodId }, as('admin')));
    const card = ok(await call('ratings', 'firmCard', { firmId: firm }, null));
    const target = card.comments.find((c) => c.body === '保洁及时')!;
    const both = await Promise.all([0, 1].map(() => call('ratings', 'moderate', { ratingId: target.ratingId, keep: false }, as('admin'))));
    expect(both.filter((b) => b.ok)).toHaveLength(1);
    expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(errorCode(both.find((b) => !b.ok)!));
    expect(ok(await call('ratings', 'firmCard', { firmId: firm }, null)).comments.map((c) => c.ratingId)).not.toContain(target.ratingId);
    expect(await titlesOf(db.ds, await userIdOf(db.ds, as('property_staff')), 'firm-ratings')).toEqual(['本期评价结果公示', '一条评语已撤下']);
    expect(await titlesOf(db.ds, await userIdOf(db.ds, other.openid), 'household-rating')).toEqual(['您的评语未予公开']);
    expect((await commentEvents(db.ds, target.ratingId)).map((e) => e.action)).toEqual(['removed']);
  });

  it('the message leads to 评价物业, where the author reads the closed period rating and what became of the comment', async () => {
    // 您的评语未予公开 opens 评价物业 for the household: with no open period, it shows the latest
    // closed one's rating, the comment as written and its state, to its author.
    const removed = ok(await call('ratings', 'myRating', { householdId: other.householdId }, other.openid));
    expect(removed.period).toBeNull();
    expect(removed.previous).toMatchObject({ period: { id: periodId }, rating: { comment: '保洁及时', byMe: true }, commentState: 'removed', voiceHidden: null });
    const kept = ok(await call('ratings', 'myRating', { householdId: author.householdId }, author.openid));
    expect(kept.previous).toMatchObject({ period: { id: periodId }, rating: { comment: '保安张某某态度恶劣，请撤换' }, commentState: 'visible' });
    // Nobody outside the household learns anything (as for the open period's rating).
    expect(errorCode(await call('ratings', 'myRating', { householdId: other.householdId }, author.openid))).toBe('NOT_FOUND');
  });
});

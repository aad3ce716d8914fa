import type { DataSource, EntityManager } from 'typeorm';
import { addDays, localTime } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { verifiedResidentsQuery } from '../../cloud/src/modules/households/public';
import { notifyMany } from '../../cloud/src/modules/notifications/public';
import { remindAssessorsBeforeClose } from '../../cloud/src/modules/ratings/rating-timers';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, communityIdOf, compoundIdOf, newcomer, ok, orgId, personWithRole, quarterPeriod } from '../factories';

jest.setTimeout(120_000);

const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });
const userIdOf = async (ds: DataSource, openid: string) => Number((await ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);
/** A person's messages about one kind of subject. */
const inbox = async (ds: DataSource, openid: string, subjectKind: string) =>
  (await ds.query('SELECT title, subjectKind, subjectId FROM notifications WHERE userId = ? AND subjectKind = ? ORDER BY id', [await userIdOf(ds, openid), subjectKind])) as {
    title: string;
    subjectId: number;
  }[];

/**
 * An EntityManager on its own query runner that counts the statements it sends (transaction
 * control excluded): how the fan-out's "one statement, not one per recipient" is measured.
 */
async function countingManager(ds: DataSource): Promise<{ em: EntityManager; statements: string[]; release: () => Promise<void> }> {
  const qr = ds.createQueryRunner();
  const statements: string[] = [];
  const query = qr.query.bind(qr);
  qr.query = ((sql: string, ...rest: unknown[]) => {
    statements.push(sql);
    return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
  }) as typeof qr.query;
  return { em: qr.manager, statements, release: () => qr.release() };
}

describe.each(DIALECTS)('ratings messages on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('a fan-out writes every recipient in one statement, from a query or from ids', async () => {
    const compound = await compoundIdOf(db.ds, 'NJJP01');
    for (let i = 0; i < 12; i++) await buildResident(db.ds, { compound: 'NJJP01' });
    const expected = Number(
      (await db.ds.query("SELECT COUNT(DISTINCT userId) AS n FROM household_members WHERE status = 'verified' AND compoundId = ?", [compound]))[0].n,
    );
    expect(expected).toBeGreaterThanOrEqual(12);
    const before = Number((await db.ds.query('SELECT COUNT(*) AS n FROM notifications'))[0].n);

    const c = await countingManager(db.ds);
    const msg = { kind: 'rating_period' as const, subject: { subjectKind: 'rating-period' as const, subjectId: 1 }, title: '测试', body: '一条群发消息' };
    const written = await notifyMany(c.em, verifiedResidentsQuery(c.em, [compound]), msg);
    expect(c.statements).toHaveLength(1);
    expect(c.statements[0]).toMatch(/^INSERT INTO .* SELECT DISTINCT/);
    expect(written).toBe(expected);
    const ids = (await db.ds.query('SELECT id FROM users ORDER BY id')).slice(0, 25).map((r: { id: number }) => Number(r.id));
    c.statements.length = 0;
    expect(await notifyMany(c.em, [...ids, ...ids], msg)).toBe(ids.length);
    expect(c.statements).toHaveLength(1);
    await c.release();
    const after = Number((await db.ds.query('SELECT COUNT(*) AS n FROM notifications'))[0].n);
    expect(after - before).toBe(expected + ids.length);
  });

  it('opening a period tells verified residents (in-app) and the assessors, not pending members; results tell residents and the firm', async () => {
    const verified = await buildResident(db.ds, { compound: 'NJJP01' });
    const pending = await buildResident(db.ds, { compound: 'NJJP01', verifier: null });
    const assessor = await personWithRole(db.ds, 'assessor', 'community', await communityIdOf(db.ds, '南街社区'));
    const firm = await orgId(db.ds, '阆苑物业服务有限公司');
    const firmStaff = await personWithRole(db.ds, 'org_staff', 'compound', await compoundIdOf(db.ds, 'NJJP01'), firm);
    const outsider = newcomer();

    const period = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin')));
    expect(await inbox(db.ds, verified.openid, 'rating-period')).toEqual([expect.objectContaining({ title: '物业评价开始了', subjectId: period.id })]);
    expect(await inbox(db.ds, pending.openid, 'rating-period')).toEqual([]);
    expect(await inbox(db.ds, assessor, 'rating-assessment')).toEqual([expect.objectContaining({ title: '物业考评期已开始' })]);
    expect(await db.ds.query('SELECT id FROM users WHERE openid = ?', [outsider])).toEqual([]);

    // Two days before the last day the assessors are reminded, once, however many ticks overlap.
    clock.advance(localTime(addDays(period.endsOn, -2), '09:00').getTime() - clock.now().getTime());
    const ctx = { em: db.ds.manager, platform: localPlatform(), tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work) };
    const runs = await Promise.all([0, 1, 2].map(() => remindAssessorsBeforeClose.run(ctx, clock.now())));
    expect(runs.filter((r) => r.assessorsReminded > 0)).toHaveLength(1);
    expect(await remindAssessorsBeforeClose.run(ctx, clock.now())).toEqual({ assessorsReminded: 0 });
    expect((await inbox(db.ds, assessor, 'rating-assessment')).map((m) => m.title)).toEqual(['物业考评期已开始', '物业考评即将截止']);

    ok(await call('ratings', 'rate', { householdId: verified.householdId, scores: all(4), comment: '楼道保洁及时' }, verified.openid));
    ok(await call('ratings', 'closePeriod', { periodId: period.id }, as('admin')));
    ok(await call('ratings', 'publishPeriod', { periodId: period.id }, as('admin')));
    expect(await inbox(db.ds, verified.openid, 'rating-results')).toEqual([expect.objectContaining({ title: '物业评价结果公示', subjectId: period.id })]);
    expect(await inbox(db.ds, pending.openid, 'rating-results')).toEqual([]);
    const [toFirm] = await db.ds.query("SELECT body FROM notifications WHERE userId = ? AND subjectKind = 'firm-ratings'", [await userIdOf(db.ds, firmStaff)]);
    expect(toFirm.body).toMatch(/条居民评语待回应/);
  });

  it('reports that hide a comment tell the moderators, the author and the firm; the decision tells the author', async () => {
    const [period] = await db.ds.query("SELECT id FROM rating_periods WHERE status IN ('publicity', 'published') ORDER BY id DESC");
    const [rating] = await db.ds.query("SELECT id, userId FROM household_ratings WHERE periodId = ? AND commentPublic <> '' ORDER BY id", [period.id]);
    const moderator = await personWithRole(db.ds, 'community_staff', 'community', await communityIdOf(db.ds, '南街社区'));
    for (let i = 0; i < 3; i++) ok(await call('ratings', 'reportComment', { ratingId: Number(rating.id) }, (await buildResident(db.ds, { compound: 'NJJP01' })).openid));
    expect(await inbox(db.ds, moderator, 'rating-comment')).toEqual([expect.objectContaining({ title: '有评语待审核', subjectId: Number(rating.id) })]);
    const authorInbox = async () =>
      (await db.ds.query("SELECT title FROM notifications WHERE userId = ? AND subjectKind = 'household-rating' ORDER BY id", [rating.userId])).map((r: { title: string }) => r.title);
    expect(await authorInbox()).toEqual(['您的评语已暂时隐藏']);
    ok(await call('ratings', 'moderate', { ratingId: Number(rating.id), keep: false }, moderator));
    expect(await authorInbox()).toEqual(['您的评语已暂时隐藏', '您的评语已被删除']);
  });
});

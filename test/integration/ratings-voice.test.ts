import { DEFAULT_WEIGHTS, RATING_RULES, ROUNDING_RULE, type NotificationDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, newcomer, ok, orgId, quarterPeriod, type BuiltResident } from '../factories';

jest.setTimeout(180_000);

const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });
const TOLD = '家人修改了本户的物业评价';

/** Two verified members of one fresh household of 锦屏花园 (an owner and her son). */
async function twoMembers(ds: TestDb['ds'], room: string): Promise<[BuiltResident, BuiltResident]> {
  const mother = await buildResident(ds, { room, name: '测试业主' });
  const son = await buildResident(ds, { room, name: '测试家属', relation: 'family', openid: newcomer() });
  expect(son.householdId).toBe(mother.householdId);
  return [mother, son];
}

async function told(openid: string): Promise<NotificationDTO[]> {
  return ok(await call('notifications', 'list', {}, openid)).items.filter((m) => m.title === TOLD);
}

/**
 * Issue 16, item 1 — one household, one voice: any verified member may change the household's
 * rating, the last submission is the whole rating and its author, the member it replaced is told,
 * and a comment is read by its author only. Item 2 — the firm card explains its composite.
 */
describe.each(DIALECTS)('one household, one voice, and the composite explained, on %s', (dialect) => {
  let db: TestDb;
  let firmId: number;
  let periodId: number;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    firmId = await orgId(db.ds, '阆苑物业服务有限公司');
    periodId = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('a first rating is no change; another member sees the scores and when, never the comment; the member who rated is told of each change', async () => {
    const [mother, son] = await twoMembers(db.ds, 'V301');
    const first = ok(await call('ratings', 'rate', { householdId: mother.householdId, scores: all(5), comment: '电梯维修及时，谢谢' }, mother.openid));
    expect(first.rating).toMatchObject({ byMe: true, changes: 0, comment: '电梯维修及时，谢谢', commentByOther: false });
    expect(first.rating?.ratedAt).toBe(first.rating?.updatedAt);

    // The son opens 评价物业: the household has rated, when, with which stars — and that there is a
    // comment, not what it says.
    const seen = ok(await call('ratings', 'myRating', { householdId: son.householdId }, son.openid));
    expect(seen.rating).toMatchObject({ byMe: false, changes: 0, comment: '', commentByOther: true, scores: all(5), ratedAt: first.rating?.ratedAt });
    expect(JSON.stringify(seen)).not.toContain('电梯维修');

    // He changes it: the household's rating is now his, whole (his stars, no comment), and his mother is told.
    clock.advance(60_000);
    const changed = ok(await call('ratings', 'rate', { householdId: son.householdId, scores: all(2) }, son.openid));
    expect(changed.rating).toMatchObject({ byMe: true, changes: 1, comment: '', commentByOther: false, scores: all(2), ratedAt: first.rating?.ratedAt });
    expect(changed.rating?.updatedAt).not.toBe(changed.rating?.ratedAt);
    const [message, ...more] = await told(mother.openid);
    expect(more).toEqual([]);
    expect(message).toMatchObject({ subjectKind: 'household-rating', subjectId: mother.householdId });
    expect(message.body).toContain('您写的评语不再公开显示');
    expect(await told(son.openid)).toEqual([]);
    const [row] = await db.ds.query('SELECT COUNT(*) AS n, MAX(commentPublic) AS pub FROM household_ratings WHERE householdId = ?', [mother.householdId]);
    expect({ n: Number(row.n), pub: row.pub }).toEqual({ n: 1, pub: '' });

    // She finds his stars, told they are not hers.
    const hers = ok(await call('ratings', 'myRating', { householdId: mother.householdId }, mother.openid));
    expect(hers.rating).toMatchObject({ byMe: false, changes: 1, comment: '', commentByOther: false, scores: all(2) });

    // She changes it back with a new comment: he is told; changing her own rating again tells nobody.
    ok(await call('ratings', 'rate', { householdId: mother.householdId, scores: all(4), comment: '保洁不错' }, mother.openid));
    expect(await told(son.openid)).toHaveLength(1);
    const again = ok(await call('ratings', 'rate', { householdId: mother.householdId, scores: all(5), comment: '保洁不错' }, mother.openid));
    expect(again.rating).toMatchObject({ byMe: true, changes: 3, comment: '保洁不错' });
    expect(await told(son.openid)).toHaveLength(1);
    expect(await told(mother.openid)).toHaveLength(1);
    clock.reset();
  });

  it('two members rating at once leave exactly one household rating, every submission kept, and a message per change of author', async () => {
    const [a, b] = await twoMembers(db.ds, 'V302');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const who = i % 2 ? b : a;
        return call('ratings', 'rate', { householdId: who.householdId, scores: all((i % 5) + 1), comment: `第${i}次` }, who.openid);
      }),
    );
    expect(answers.map((x) => x.ok)).toEqual(answers.map(() => true));
    const rows = await db.ds.query('SELECT id, userId FROM household_ratings WHERE householdId = ?', [a.householdId]);
    expect(rows).toHaveLength(1);
    const changes: { userId: number | string }[] = await db.ds.query('SELECT userId FROM rating_changes WHERE ratingId = ? ORDER BY id', [rows[0].id]);
    expect(changes).toHaveLength(12);
    // The row's author is the last submission's; each switch of author told the member replaced.
    expect(Number(rows[0].userId)).toBe(Number(changes[changes.length - 1].userId));
    const switches = changes.filter((c, i) => i > 0 && Number(c.userId) !== Number(changes[i - 1].userId)).length;
    expect((await told(a.openid)).length + (await told(b.openid)).length).toBe(switches);
    // Whoever reads it: 11 changes after the first rating.
    expect(ok(await call('ratings', 'myRating', { householdId: a.householdId }, a.openid)).rating?.changes).toBe(11);
  });

  it('the firm card explains the composite: weights for the compound type, scores, sources, the sample against the minimum, the rounding rule', async () => {
    ok(await call('ratings', 'assess', { firmId, scores: { organisation: 90, team: 80, service: 70 } }, as('assessor')));
    // Below the minimum (2 households so far), the preview keeps households' figures withheld, in the breakdown too.
    const preview = ok(await call('ratings', 'firmCard', { firmId }, as('property_staff'))).preview?.find((r) => r.compoundType === 'commercial');
    expect(preview?.sample).toBe(2);
    const below = Object.fromEntries(preview!.breakdown.criteria.map((c) => [c.criterion, c]));
    expect(below.satisfaction.score).toBeNull();
    expect(below.satisfaction.source).toContain(`满${RATING_RULES.minSample}户评价才公布`);
    expect(preview?.composite).toBeNull();

    for (let i = 0; i < 3; i += 1) {
      const r = await buildResident(db.ds);
      ok(await call('ratings', 'rate', { householdId: r.householdId, scores: all(4) }, r.openid));
    }
    ok(await call('ratings', 'closePeriod', { periodId }, as('admin')));
    ok(await call('ratings', 'publishPeriod', { periodId }, as('admin')));

    const card = ok(await call('ratings', 'firmCard', { firmId }, newcomer()));
    const result = card.results.find((r) => r.compoundType === 'commercial')!;
    const b = result.breakdown;
    expect({ sample: b.sample, minSample: b.minSample, assessors: b.assessors, rounding: b.rounding }).toEqual({
      sample: 5,
      minSample: RATING_RULES.minSample,
      assessors: 1,
      rounding: ROUNDING_RULE,
    });
    expect(b.criteria.map((c) => [c.label, c.weight])).toEqual([
      ['组织建设', DEFAULT_WEIGHTS.commercial.organisation],
      ['队伍建设', DEFAULT_WEIGHTS.commercial.team],
      ['服务质量', DEFAULT_WEIGHTS.commercial.service],
      ['群众满意度', DEFAULT_WEIGHTS.commercial.satisfaction],
    ]);
    for (const c of b.criteria) expect(c.score).toBe(result.criteria[c.criterion]);
    expect(b.criteria.find((c) => c.criterion === 'organisation')?.source).toBe('由1位考评员按组织建设标准打分（0–100分），取平均分。');
    expect(b.criteria.find((c) => c.criterion === 'satisfaction')?.source).toContain('来自5户居民的评价');
    expect(b.criteria.find((c) => c.criterion === 'service')?.source).toContain('考评员');
    // The weights the scores carried add up to the whole, and the composite is their weighted mean (to the rounding).
    const present = b.criteria.filter((c) => c.score !== null);
    expect(Math.round(present.reduce((a, c) => a + c.appliedWeight, 0))).toBe(100);
    const weighted = present.reduce((a, c) => a + (c.score as number) * c.appliedWeight, 0) / 100;
    expect(Math.abs((result.composite as number) - weighted)).toBeLessThanOrEqual(1);
  });
});

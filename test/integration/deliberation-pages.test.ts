import { linkTo } from '@hg/types/links';
import { clock } from '../../cloud/src/core/clock';
import { deliberationDemoSeed } from '../../cloud/src/modules/deliberation/demo-seed';
import { demoSeedContext } from '../../cloud/src/seed/run-seed';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, errorCode, homeOf, ok } from '../factories';

jest.setTimeout(300_000);

const DAY = 24 * 3600_000;
const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

/**
 * What the governance pages read besides the actions' own tests: a matter's dated timeline (the
 * subject log, without the back office's edits for residents) and the caller's own homes that vote
 * on it; the message link that opens the matter page; and the demo seeder's two matters of 锦屏花园.
 */
describe.each(DIALECTS)('deliberation for the pages on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('a matter carries its timeline and the caller’s homes that vote on it', async () => {
    const [{ id: compoundId }] = await db.ds.query("SELECT id FROM compounds WHERE name = '锦屏花园'");
    const draft = ok(
      await call(
        'deliberation',
        'create',
        { title: '单元门口加装雨棚', text: '在各单元门口加装透明雨棚。', options: ['同意', '不同意'], scopeLevel: 'compound', scopeId: Number(compoundId) },
        as('community_staff'),
      ),
    );
    expect(draft.timeline.map((e) => e.event)).toEqual(['drafted']);
    expect(draft.myHouseholds).toEqual([]);
    ok(await call('deliberation', 'edit', { matterId: draft.id, text: '在各单元门口加装透明雨棚，费用由公共收益列支。' }, as('community_staff')));
    const published = ok(
      await call('deliberation', 'publish', { matterId: draft.id, opensAt: at(3 * DAY + 60_000), closesAt: at(10 * DAY) }, as('community_staff')),
    );
    expect(published.timeline.map((e) => [e.event, e.label, e.version])).toEqual([
      ['drafted', '制定方案', null],
      ['edited', '修改方案', null],
      ['published', '发布公告', 1],
    ]);

    // 王秀兰 lives in 1栋1单元502: her home votes, and she does not see the draft's edits.
    const seen = ok(await call('deliberation', 'get', { matterId: draft.id }, as('resident')));
    expect(seen.myHouseholds).toEqual([{ householdId: await homeOf(db.ds, 'resident'), place: '1栋1单元502' }]);
    expect(seen.timeline.map((e) => e.event)).toEqual(['drafted', 'published']);
    expect(seen.can).toEqual([]);

    const withdrawn = ok(await call('deliberation', 'withdraw', { matterId: draft.id, reason: '与物业维修计划重复' }, as('community_staff')));
    expect(withdrawn.timeline.at(-1)).toMatchObject({ event: 'withdrawn', label: '撤回议题', note: '与物业维修计划重复' });
  });

  it('a message about a matter opens the matter page', () => {
    expect(linkTo({ subjectKind: 'matter', subjectId: 12 })).toBe('/packages/governance/pages/matter/index?id=12');
  });

  it('the demo seeder leaves one vote open and one result published in 锦屏花园, once', async () => {
    await db.ds.query('DELETE FROM deliberation_ballots');
    await db.ds.query('DELETE FROM deliberation_tallies');
    await db.ds.query('DELETE FROM deliberation_electorate');
    await db.ds.query('DELETE FROM deliberation_versions');
    await db.ds.query('DELETE FROM deliberation_matters');
    const ctx = demoSeedContext(db.ds);
    await expect(deliberationDemoSeed.run(ctx)).resolves.toBe('2 matters (one voting, one published)');
    await expect(deliberationDemoSeed.run(ctx)).resolves.toBeNull();

    const [{ id: compoundId }] = await db.ds.query("SELECT id FROM compounds WHERE name = '锦屏花园'");
    const list = ok(await call('deliberation', 'list', { compoundId: Number(compoundId) }, as('resident')));
    expect(list.items.map((m) => [m.title, m.status])).toEqual([
      ['小区东门增设智能快递柜', 'voting'],
      ['小区电动车集中充电桩选址', 'published'],
    ]);
    const [open, done] = list.items;

    // 王秀兰 can vote now; 赵建国's household already has.
    const vote = ok(await call('deliberation', 'get', { matterId: open.id }, as('resident')));
    expect(vote).toMatchObject({ votingOpen: true, tally: null });
    expect(ok(await call('deliberation', 'myBallot', { matterId: open.id, householdId: await homeOf(db.ds, 'resident') }, as('resident')))).toBeNull();
    expect(ok(await call('deliberation', 'myBallot', { matterId: open.id, householdId: await homeOf(db.ds, 'resident2') }, as('resident2')))).toMatchObject({
      optionIndex: 0,
    });

    const result = ok(await call('deliberation', 'get', { matterId: done.id }, as('resident')));
    expect(result.outcome).toContain('北门停车场旁');
    expect(result.tally).not.toBeNull();
    expect(result.tally!.ballots).toBeGreaterThanOrEqual(3);
    expect(result.tally!.byChannel.meeting).toBe(1);
    expect(result.tally!.counts.reduce((a, b) => a + b, 0)).toBe(result.tally!.ballots);
    expect(result.timeline.map((e) => e.event)).toEqual(['drafted', 'published', 'opened', 'closed', 'outcome_published']);
    // The published matter is over: nobody votes on it any more.
    expect(
      errorCode(await call('deliberation', 'vote', { matterId: done.id, householdId: await homeOf(db.ds, 'resident'), optionIndex: 0 }, as('resident'))),
    ).toBe('INVALID_TRANSITION');
  });
});

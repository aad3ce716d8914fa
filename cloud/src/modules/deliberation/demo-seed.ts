import type { DataSource } from 'typeorm';
import type { MatterDTO } from '@hg/types/deliberation';
import { clock } from '../../core/clock';
import { runInTransaction } from '../../core/data-source';
import type { DemoSeeder, SeedContext, TimerContext } from '../../core/module';
import { localPlatform } from '../../core/platform';
import { openVotes } from './deliberation-timers';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Two matters of 锦屏花园, run through the real actions (so versions, hashes, electorate, events,
 * ballots, the tally and the messages are what the product itself writes): one whose result was
 * applied and published three weeks ago, and one in 组织协商 now, so a demo resident's 首页 shows
 * the vote. People and wording invented. Local demo only: tests and production never call this.
 */
export const deliberationDemoSeed: DemoSeeder = {
  async run(ctx) {
    const [{ n }] = await ctx.ds.query('SELECT COUNT(*) AS n FROM deliberation_matters');
    if (Number(n) > 0) return null;
    try {
      await seedPublishedMatter(ctx);
      await seedOpenVote(ctx);
    } finally {
      clock.reset();
    }
    return '2 matters (one voting, one published)';
  },
};

const call = (ctx: SeedContext, action: string, input: Record<string, unknown>, who: string) =>
  ctx.call('deliberation', action, input, who) as Promise<MatterDTO>;

/** The timer function's 组织协商 job, as the tick would run it at the clock's now. */
function openDueVotes(ds: DataSource) {
  const timer: TimerContext = { em: ds.manager, platform: localPlatform(), tx: (work) => runInTransaction(ds, work) };
  return openVotes.run(timer, clock.now());
}

async function compoundId(ds: DataSource): Promise<number> {
  const [row] = await ds.query("SELECT id FROM compounds WHERE name = '锦屏花园'");
  return Number(row.id);
}

/** A demo person's verified home in the compound, if they have one there. */
async function homeOf(ctx: SeedContext, who: string, compound: number): Promise<number | null> {
  const [row] = await ctx.ds.query(
    "SELECT m.householdId AS id FROM household_members m JOIN users u ON u.id = m.userId JOIN households h ON h.id = m.householdId WHERE u.openid = ? AND m.status = 'verified' AND h.compoundId = ?",
    [ctx.openidOf(who), compound],
  );
  return row ? Number(row.id) : null;
}

/** A window that opens just after the city's notice period, measured from the clock's now. */
const window = (noticeDays: number, votingDays: number) => {
  const opens = clock.now().getTime() + noticeDays * DAY + MINUTE;
  return { opensAt: new Date(opens).toISOString(), closesAt: new Date(opens + votingDays * DAY).toISOString() };
};

/** 电动车充电桩选址: drafted a month ago, voted online and on paper, closed, result applied and published. */
async function seedPublishedMatter(ctx: SeedContext) {
  clock.reset();
  clock.advance(-32 * DAY);
  const draft = await call(
    ctx,
    'create',
    {
      title: '小区电动车集中充电桩选址',
      text: '为解决电动车进楼道充电的安全隐患，拟在小区内建设集中充电桩（约20个充电位），费用由公共收益列支。请各户在两个备选位置中选择一处。',
      options: ['北门停车场旁', '3栋与4栋之间空地'],
      scopeLevel: 'compound',
      scopeId: await compoundId(ctx.ds),
    },
    'community_staff',
  );
  await call(ctx, 'publish', { matterId: draft.id, ...window(draft.rule.noticeDays, 7) }, 'community_staff');
  clock.advance(draft.rule.noticeDays * DAY + 2 * 60 * MINUTE);
  await openDueVotes(ctx.ds);
  let choice = 0;
  for (const who of ['resident', 'resident2', 'compound_head', 'building_head', 'unit_head', 'party_member']) {
    const householdId = await homeOf(ctx, who, draft.compoundId);
    if (householdId) await call(ctx, 'vote', { matterId: draft.id, householdId, optionIndex: choice++ % 3 === 2 ? 1 : 0 }, who);
  }
  // Paper ballots from the residents' meeting, for rooms where nobody uses the app.
  const [{ id: paperHome }] = await ctx.ds.query(
    "SELECT h.id FROM households h LEFT JOIN household_members m ON m.householdId = h.id AND m.status = 'verified' WHERE h.compoundId = ? AND m.id IS NULL ORDER BY h.id LIMIT 1",
    [draft.compoundId],
  );
  await ctx.call('deliberation', 'enterBallot', { matterId: draft.id, householdId: Number(paperHome), optionIndex: 0, channel: 'meeting' }, 'community_staff');
  clock.advance(7 * DAY);
  await call(ctx, 'close', { matterId: draft.id }, 'community_staff');
  clock.advance(DAY);
  await call(
    ctx,
    'writeOutcome',
    { matterId: draft.id, outcome: '按表决结果，集中充电桩建在北门停车场旁。物业已完成选址测量，计划下月动工，施工期间北门停车场部分车位临时调整。' },
    'community_staff',
  );
  await call(ctx, 'publishOutcome', { matterId: draft.id }, 'community_staff');
}

/** 东门增设快递柜: published four days ago, voting now and for another week; 赵建国's household has voted, 王秀兰's not yet. */
async function seedOpenVote(ctx: SeedContext) {
  clock.reset();
  clock.advance(-4 * DAY);
  const draft = await call(
    ctx,
    'create',
    {
      title: '小区东门增设智能快递柜',
      text: '不少居民反映快递只能放在门卫室，老人取件不便。拟由快递柜运营企业在东门内侧免费安装一组智能快递柜（占地约4平方米），电费由企业承担。',
      options: ['同意安装', '不同意安装'],
      scopeLevel: 'compound',
      scopeId: await compoundId(ctx.ds),
    },
    'compound_head',
  );
  await call(ctx, 'publish', { matterId: draft.id, ...window(draft.rule.noticeDays, 10) }, 'community_staff');
  clock.reset();
  await openDueVotes(ctx.ds);
  const home = await homeOf(ctx, 'resident2', draft.compoundId);
  if (home) await call(ctx, 'vote', { matterId: draft.id, householdId: home, optionIndex: 0 }, 'resident2');
}

import { addDays, localDay, localTime } from '@hg/types';
import type { ActivityDTO, PartyReportDTO, ServiceHoursDTO } from '@hg/types/party';
import { clock } from '../../core/clock';
import type { DemoSeeder, SeedContext } from '../../core/module';

/** Move the demo clock to a Beijing wall time (either way; the seeder resets it at the end). */
const moveTo = (at: Date) => clock.advance(at.getTime() - clock.now().getTime());

const call = <T>(ctx: SeedContext, action: string, input: Record<string, unknown>, who: string) => ctx.call('party', action, input, who) as Promise<T>;

/**
 * 周卫东 (the demo party member) reported to 锦屏花园 2栋党小组 and was confirmed by 南街社区's staff
 * (杨晓燕); he signed this year's commitment, served at last week's activity (checked in and out,
 * his hours approved) and 本周六's activity is open for sign-up. All through the real actions, so
 * reports, the engine's slots and bookings, hours and their events are what the product writes.
 * People and wording invented. Local demo only.
 */
export const partyDemoSeed: DemoSeeder = {
  async run(ctx) {
    const [{ n }] = await ctx.ds.query('SELECT COUNT(*) AS n FROM party_reports');
    if (Number(n) > 0) return null;
    const [compound] = await ctx.ds.query("SELECT id, communityId FROM compounds WHERE name = '锦屏花园'");
    const [building] = await ctx.ds.query("SELECT b.id FROM buildings b WHERE b.compoundId = ? AND b.name = '2栋'", [compound.id]);
    const communityId = Number(compound.communityId);
    const today = localDay(clock.now());
    const lastWeek = addDays(today, -7);
    try {
      moveTo(localTime(addDays(lastWeek, -3), '10:00'));
      const report = await call<PartyReportDTO>(ctx, 'report', { compoundId: Number(compound.id), buildingId: Number(building.id), workUnit: '阆中市住房和城乡建设局机关党支部' }, 'party_member');
      await call(ctx, 'confirm', { reportId: report.id }, 'community_staff');
      await call(ctx, 'signCommitment', { postCategory: '环境卫生岗', roles: ['环境监督员', '志愿服务员'], plannedHours: 48, items: ['每月参加一次小区环境整治', '督促2栋垃圾分类', '帮扶2栋独居老人'] }, 'party_member');

      const past = await call<ActivityDTO>(
        ctx,
        'publishActivity',
        { communityId, compoundId: Number(compound.id), title: '锦屏花园环境整治', description: '清理绿化带杂物，张贴垃圾分类指引。', place: '锦屏花园中心广场', startsAt: localTime(lastWeek, '09:00').toISOString(), endsAt: localTime(lastWeek, '11:00').toISOString(), capacity: 20 },
        'community_staff',
      );
      const joined = await call<ActivityDTO>(ctx, 'signUp', { activityId: past.id, requestId: 'demo-party-1' }, 'party_member');
      moveTo(localTime(lastWeek, '09:02'));
      await call(ctx, 'checkIn', { activityId: past.id, code: joined.mine!.code }, 'community_staff');
      moveTo(localTime(lastWeek, '10:50'));
      const hours = await call<ServiceHoursDTO>(ctx, 'checkOut', { activityId: past.id, code: joined.mine!.code }, 'community_staff');
      await call(ctx, 'decideHours', { hoursId: hours.id, approve: true }, 'community_staff');
    } finally {
      clock.reset();
    }
    const saturday = addDays(today, ((6 - new Date(`${today}T00:00:00Z`).getUTCDay() + 7) % 7) || 7);
    await call(
      ctx,
      'publishActivity',
      { communityId, title: '政策宣传进楼栋', description: '向居民讲解养老服务补贴政策。', place: '南街社区党群服务中心', startsAt: localTime(saturday, '15:00').toISOString(), endsAt: localTime(saturday, '17:00').toISOString(), capacity: 15 },
      'community_staff',
    );
    return '1 confirmed report, 1 commitment, 2 activities, 1.8 approved hours';
  },
};

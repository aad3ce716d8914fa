import type { AgreementDTO, DeliveryDTO } from '@hg/types/cobuilding';
import { localDay } from '@hg/types/local-time';
import { clock } from '../../core/clock';
import { runInTransaction } from '../../core/data-source';
import type { DemoSeeder, SeedContext } from '../../core/module';
import { assignRole, createUser } from '../identity/public';

const DAY = 24 * 3600_000;
/** The demo department's staff member (invented), signed in as `department_staff`. */
const DEPARTMENT_STAFF = 'department_staff';

/**
 * 市住建局 × 南街社区: one signed agreement of this year with four items, run through the real actions
 * (draft, both signatures, deliveries, a confirmation), so the list, the progress bars and the
 * 待确认 list show what the product itself writes: the volunteers' item overdue and short, money
 * with a delivery waiting for the community, a project not started, service days half done. The
 * department's staff member is a demo person created here (the base city has none). Local demo only.
 */
export const cobuildingDemoSeed: DemoSeeder = {
  async run(ctx) {
    const [{ n }] = await ctx.ds.query('SELECT COUNT(*) AS n FROM cobuilding_agreements');
    if (Number(n) > 0) return null;
    const [dept] = await ctx.ds.query("SELECT id FROM organisations WHERE name = '阆中市住房和城乡建设局' AND kind = 'department'");
    const [community] = await ctx.ds.query("SELECT id FROM communities WHERE name = '南街社区'");
    if (!dept || !community) return null;
    await staffMember(ctx, Number(dept.id));
    const now = clock.now().getTime();
    const day = (offset: number) => localDay(new Date(now + offset * DAY));
    const draft = (await ctx.call(
      'cobuilding',
      'create',
      {
        departmentId: Number(dept.id),
        party: 'community',
        partyId: Number(community.id),
        title: '市住建局与南街社区2026年度共建协议',
        startsOn: day(-180),
        endsOn: day(180),
        items: [
          { kind: 'people', promised: 12, dueOn: day(-30), description: '每月派党员干部到社区开展物业政策宣讲' },
          { kind: 'money', promised: 5_000_000, dueOn: day(60), description: '老旧小区楼道照明改造补助资金' },
          { kind: 'project', promised: 1, dueOn: day(120), description: '锦屏花园雨污分流改造项目' },
          { kind: 'service_day', promised: 4, dueOn: day(150), description: '“住建服务进社区”现场咨询日' },
        ],
      },
      DEPARTMENT_STAFF,
    )) as AgreementDTO;
    await ctx.call('cobuilding', 'sign', { agreementId: draft.id, version: draft.version }, DEPARTMENT_STAFF);
    const signed = (await ctx.call('cobuilding', 'sign', { agreementId: draft.id, version: draft.version }, 'community_staff')) as AgreementDTO;
    const [people, money, , days] = signed.items;
    const deliver = (itemId: number, quantity: number, note: string) =>
      ctx.call('cobuilding', 'deliver', { itemId, quantity, note }, DEPARTMENT_STAFF) as Promise<DeliveryDTO>;
    for (const d of [await deliver(people.id, 8, '1—8月每月一次政策宣讲，签到表已交社区'), await deliver(days.id, 2, '上半年两次现场咨询日，接待居民46人次')])
      await ctx.call('cobuilding', 'confirm', { deliveryId: d.id }, 'community_staff');
    await deliver(money.id, 2_000_000, '第一笔补助资金20000元已拨付至社区账户');
    return '1 agreement (市住建局 × 南街社区)';
  },
};

/** 郑文斌 of 市住建局 (invented), org_staff of the department on the city. */
async function staffMember(ctx: SeedContext, departmentId: number): Promise<void> {
  const openid = ctx.openidOf(DEPARTMENT_STAFF);
  const [existing] = await ctx.ds.query('SELECT id FROM users WHERE openid = ?', [openid]);
  if (existing) return;
  await runInTransaction(ctx.ds, async (em) => {
    const userId = await createUser(em, { openid, name: '郑文斌', phone: '10000000051', createdAt: clock.now() });
    await assignRole(em, { userId, role: 'org_staff', scopeLevel: 'city', scopeId: 0, organisationId: departmentId });
  });
}

import { Between } from 'typeorm';
import {
  addMonths,
  monthStart,
  PAID_BY_LABEL,
  STAFF_ROLES,
  SUBSIDY_TIERS,
  ZSubsidyReportRequest,
  type PaidBy,
  type SubsidyReportDTO,
  type SubsidyTier,
} from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { holdsRoleOver } from '../../identity/public';
import { byId } from '../../../core/by-id';
import { isCentreStaff } from '../booking.policy';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { loadCentre } from '../centres';
import { Slot } from '../slot.entity';
import { readSubsidySettings } from '../subsidy-settings';

/**
 * 助餐补贴月报 for the civil-affairs office: the meals actually taken (redeemed or delivered) in a
 * month at a centre, per subsidy tier — meals, elders and subsidy in 分 — for elders whose status
 * the centre verified. Aggregates only, no names. Centre staff and the community's / street's
 * staff may read it. Amounts are what each meal was charged at (a booking keeps its price when the
 * city changes the subsidy later); the tiers are named as the city settings name them now.
 */
export const getSubsidyReport = defineAction({
  input: ZSubsidyReportRequest,
  async handler({ centreId, month }, ctx) {
    const { centre, community } = await loadCentre(ctx.ds.manager, centreId);
    const staffOver = holdsRoleOver(ctx.actor, STAFF_ROLES, { streetId: community.streetId, communityId: community.id });
    if (!isCentreStaff(ctx.actor, centreId) && !staffOver) throw forbidden('只有中心或社区、街道工作人员可以查看');
    const from = monthStart(month);
    const to = new Date(monthStart(addMonths(month, 1)).getTime() - 1);
    const slots = await ctx.ds.manager.find(Slot, { where: { centreId, startsAt: Between(from, to) }, select: { id: true } });
    const rows = slots.length
      ? await ctx.ds.manager
          .createQueryBuilder(Booking, 'b')
          .where('b.slotId IN (:...ids) AND b.status = :status', { ids: slots.map((s) => s.id), status: 'redeemed' })
          .getMany()
      : [];
    // Only a status the centre verified before the meal is charged to civil affairs (bookings made
    // before the rule carry a tier from a mere declaration: they are listed apart, not claimed).
    const elders = await byId(
      ctx.ds.manager,
      Elder,
      rows.map((b) => b.elderId),
    );
    const verifiedFor = (b: Booking) => {
      const at = elders.get(b.elderId)?.verifiedAt;
      return !!at && !!b.redeemedAt && at.getTime() <= b.redeemedAt.getTime();
    };
    const tiers = new Map<SubsidyTier, { meals: number; elders: Set<number>; subsidyFen: number }>();
    const unverified = { meals: 0, elders: new Set<number>(), subsidyFen: 0 };
    let payFen = 0;
    let subsidyFen = 0;
    for (const b of rows) {
      payFen += b.payFen;
      if (!b.tier) continue;
      if (!verifiedFor(b)) {
        unverified.meals++;
        unverified.elders.add(b.elderId);
        unverified.subsidyFen += b.subsidyFen;
        continue;
      }
      subsidyFen += b.subsidyFen;
      const t = tiers.get(b.tier) ?? { meals: 0, elders: new Set<number>(), subsidyFen: 0 };
      t.meals++;
      t.elders.add(b.elderId);
      t.subsidyFen += b.subsidyFen;
      tiers.set(b.tier, t);
    }
    const paid = new Map<PaidBy | 'unrecorded', number>();
    for (const b of rows) paid.set(b.paidBy ?? 'unrecorded', (paid.get(b.paidBy ?? 'unrecorded') ?? 0) + b.payFen);
    const settings = await readSubsidySettings(ctx.ds.manager);
    const report: SubsidyReportDTO = {
      centre: { id: centre.id, name: centre.name },
      month,
      tiers: SUBSIDY_TIERS.map((tier) => ({
        tier,
        label: settings.subsidy[tier].label,
        meals: tiers.get(tier)?.meals ?? 0,
        elders: tiers.get(tier)?.elders.size ?? 0,
        subsidyFen: tiers.get(tier)?.subsidyFen ?? 0,
      })),
      total: { meals: rows.length, subsidyFen, payFen },
      unverified: { meals: unverified.meals, elders: unverified.elders.size, subsidyFen: unverified.subsidyFen },
      paid: (['cash', 'wechat', 'none', 'unrecorded'] as const).map((k) => ({
        paidBy: k,
        label: k === 'unrecorded' ? '未记录' : PAID_BY_LABEL[k],
        payFen: paid.get(k) ?? 0,
      })),
    };
    return report;
  },
});

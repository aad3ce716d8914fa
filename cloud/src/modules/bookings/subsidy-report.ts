import type { EntityManager } from 'typeorm';
import { Between, In } from 'typeorm';
import {
  addMonths,
  CARE_ROLES,
  monthStart,
  PAID_BY_LABEL,
  STAFF_ROLES,
  subsidyTiersOf,
  subsidyTierOf,
  type PaidBy,
  type SubsidyReportDTO,
  type SubsidyTier,
} from '@hg/types';
import { forbidden } from '../../core/errors';
import { byId } from '../../core/by-id';
import { communityRepo, organisationsWhere, type OrganisationRow } from '../community/public';
import { holdsRoleOver, type Actor } from '../identity/public';
import { isCentreStaff } from './booking.policy';
import { Booking } from './booking.entity';
import { Elder } from './elder.entity';
import { loadCentre } from './centres';
import { Slot } from './slot.entity';
import { readSubsidySettings } from './subsidy-settings';

/** The centres a report covers, and whether its reader may see the elders' full names. */
export interface ReportScope {
  centres: OrganisationRow[];
  /** Centre staff keep the profiles and see names; community / street staff see them masked. */
  names: boolean;
  /** 「南街社区日间照料中心」 or 「辖区 3 个日间照料中心」. */
  label: string;
  /** Over every centre in the caller's scope (no centre named). */
  rollUp: boolean;
}

/**
 * Whose meals a report counts: one centre (its staff, or community / street staff over its
 * community), or — without a centre — every centre in the community / street staff's scope.
 */
export async function subsidyReportScope(em: EntityManager, actor: Actor, centreId: number | undefined): Promise<ReportScope> {
  if (centreId) {
    const { centre, community } = await loadCentre(em, centreId);
    const own = isCentreStaff(actor, centreId);
    if (!own && !holdsRoleOver(actor, STAFF_ROLES, { streetId: community.streetId, communityId: community.id })) {
      throw forbidden('只有中心或社区、街道工作人员可以查看');
    }
    return { centres: [centre], names: own, label: centre.name, rollUp: false };
  }
  if (!actor.roles.some((r) => STAFF_ROLES.includes(r.role))) {
    throw forbidden(actor.roles.some((r) => CARE_ROLES.includes(r.role)) ? '请选择日间照料中心' : '只有社区、街道工作人员可以查看辖区汇总');
  }
  const all = await organisationsWhere(em, { kind: 'day_care_centre' });
  const centres: OrganisationRow[] = [];
  for (const c of all) {
    const community = c.communityId ? await communityRepo.community(em, c.communityId) : null;
    if (community && holdsRoleOver(actor, STAFF_ROLES, { streetId: community.streetId, communityId: community.id })) centres.push(c);
  }
  return { centres, names: false, label: `辖区 ${centres.length} 个日间照料中心`, rollUp: true };
}

/** 王秀兰 → 王**: who it is stays checkable against the centre's list, without the full name. */
const maskName = (name: string) => (name.length <= 1 ? name : `${[...name][0]}${'*'.repeat([...name].length - 1)}`);

/**
 * 助餐补贴月报: the meals actually taken (redeemed or delivered) in a month — meals only, never
 * rooms, consultations or visits — at the scope's centres. Cancelled, waitlisted, expired and
 * no-show bookings are not meals taken. It adds up: tiers + 未核实 + 无补贴 = total meals; the
 * tiers' subsidy = total subsidy; and the per-elder and per-centre rows each sum to the totals.
 * Only a status the centre verified before the meal is claimed (the tier of a booking of an elder
 * verified later or never is listed apart in `unverified`). Amounts are what each meal was charged
 * at; the tiers are named as the city settings name them now.
 */
export async function buildSubsidyReport(em: EntityManager, scope: ReportScope, month: string): Promise<SubsidyReportDTO> {
  const from = monthStart(month);
  const to = new Date(monthStart(addMonths(month, 1)).getTime() - 1);
  const centreIds = scope.centres.map((c) => c.id);
  const slots = centreIds.length
    ? await em.find(Slot, { where: { centreId: In(centreIds), kind: 'meal', startsAt: Between(from, to) }, select: { id: true, centreId: true } })
    : [];
  const centreOfSlot = new Map(slots.map((s) => [s.id, s.centreId]));
  const rows = slots.length
    ? await em
        .createQueryBuilder(Booking, 'b')
        .where('b.slotId IN (:...ids) AND b.status = :status', { ids: slots.map((s) => s.id), status: 'redeemed' })
        .orderBy('b.id', 'ASC')
        .getMany()
    : [];
  const elders = await byId(
    em,
    Elder,
    rows.map((b) => b.elderId),
  );
  const settings = await readSubsidySettings(em);
  const verifiedFor = (b: Booking) => {
    const at = elders.get(b.elderId)?.verifiedAt;
    return !!at && !!b.redeemedAt && at.getTime() <= b.redeemedAt.getTime();
  };
  type Sum = { meals: number; subsidyFen: number; payFen: number };
  const tiers = new Map<SubsidyTier, Sum & { elders: Set<number> }>();
  const unverified = { meals: 0, elders: new Set<number>(), subsidyFen: 0 };
  const noSubsidy = { meals: 0, payFen: 0 };
  const total: Sum = { meals: 0, subsidyFen: 0, payFen: 0 };
  const perCentre = new Map<number, Sum>(centreIds.map((id) => [id, { meals: 0, subsidyFen: 0, payFen: 0 }]));
  const perElder = new Map<number, Sum & { centreId: number; tiers: Set<SubsidyTier> }>();
  const paid = new Map<PaidBy | 'unrecorded', number>();
  for (const b of rows) {
    const centreId = centreOfSlot.get(b.slotId) as number;
    const claimed = !!b.tier && verifiedFor(b);
    const subsidyFen = claimed ? b.subsidyFen : 0;
    const elder = perElder.get(b.elderId) ?? { centreId, meals: 0, subsidyFen: 0, payFen: 0, tiers: new Set<SubsidyTier>() };
    for (const sum of [total, perCentre.get(centreId) as Sum, elder]) {
      sum.meals++;
      sum.subsidyFen += subsidyFen;
      sum.payFen += b.payFen;
    }
    perElder.set(b.elderId, elder);
    paid.set(b.paidBy ?? 'unrecorded', (paid.get(b.paidBy ?? 'unrecorded') ?? 0) + b.payFen);
    if (!b.tier) {
      noSubsidy.meals++;
      noSubsidy.payFen += b.payFen;
    } else if (!claimed) {
      unverified.meals++;
      unverified.elders.add(b.elderId);
      unverified.subsidyFen += b.subsidyFen;
    } else {
      const t = tiers.get(b.tier) ?? { meals: 0, subsidyFen: 0, payFen: 0, elders: new Set<number>() };
      t.meals++;
      t.elders.add(b.elderId);
      t.subsidyFen += b.subsidyFen;
      tiers.set(b.tier, t);
      elder.tiers.add(b.tier);
    }
  }
  const centreName = new Map(scope.centres.map((c) => [c.id, c.name]));
  // The tiers the settings define now, then any a meal of the month carried that they no longer do
  // (bands changed mid-month): every claimed meal stays in a tier row, so the tiers add up.
  const defined = subsidyTiersOf(settings).map((t) => t.tier);
  const reportTiers = [...defined, ...[...tiers.keys()].filter((t) => !defined.includes(t)).sort()];
  return {
    centre: scope.rollUp ? null : { id: scope.centres[0].id, name: scope.centres[0].name },
    scopeLabel: scope.label,
    month,
    tiers: reportTiers.map((tier) => ({
      tier,
      label: subsidyTierOf(settings, tier).label,
      meals: tiers.get(tier)?.meals ?? 0,
      elders: tiers.get(tier)?.elders.size ?? 0,
      subsidyFen: tiers.get(tier)?.subsidyFen ?? 0,
    })),
    total,
    noSubsidy,
    unverified: { meals: unverified.meals, elders: unverified.elders.size, subsidyFen: unverified.subsidyFen },
    paid: (['cash', 'wechat', 'none', 'unrecorded'] as const).map((k) => ({
      paidBy: k,
      label: k === 'unrecorded' ? '未记录' : PAID_BY_LABEL[k],
      payFen: paid.get(k) ?? 0,
    })),
    centres: scope.centres.map((c) => ({ id: c.id, name: c.name, ...(perCentre.get(c.id) as Sum) })),
    elders: [...perElder.entries()]
      .map(([elderId, e]) => {
        const name = elders.get(elderId)?.name ?? '';
        return {
          elderId,
          name: scope.names ? name : maskName(name),
          centre: centreName.get(e.centreId) ?? '',
          tierLabel: e.tiers.size
            ? reportTiers
                .filter((t) => e.tiers.has(t))
                .map((t) => subsidyTierOf(settings, t).label)
                .join('、')
            : null,
          meals: e.meals,
          subsidyFen: e.subsidyFen,
          payFen: e.payFen,
        };
      })
      .sort((a, b) => a.centre.localeCompare(b.centre, 'zh') || a.name.localeCompare(b.name, 'zh') || a.elderId - b.elderId),
  };
}

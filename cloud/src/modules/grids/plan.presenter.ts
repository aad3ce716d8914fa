import { In, type EntityManager } from 'typeorm';
import { PLAN_STATUS_LABEL, type PlannedVisitDTO, type VisitTargetDTO } from '@hg/types/grids';
import { householdPlaces } from '../households/public';
import { Grid, GridPlan, GridTarget } from './entities';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const addressOf = (p: { compound: { name: string }; building: { name: string }; unit: { name: string }; room: string } | undefined) =>
  p ? `${p.compound.name} ${p.building.name}${p.unit.name}${p.room}` : '';

export async function presentTargets(em: EntityManager, targets: readonly GridTarget[]): Promise<VisitTargetDTO[]> {
  const homes = await householdPlaces(em, targets.map((t) => t.householdId));
  return targets.map((t) => ({
    id: t.id,
    householdId: t.householdId,
    placeName: addressOf(homes.get(t.householdId)),
    reason: t.reason,
    flaggedAt: t.flaggedAt.toISOString(),
    endedAt: iso(t.endedAt),
    endReason: t.endReason,
  }));
}

/** Plans with their grid, household and why the household is visited; overdue = still planned after its latest day. */
export async function presentPlans(em: EntityManager, plans: readonly GridPlan[], today: string): Promise<PlannedVisitDTO[]> {
  if (!plans.length) return [];
  const [grids, targets, homes] = await Promise.all([
    em.find(Grid, { where: { id: In([...new Set(plans.map((p) => p.gridId))]) } }),
    em.find(GridTarget, { where: { id: In([...new Set(plans.map((p) => p.targetId))]) } }),
    householdPlaces(em, plans.map((p) => p.householdId)),
  ]);
  return plans.map((p) => ({
    id: p.id,
    gridId: p.gridId,
    gridName: grids.find((g) => g.id === p.gridId)?.name ?? '',
    householdId: p.householdId,
    placeName: addressOf(homes.get(p.householdId)),
    reason: targets.find((t) => t.id === p.targetId)?.reason ?? '',
    period: p.period,
    earliest: p.earliest,
    latest: p.latest,
    status: p.status,
    statusLabel: PLAN_STATUS_LABEL[p.status],
    overdue: p.status === 'planned' && p.latest < today,
    visitId: p.visitId,
    cancelReason: p.cancelReason,
  }));
}

import { In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { addDays, addMonths, localDay } from '@hg/types/local-time';
import { GRIDS_SETTINGS } from '@hg/types/grids-schemas';
import { isUniqueViolation } from '../../core/errors';
import { householdsByIds } from './households';
import { coverageOfGrids } from '../identity/public';
import { readSettings } from '../settings/public';
import { Grid, GridPlan, GridTarget } from './entities';

/** The period a day falls in: `cadence` months aligned on January (monthly: the day's month). */
export function periodOf(day: string, cadence: number): { period: string; earliest: string; latest: string } {
  const [y, m] = day.slice(0, 7).split('-').map(Number);
  const index = y * 12 + (m - 1);
  const start = index - (index % cadence);
  const period = `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}`;
  return { period, earliest: `${period}-01`, latest: addDays(`${addMonths(period, cadence)}-01`, -1) };
}

/**
 * The grid that visits a household: of the live grids covering it, the one drawn closest to it (a
 * grid covering its unit before one covering the whole building), a 民情走访 grid before the other
 * kinds, then the oldest. None when no grid covers it (nobody to plan for).
 */
async function gridsCovering(em: EntityManager, households: readonly { id: number; communityId: number; buildingId: number; unitId: number }[]): Promise<Map<number, number>> {
  const grids = await em.find(Grid, { where: { communityId: In([...new Set(households.map((h) => h.communityId))]) }, order: { id: 'ASC' } });
  const kindOf = new Map(grids.map((g) => [g.id, g.kind]));
  const live = (await coverageOfGrids(em, grids.map((g) => g.id))).filter((c) => c.endedAt === null);
  const out = new Map<number, number>();
  for (const h of households) {
    const [best] = live
      .filter((c) => c.buildingId === h.buildingId && (c.unitId === 0 || c.unitId === h.unitId))
      .sort((a, b) => Number(b.unitId !== 0) - Number(a.unitId !== 0) || Number(kindOf.get(b.gridId) === 'visits') - Number(kindOf.get(a.gridId) === 'visits') || a.gridId - b.gridId);
    if (best) out.set(h.id, best.gridId);
  }
  return out;
}

/**
 * The timer's work: plan this period's and the next period's visit for every live target in a
 * grid, as the city's 网格走访 settings say (off: nothing). Exactly once per household and period
 * under overlapping ticks: each plan is an INSERT on the unique `(householdId, period)`, and a
 * duplicate is skipped.
 */
export async function planVisits(em: EntityManager, now: Date): Promise<{ planned: number }> {
  const settings = await readSettings(em, GRIDS_SETTINGS);
  if (!settings.planVisits) return { planned: 0 };
  const targets = await em.find(GridTarget, { where: { endedAt: IsNull() }, order: { id: 'ASC' } });
  if (!targets.length) return { planned: 0 };
  const homes = await householdsByIds(em, targets.map((t) => t.householdId));
  const gridOf = await gridsCovering(em, [...homes.values()]);
  const current = periodOf(localDay(now), settings.cadenceMonths);
  const next = periodOf(current.latest === current.earliest ? current.latest : addDays(current.latest, 1), settings.cadenceMonths);
  let planned = 0;
  for (const t of targets) {
    const gridId = gridOf.get(t.householdId);
    if (!gridId) continue;
    for (const p of [current, next]) {
      try {
        await em.insert(GridPlan, { targetId: t.id, householdId: t.householdId, gridId, ...p, status: 'planned', visitId: null, createdAt: now, closedAt: null, closedById: null, cancelReason: null });
        planned++;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
  }
  return { planned };
}

/** A visit to the household closes its open plans whose window has started (a late visit closes an overdue one too). */
export async function closePlansByVisit(em: EntityManager, householdId: number, visitId: number, visitedAt: Date, now: Date): Promise<void> {
  await em.update(
    GridPlan,
    { householdId, status: 'planned', earliest: LessThanOrEqual(localDay(visitedAt)) },
    { status: 'done', visitId, closedAt: now },
  );
}

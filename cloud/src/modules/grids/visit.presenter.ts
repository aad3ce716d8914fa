import { In, type EntityManager } from 'typeorm';
import { FINDING_CATEGORY_LABEL, VISIT_KIND_LABEL, VISIT_WAY_LABEL, type VisitDTO } from '@hg/types/grids';
import { presentPhotoId } from '../../core/uploads';
import { presentVoiceNote } from '../../core/voice-notes';
import { householdPlaces } from '../households/public';
import { usersById, type Actor } from '../identity/public';
import { Grid, GridFinding, GridVisit, GridVisitCorrection, GridVisitVoiceNote } from './entities';
import { gridPath, managesGrids } from './grid.policy';
import { placeNamesOf } from './grid.presenter';

/** Visits with their findings, corrections, places and people, in a fixed number of queries. */
export async function presentVisits(em: EntityManager, actor: Actor, visits: readonly GridVisit[], now: Date): Promise<VisitDTO[]> {
  if (!visits.length) return [];
  const ids = visits.map((v) => v.id);
  const [findings, corrections, grids, notes] = await Promise.all([
    em.find(GridFinding, { where: { visitId: In(ids) }, order: { id: 'ASC' } }),
    em.find(GridVisitCorrection, { where: { visitId: In(ids) }, order: { id: 'ASC' } }),
    em.find(Grid, { where: { id: In([...new Set(visits.map((v) => v.gridId))]) } }),
    em.find(GridVisitVoiceNote, { where: { visitId: In(ids) } }),
  ]);
  const people = await usersById(em, [...visits.map((v) => v.workerId), ...corrections.map((c) => c.byId)]);
  const homes = await householdPlaces(em, visits.flatMap((v) => (v.householdId ? [v.householdId] : [])));
  const nameOf = await placeNamesOf(em, visits);
  const gridOf = new Map(grids.map((g) => [g.id, g]));
  return visits.map((v) => {
    const grid = gridOf.get(v.gridId);
    const mine = v.workerId === actor.userId;
    const locked = now >= v.lockedAt;
    const home = v.householdId ? homes.get(v.householdId) : undefined;
    const staff = !!grid && managesGrids(actor, gridPath(grid));
    const own = findings.filter((f) => f.visitId === v.id);
    return {
      id: v.id,
      gridId: v.gridId,
      gridName: grid?.name ?? '',
      worker: { id: v.workerId, name: people.get(v.workerId)?.name ?? '' },
      householdId: v.householdId,
      buildingId: v.buildingId,
      placeName: home ? `${home.compound.name} ${home.building.name}${home.unit.name}${home.room}` : nameOf(v),
      kind: v.kind,
      kindLabel: VISIT_KIND_LABEL[v.kind],
      way: v.way,
      wayLabel: VISIT_WAY_LABEL[v.way],
      visitedAt: v.visitedAt.toISOString(),
      minutes: v.minutes,
      contactMade: v.contactMade,
      notes: v.notes,
      findings: own.map((f) => ({ id: f.id, category: f.category, categoryLabel: FINDING_CATEGORY_LABEL[f.category], count: f.count, text: f.text, solved: f.solved, needId: f.needId })),
      photos: v.photoIds.map(presentPhotoId),
      voiceNote: ((n) => (n ? presentVoiceNote(n) : null))(notes.find((n) => n.visitId === v.id)),
      createdAt: v.createdAt.toISOString(),
      lockedAt: v.lockedAt.toISOString(),
      locked,
      corrections: corrections
        .filter((c) => c.visitId === v.id)
        .map((c) => ({ id: c.id, at: c.at.toISOString(), byName: people.get(c.byId)?.name ?? '', reason: c.reason, before: c.before, after: c.after })),
      can: [
        ...(mine && !locked ? (['edit'] as const) : []),
        ...(mine || staff ? (['correct'] as const) : []),
        ...(mine && v.householdId && own.some((f) => !f.solved && f.needId === null) ? (['fileNeed'] as const) : []),
      ],
    };
  });
}

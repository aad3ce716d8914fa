import { In, type EntityManager } from 'typeorm';
import type { AssessorEvidenceDTO } from '@hg/types';
import { presentPhotoId } from '../../core/uploads';
import { isCityAdmin, type Actor } from '../identity/public';
import { AssessorScore, type RatingPeriod } from './entities';
import { isFirmStaff } from './rating.policy';

/**
 * 考评依据 (the assessors' notes and photos) are for the firm they judge and the city admin: the
 * firm learns what to fix, the admin checks the assessors. Residents, other firms and community
 * staff read the scores in the breakdown, never the notes or photos.
 */
export const seesEvidence = (actor: Actor | null | undefined, firmId: number) => !!actor && (isFirmStaff(actor, firmId) || isCityAdmin(actor));

/** Every assessor's scores, note and photos for the firm in these periods, newest period first (no names). */
export async function evidenceOf(em: EntityManager, firmId: number, periods: readonly Pick<RatingPeriod, 'id' | 'code'>[]): Promise<AssessorEvidenceDTO[]> {
  if (!periods.length) return [];
  const rows = await em.find(AssessorScore, { where: { firmId, periodId: In(periods.map((p) => p.id)) }, order: { periodId: 'DESC', id: 'ASC' } });
  const code = new Map(periods.map((p) => [p.id, p.code]));
  return rows.map((a) => ({
    periodId: a.periodId,
    periodCode: code.get(a.periodId) ?? '',
    scores: { organisation: a.organisation, team: a.team, service: a.service },
    note: a.note,
    photos: (JSON.parse(a.photoIds) as string[]).map(presentPhotoId),
    updatedAt: a.updatedAt.toISOString(),
  }));
}

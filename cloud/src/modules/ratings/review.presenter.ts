import { In, type EntityManager } from 'typeorm';
import { OBJECTION_STATUS_LABEL, type Criterion, type ObjectionDTO, type ResultVersionDTO } from '@hg/types';
import { presentPhotoId } from '../../core/uploads';
import { organisationsByIds } from '../community/public';
import { isCityAdmin, usersById, type Actor } from '../identity/public';
import { FirmResult, RatingPeriod } from './entities';
import type { FirmResultVersion, RatingObjection } from './review.entities';

/** Objections as the firm and the admin read them (periods, firms and results looked up in batches). */
export async function presentObjections(em: EntityManager, rows: RatingObjection[], viewer: Actor): Promise<ObjectionDTO[]> {
  if (!rows.length) return [];
  const periods = new Map((await em.find(RatingPeriod, { where: { id: In([...new Set(rows.map((r) => r.periodId))]) } })).map((p) => [p.id, p]));
  const results = new Map((await em.find(FirmResult, { where: { id: In([...new Set(rows.map((r) => r.resultId))]) } })).map((r) => [r.id, r]));
  const firms = await organisationsByIds(
    em,
    rows.map((r) => r.firmId),
  );
  return rows.map((o) => {
    const p = periods.get(o.periodId);
    return {
      id: o.id,
      period: { id: o.periodId, code: p?.code ?? '', status: p?.status ?? 'publicity', publicityEndsOn: p?.publicityEndsOn ?? null },
      firm: { id: o.firmId, name: firms.get(o.firmId)?.name ?? '' },
      resultId: o.resultId,
      compoundType: results.get(o.resultId)?.compoundType ?? 'commercial',
      body: o.body,
      photoIds: JSON.parse(o.photoIds) as string[],
      photos: (JSON.parse(o.photoIds) as string[]).map(presentPhotoId),
      status: o.status,
      statusLabel: OBJECTION_STATUS_LABEL[o.status],
      answer: o.answer,
      answeredAt: o.answeredAt ? o.answeredAt.toISOString() : null,
      createdAt: o.createdAt.toISOString(),
      canAnswer: o.status === 'pending' && isCityAdmin(viewer),
    };
  });
}

/** A result's versions, oldest first, with who wrote each (a name; '系统' for the computed first). */
export async function presentVersions(em: EntityManager, rows: FirmResultVersion[]): Promise<ResultVersionDTO[]> {
  const users = await usersById(
    em,
    rows.map((r) => r.actorId),
  );
  return rows.map((v) => ({
    version: v.version,
    stars: v.starsX2 === null ? null : v.starsX2 / 2,
    composite: v.composite,
    criteria: JSON.parse(v.criteria) as Record<Criterion, number | null>,
    reason: v.reason,
    actor: v.actorId === null ? '系统' : users.get(v.actorId)?.name || '管理员',
    objectionId: v.objectionId,
    at: v.createdAt.toISOString(),
  }));
}

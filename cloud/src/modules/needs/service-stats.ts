import type { EntityManager } from 'typeorm';
import { Need } from './need.entity';

/** A receiver's service record over some compounds and a period, for ratings (服务质量). */
export interface ServiceStats {
  /** Needs of those compounds handled by the firm, created in the period. */
  volume: number;
  /** Of those, resolved or closed. */
  solved: number;
  /** Share of the solved ones resolved by their resolve deadline. */
  slaHitRate: number;
  /** Share reopened at least once by the resident. */
  reopenRate: number;
  /** Mean of residents' ratings (rated needs only; unrated auto-closes never count). */
  averageRating: number | null;
}

/**
 * The service data of an organisation (a property firm) for needs of `compoundIds` created in
 * [from, to): what the ratings module reads instead of the needs tables.
 */
export async function firmServiceStats(em: EntityManager, orgId: number, compoundIds: readonly number[], from: Date, to: Date): Promise<ServiceStats> {
  if (!compoundIds.length) return { volume: 0, solved: 0, slaHitRate: 0, reopenRate: 0, averageRating: null };
  const row: Record<string, string | number | null> | undefined = await em
    .createQueryBuilder(Need, 'n')
    .select('COUNT(*)', 'volume')
    .addSelect("SUM(CASE WHEN n.status IN ('resolved', 'closed') THEN 1 ELSE 0 END)", 'solved')
    .addSelect(
      "SUM(CASE WHEN n.status IN ('resolved', 'closed') AND n.resolveDueAt IS NOT NULL AND n.resolvedAt <= n.resolveDueAt THEN 1 ELSE 0 END)",
      'onTime',
    )
    .addSelect('SUM(CASE WHEN n.reopenCount > 0 THEN 1 ELSE 0 END)', 'reopened')
    .addSelect('AVG(n.rating)', 'rating')
    .where('n.receiverOrgId = :orgId AND n.compoundId IN (:...compoundIds) AND n.createdAt >= :from AND n.createdAt < :to', {
      orgId,
      compoundIds: [...compoundIds],
      from,
      to,
    })
    .getRawOne();
  const volume = Number(row?.volume ?? 0);
  const solved = Number(row?.solved ?? 0);
  return {
    volume,
    solved,
    slaHitRate: solved ? Number(row?.onTime ?? 0) / solved : 0,
    reopenRate: volume ? Number(row?.reopened ?? 0) / volume : 0,
    averageRating: row?.rating === null || row?.rating === undefined ? null : Number(row.rating),
  };
}

/** The parts of ServiceStats that add up, per receiving organisation and compound. */
export interface ServiceCounts {
  orgId: number;
  compoundId: number;
  volume: number;
  solved: number;
  onTime: number;
  reopened: number;
  ratedSum: number;
  ratedCount: number;
}

/**
 * Service counts of every receiving organisation per compound, for needs created in [from, to):
 * one grouped query for a whole ratings period instead of one per firm (see combineServiceCounts).
 */
export async function serviceCountsByCompound(em: EntityManager, from: Date, to: Date): Promise<ServiceCounts[]> {
  const rows: Record<string, string | number | null>[] = await em
    .createQueryBuilder(Need, 'n')
    .select('n.receiverOrgId', 'orgId')
    .addSelect('n.compoundId', 'compoundId')
    .addSelect('COUNT(*)', 'volume')
    .addSelect("SUM(CASE WHEN n.status IN ('resolved', 'closed') THEN 1 ELSE 0 END)", 'solved')
    .addSelect(
      "SUM(CASE WHEN n.status IN ('resolved', 'closed') AND n.resolveDueAt IS NOT NULL AND n.resolvedAt <= n.resolveDueAt THEN 1 ELSE 0 END)",
      'onTime',
    )
    .addSelect('SUM(CASE WHEN n.reopenCount > 0 THEN 1 ELSE 0 END)', 'reopened')
    .addSelect('SUM(n.rating)', 'ratedSum')
    .addSelect('COUNT(n.rating)', 'ratedCount')
    .where('n.receiverOrgId IS NOT NULL AND n.createdAt >= :from AND n.createdAt < :to', { from, to })
    .groupBy('n.receiverOrgId')
    .addGroupBy('n.compoundId')
    .getRawMany();
  return rows.map((r) => ({
    orgId: Number(r.orgId),
    compoundId: Number(r.compoundId),
    volume: Number(r.volume ?? 0),
    solved: Number(r.solved ?? 0),
    onTime: Number(r.onTime ?? 0),
    reopened: Number(r.reopened ?? 0),
    ratedSum: Number(r.ratedSum ?? 0),
    ratedCount: Number(r.ratedCount ?? 0),
  }));
}

/** Add up counts (one organisation, some compounds) into ServiceStats. */
export function combineServiceCounts(parts: readonly ServiceCounts[]): ServiceStats {
  const t = parts.reduce(
    (a, p) => ({
      volume: a.volume + p.volume,
      solved: a.solved + p.solved,
      onTime: a.onTime + p.onTime,
      reopened: a.reopened + p.reopened,
      ratedSum: a.ratedSum + p.ratedSum,
      ratedCount: a.ratedCount + p.ratedCount,
    }),
    { volume: 0, solved: 0, onTime: 0, reopened: 0, ratedSum: 0, ratedCount: 0 },
  );
  return {
    volume: t.volume,
    solved: t.solved,
    slaHitRate: t.solved ? t.onTime / t.solved : 0,
    reopenRate: t.volume ? t.reopened / t.volume : 0,
    averageRating: t.ratedCount ? t.ratedSum / t.ratedCount : null,
  };
}

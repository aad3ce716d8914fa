import { In, type EntityManager } from 'typeorm';

/** Load rows of `entity` by id into a Map (one query, duplicates and non-positive ids ignored). */
export async function byId<T extends { id: number }>(
  em: EntityManager,
  entity: new () => T,
  ids: readonly (number | null | undefined)[],
): Promise<Map<number, T>> {
  const unique = [...new Set(ids)].filter((x): x is number => typeof x === 'number' && x > 0);
  if (!unique.length) return new Map();
  const rows = await em.find(entity, { where: { id: In(unique) } as never });
  return new Map(rows.map((r) => [r.id, r]));
}

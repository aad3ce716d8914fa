import type { ScopeLevel } from '@hg/types';

/**
 * The rule "a role held on a node covers the rows below it", as a column name: a row that carries
 * its place (streetId … unitId) is in scope of a role on level L when its L column equals the
 * role's scopeId. `null` means city-wide. Every scoped query builds its filter from this one map.
 */
export const SCOPE_COLUMN: Record<ScopeLevel, 'streetId' | 'communityId' | 'compoundId' | 'buildingId' | 'unitId' | null> = {
  city: null,
  street: 'streetId',
  community: 'communityId',
  compound: 'compoundId',
  building: 'buildingId',
  unit: 'unitId',
};

/**
 * `(alias.col = :p0 OR …)` for the given assignments, or null when one of them is city-wide (no
 * filter). Only columns in `available` are used: a table without unitId ignores unit roles.
 */
export function scopeFilter(
  alias: string,
  held: readonly { scopeLevel: ScopeLevel; scopeId: number }[],
  available: readonly string[] = ['streetId', 'communityId', 'compoundId', 'buildingId', 'unitId'],
  prefix = 'scope',
): { sql: string; params: Record<string, number> } | null {
  if (held.some((r) => r.scopeLevel === 'city')) return null;
  const parts: string[] = [];
  const params: Record<string, number> = {};
  held.forEach((r, i) => {
    const column = SCOPE_COLUMN[r.scopeLevel];
    if (!column || !available.includes(column)) return;
    parts.push(`${alias}.${column} = :${prefix}${i}`);
    params[`${prefix}${i}`] = r.scopeId;
  });
  return { sql: parts.length ? `(${parts.join(' OR ')})` : '(1 = 0)', params };
}

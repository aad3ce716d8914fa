import type { MeDTO, Role } from '@hg/types';

/**
 * Who may file a need for a resident without a phone (代办): the same roles households.lookup
 * allows, so the entry never leads to a page the server refuses.
 */
export const PROXY_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'building_head', 'compound_head', 'unit_head'];

/** True when the signed-in person holds any of `roles` (in any scope; the server checks the scope). */
export function hasRole(profile: MeDTO | null, roles: readonly Role[]): boolean {
  return !!profile?.roles.some((r) => roles.includes(r.role));
}

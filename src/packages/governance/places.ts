import type { CompoundSummaryDTO, MeDTO } from '@hg/types';
import { STAFF_ROLES } from '@hg/types/roles';

/** Roles that run matters (the server's ORGANISER_ROLES): staff and the three heads. */
const ORGANISER_ROLES = [...STAFF_ROLES, 'compound_head', 'building_head', 'unit_head'];

/** Whether the person runs matters somewhere (the server checks each place again). */
export const isOrganiser = (profile: Pick<MeDTO, 'roles'> | null) => !!profile?.roles.some((r) => ORGANISER_ROLES.includes(r.role));

/**
 * The compounds whose matters a person may open: where they live (verified), and where a role over
 * a compound, community, street or the city reaches. A head of a building reaches it through the
 * compound they were given as `current` (the compound home they came from).
 */
export function compoundsOf(profile: Pick<MeDTO, 'roles' | 'memberships'>, all: CompoundSummaryDTO[]): CompoundSummaryDTO[] {
  const homes = new Set(profile.memberships.filter((m) => m.status === 'verified').map((m) => m.compound.id));
  const reach = (c: CompoundSummaryDTO) =>
    profile.roles.some(
      (r) =>
        ORGANISER_ROLES.includes(r.role) &&
        (r.scopeLevel === 'city' ||
          (r.scopeLevel === 'street' && r.scopeId === c.street.id) ||
          (r.scopeLevel === 'community' && r.scopeId === c.community.id) ||
          (r.scopeLevel === 'compound' && r.scopeId === c.id)),
    );
  return all.filter((c) => homes.has(c.id) || reach(c));
}

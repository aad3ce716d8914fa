import type { EntityManager } from 'typeorm';
import { CARE_ROLES } from '@hg/types';
import { notFound } from '../../core/errors';
import { communityRepo, organisationById, organisationsLinkedTo, organisationsWhere, type CommunityRow, type OrganisationRow } from '../community/public';
import type { Actor } from '../identity/public';

/** A centre (an organisation of kind day_care_centre), or NOT_FOUND. */
export async function loadCentre(em: EntityManager, centreId: number): Promise<{ centre: OrganisationRow; community: CommunityRow }> {
  const centre = await organisationById(em, centreId, 'day_care_centre');
  if (!centre || !centre.communityId) throw notFound('日间照料中心');
  const community = await communityRepo.community(em, centre.communityId);
  if (!community) throw notFound('社区');
  return { centre, community };
}

/** The centres serving these compounds (organisation_compounds). */
export function centresServing(em: EntityManager, compoundIds: readonly number[]): Promise<OrganisationRow[]> {
  return organisationsLinkedTo(em, compoundIds, 'day_care_centre');
}

/** The centres the actor works for (care_staff). */
export function centresStaffedBy(em: EntityManager, actor: Actor): Promise<OrganisationRow[]> {
  const ids = actor.roles.filter((r) => CARE_ROLES.includes(r.role) && r.organisationId).map((r) => r.organisationId);
  return organisationsWhere(em, { ids, kind: 'day_care_centre' });
}

import { In, type EntityManager } from 'typeorm';
import { CARE_ROLES } from '@hg/types';
import { notFound } from '../../core/errors';
import { Community, Organisation, OrganisationCompound } from '../community/public';
import type { Actor } from '../identity/public';

/** A centre (an organisation of kind day_care_centre), or NOT_FOUND. */
export async function loadCentre(em: EntityManager, centreId: number): Promise<{ centre: Organisation; community: Community }> {
  const centre = await em.findOne(Organisation, { where: { id: centreId, kind: 'day_care_centre' } });
  if (!centre || !centre.communityId) throw notFound('日间照料中心');
  const community = await em.findOneByOrFail(Community, { id: centre.communityId });
  return { centre, community };
}

/** The centres serving these compounds (organisation_compounds). */
export async function centresServing(em: EntityManager, compoundIds: readonly number[]): Promise<Organisation[]> {
  if (!compoundIds.length) return [];
  const links = await em.find(OrganisationCompound, { where: { compoundId: In([...compoundIds]) } });
  if (!links.length) return [];
  return em.find(Organisation, { where: { id: In([...new Set(links.map((l) => l.organisationId))]), kind: 'day_care_centre' }, order: { id: 'ASC' } });
}

/** The centres the actor works for (care_staff). */
export async function centresStaffedBy(em: EntityManager, actor: Actor): Promise<Organisation[]> {
  const ids = [...new Set(actor.roles.filter((r) => CARE_ROLES.includes(r.role) && r.organisationId).map((r) => r.organisationId))];
  return ids.length ? em.find(Organisation, { where: { id: In(ids), kind: 'day_care_centre' }, order: { id: 'ASC' } }) : [];
}

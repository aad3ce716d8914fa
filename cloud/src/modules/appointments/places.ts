import type { EntityManager } from 'typeorm';
import type { OrgKind, ScopeLevel } from '@hg/types';
import { communitiesWhere, communityRepo, compoundsWhere, organisationsLinkedTo, organisationsWhere, placeNames, type OrganisationRow } from '../community/public';
import type { Actor, ScopePath } from '../identity/public';

/** A node a post can sit on: where it is in the hierarchy (for the policy) and its name. */
export interface PostPlace {
  level: ScopeLevel;
  id: number;
  path: ScopePath;
  name: string;
}

/** The node `level:id` with its path, or null when there is none (city posts are not appointed). */
export async function placeOf(em: EntityManager, level: ScopeLevel, id: number): Promise<PostPlace | null> {
  let path: ScopePath | null = null;
  if (level === 'street') {
    const street = await communityRepo.street(em, id);
    // A street post lies in no community: -1 matches no community's id.
    if (street) path = { streetId: street.id, communityId: -1 };
  } else if (level === 'community') {
    const community = await communityRepo.community(em, id);
    if (community) path = { streetId: community.streetId, communityId: community.id };
  } else if (level === 'compound' || level === 'building' || level === 'unit') {
    const unit = level === 'unit' ? await communityRepo.unit(em, id) : null;
    const buildingId = level === 'building' ? id : unit?.buildingId;
    const building = buildingId ? await communityRepo.building(em, buildingId) : null;
    const compoundId = level === 'compound' ? id : building?.compoundId;
    const compound = compoundId ? await communityRepo.compound(em, compoundId) : null;
    if (compound && (level === 'compound' || building) && (level !== 'unit' || unit)) {
      path = { streetId: compound.streetId, communityId: compound.communityId, compoundId: compound.id, buildingId: building?.id, unitId: unit?.id };
    }
  }
  if (!path) return null;
  const names = await placeNames(em, [{ level, id }]);
  return { level, id, path, name: names.get(`${level}:${id}`) ?? '' };
}

/**
 * The organisations working in a community, of these kinds: its own teams and centres, those
 * serving one of its compounds (property firm or linked), and the city-wide ones.
 */
export async function organisationsIn(em: EntityManager, communityId: number, kinds: readonly OrgKind[]): Promise<OrganisationRow[]> {
  const compounds = await compoundsWhere(em, { communityId });
  const linked = new Set((await organisationsLinkedTo(em, compounds.map((c) => c.id))).map((o) => o.id));
  for (const c of compounds) if (c.propertyOrgId) linked.add(c.propertyOrgId);
  const all = await organisationsWhere(em);
  return all.filter((o) => kinds.includes(o.kind) && (o.communityId === communityId || o.communityId === null || linked.has(o.id)));
}

/** The streets and communities whose posts the actor fills (the places 人员任命 opens), street first. */
export async function appointingPlaces(em: EntityManager, actor: Actor): Promise<{ level: 'street' | 'community'; id: number; name: string }[]> {
  const held = actor.roles.filter((r) => r.role === 'admin' || r.role === 'street_staff' || r.role === 'community_staff');
  if (!held.length) return [];
  const cityWide = held.some((r) => r.scopeLevel === 'city');
  const streetIds = held.filter((r) => r.scopeLevel === 'street').map((r) => r.scopeId);
  const communityIds = held.filter((r) => r.scopeLevel === 'community').map((r) => r.scopeId);
  const communities = cityWide
    ? await communitiesWhere(em, { ids: 'all' })
    : [...(await communitiesWhere(em, { streetIds })), ...(await communitiesWhere(em, { ids: communityIds }))];
  const streets = cityWide ? [...new Set(communities.map((c) => c.streetId))] : [];
  const names = await placeNames(
    em,
    streets.map((id) => ({ level: 'street' as const, id })),
  );
  const seen = new Set<number>();
  return [
    ...streets.map((id) => ({ level: 'street' as const, id, name: names.get(`street:${id}`) ?? '' })),
    ...communities.filter((c) => !seen.has(c.id) && seen.add(c.id)).map((c) => ({ level: 'community' as const, id: c.id, name: c.name })),
  ];
}

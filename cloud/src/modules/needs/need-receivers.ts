import type { EntityManager } from 'typeorm';
import { ORG_KIND_LABEL, ROLE_LABEL, type NeedReceiverDTO } from '@hg/types';
import { invalidInput, notFound } from '../../core/errors';
import { communityRepo, organisationsAround, organisationServing } from '../community/public';
import { usersById, usersWithRoleOver } from '../identity/public';
import type { Need } from './need.entity';

/**
 * Who can take a need: the compound's property firm, organisations serving the compound, teams of
 * its community, city departments, and party members reporting to the compound.
 */
export async function listReceivers(em: EntityManager, need: Need): Promise<NeedReceiverDTO[]> {
  const compound = await communityRepo.compound(em, need.compoundId);
  if (!compound) throw notFound('小区');
  const orgs = await organisationsAround(em, compound);
  const memberIds = await usersWithRoleOver(em, ['party_member'], need);
  const members = [...(await usersById(em, memberIds)).values()].sort((a, b) => a.id - b.id);
  const firmFirst = orgs.sort((a, b) => Number(b.id === compound.propertyOrgId) - Number(a.id === compound.propertyOrgId));
  return [
    ...firmFirst.map((o) => ({ kind: 'org' as const, id: o.id, name: o.name, kindLabel: ORG_KIND_LABEL[o.kind] })),
    ...members.map((u) => ({ kind: 'user' as const, id: u.id, name: u.name, kindLabel: ROLE_LABEL.party_member })),
  ];
}

/**
 * The dispatch target must be one of the receivers above — checked for that one target (an
 * organisation: one statement; a party member: his role over the need's place, then his name).
 */
export async function assertReceiver(em: EntityManager, need: Need, target: { orgId?: number; userId?: number }): Promise<NeedReceiverDTO> {
  if (target.orgId) {
    const o = await organisationServing(em, need.compoundId, target.orgId);
    if (!o) throw invalidInput('orgId', '该接单方不服务于此小区');
    return { kind: 'org', id: o.id, name: o.name, kindLabel: ORG_KIND_LABEL[o.kind] };
  }
  const userId = target.userId ?? 0;
  const member = (await usersWithRoleOver(em, ['party_member'], need)).includes(userId) ? (await usersById(em, [userId])).get(userId) : undefined;
  if (!member) throw invalidInput('userId', '该接单方不服务于此小区');
  return { kind: 'user', id: member.id, name: member.name, kindLabel: ROLE_LABEL.party_member };
}

import type { EntityManager } from 'typeorm';
import { STAFF_ROLES } from '@hg/types';
import { forbidden, invalidInput, notFound } from '../../../core/errors';
import { communitiesWhere, communityRepo } from '../../community/public';
import type { Actor } from '../../identity/public';
import { assignmentsOf, SCOPE_COLUMN } from '../../identity/public';

/** The needs column a role held on a node of this level filters on (the identity kernel's one rule). */
export { SCOPE_COLUMN };

/** Communities a staff actor runs; 'all' for a city-level role (admin). */
export type CommunityScope = number[] | 'all';

/**
 * The communities whose needs the actor handles as staff (community staff: their community;
 * street staff: every community of their street; admin: all). The dispatch console, the
 * dashboard and the export are community-wide, so staff roles are read at these three levels.
 */
export async function staffCommunities(em: EntityManager, actor: Actor): Promise<CommunityScope> {
  const held = assignmentsOf(actor, STAFF_ROLES);
  if (held.some((r) => r.scopeLevel === 'city')) return 'all';
  const ids = new Set(held.filter((r) => r.scopeLevel === 'community').map((r) => r.scopeId));
  const streets = held.filter((r) => r.scopeLevel === 'street').map((r) => r.scopeId);
  for (const c of await communitiesWhere(em, { streetIds: streets })) ids.add(c.id);
  return [...ids].sort((a, b) => a - b);
}

/**
 * Staff scope, optionally narrowed to one community. FORBIDDEN for anyone who is not staff, and
 * for a community outside the actor's scope.
 */
export async function staffScope(em: EntityManager, actor: Actor, communityId?: number): Promise<CommunityScope> {
  const all = await staffCommunities(em, actor);
  if (all !== 'all' && !all.length) throw forbidden('只有社区、街道工作人员或管理员可以查看');
  if (communityId === undefined) return all;
  if (all !== 'all' && !all.includes(communityId)) throw forbidden('该社区不在您的管辖范围内');
  if (all === 'all' && !(await communityRepo.community(em, communityId))) throw notFound('社区');
  return [communityId];
}

/** Does the scope include this community? */
export const inScope = (scope: CommunityScope, communityId: number) => scope === 'all' || scope.includes(communityId);

/** The longest period the dashboard and the export cover in one call. */
export const MAX_PERIOD_DAYS = 366;

/** Parse and check a [from, to) period of the request. */
export function periodOf(input: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (to.getTime() <= from.getTime()) throw invalidInput('to', '结束时间须晚于开始时间');
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 24 * 3600 * 1000) throw invalidInput('to', `时间段不超过${MAX_PERIOD_DAYS}天`);
  return { from, to };
}

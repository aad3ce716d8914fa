import { ADMIN_ROLES, ASSESSOR_ROLES, PROXY_ROLES, appointmentRule, type ProxyRole, type Role, type ScopeLevel } from '@hg/types';
import type { Actor } from './actor';
import { holdsRoleOver, type ScopePath } from './scope';

/**
 * Named checks on roles that several modules ask, so each rule is written once and reads like the
 * brief where it is used. Scoped checks take the place they are about; the role sets come from
 * types/roles.ts, which also derives what 我的 offers (MeDTO.can).
 */

/**
 * The city admin (市级管理员): configures categories, rating periods and weights, runs the timers by
 * hand. Any admin assignment counts (admins are appointed on the city). No actor (an anonymous or
 * system call) is never an admin.
 */
export function isCityAdmin(actor: Pick<Actor, 'roles'> | null | undefined): boolean {
  return !!actor && actor.roles.some((r) => ADMIN_ROLES.includes(r.role));
}

/** Holds an assessor (考评员) role anywhere: may open the 考评 work list, which then shows only their scope. */
export function isAssessor(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => ASSESSOR_ROLES.includes(r.role));
}

/** An assessor whose scope covers this place (a compound a property firm serves). */
export function isAssessorOver(actor: Actor, path: ScopePath): boolean {
  return holdsRoleOver(actor, ASSESSOR_ROLES, path);
}

/**
 * 代办 / 代订: may the actor act for a person or household at `place`, and under which proxy role?
 * The first of PROXY_ROLES (types/roles.ts) the actor holds on a node covering the place, or null.
 * The place decides who qualifies: a household's full path lets its unit, building and compound
 * heads in; a place known only to its community (an elder's profile) only roles held on the
 * community or above. A grid worker acts for households of the grids they work now only, once
 * their community has drawn grids (the scope rule's `withinGrids`); 代办 and 代订 both read this.
 */
export function proxyRoleOver(actor: Actor, place: ScopePath): ProxyRole | null {
  return PROXY_ROLES.find((role) => holdsRoleOver(actor, [role], place)) ?? null;
}

/**
 * The same answer as the channel a domain records: each domain maps every proxy role to one of its
 * channels (a missing role fails the type check, so nobody files unlabelled). null = may not act
 * for anyone at that place.
 */
export function proxyChannel<C extends string>(actor: Actor, place: ScopePath, channels: Readonly<Record<ProxyRole, C>>): C | null {
  const role = proxyRoleOver(actor, place);
  return role ? channels[role] : null;
}

/**
 * 任命 / 撤销: may the actor put someone in (or end) the post `role` on the node at `path` on
 * `level`? Only the level above in its scope, as APPOINTMENT_RULES (types/appointments.ts) says:
 * street staff for their street's community staff, community staff for the heads, grid workers,
 * party members and centre and firm staff of their community, the city for street posts. A post
 * the table does not have is nobody's to fill.
 */
export function mayAppoint(actor: Actor, role: Role, level: ScopeLevel, path: ScopePath): boolean {
  const rule = appointmentRule(role, level);
  return !!rule && holdsRoleOver(actor, rule.by, path);
}

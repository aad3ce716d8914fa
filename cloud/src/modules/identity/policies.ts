import { ADMIN_ROLES, ASSESSOR_ROLES } from '@hg/types';
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

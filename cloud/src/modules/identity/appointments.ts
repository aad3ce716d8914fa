import { IsNull, type EntityManager } from 'typeorm';
import { HEAD_LEVEL, type Role, type ScopeLevel } from '@hg/types';
import { conflict, isUniqueViolation } from '../../core/errors';
import { RoleAssignment } from './role-assignment.entity';

/**
 * Appointments on role_assignments: a post is a row from its appointment to its end, and ended
 * rows stay as history. Only identity writes the table; the appointments module decides who may
 * (the named policy `mayAppoint`) and where a place is, then calls these in its transaction.
 */

/** A post as other modules read it (plain fields; the table stays identity's). */
export interface AssignmentRecord {
  id: number;
  userId: number;
  role: Role;
  scopeLevel: ScopeLevel;
  scopeId: number;
  organisationId: number;
  appointedById: number | null;
  appointedAt: Date | null;
  note: string | null;
  endedAt: Date | null;
  endedById: number | null;
  endReason: string | null;
}

const record = (r: RoleAssignment): AssignmentRecord => ({
  id: r.id,
  userId: r.userId,
  role: r.role,
  scopeLevel: r.scopeLevel,
  scopeId: r.scopeId,
  organisationId: r.organisationId,
  appointedById: r.appointedById,
  appointedAt: r.appointedAt,
  note: r.note,
  endedAt: r.endedAt,
  endedById: r.endedById,
  endReason: r.endReason,
});

/** Is this role one of the three heads (one active holder per place)? */
export const isHeadRole = (role: Role): boolean => HEAD_LEVEL[role] !== undefined;

/** The end reason written on a head's row when a new appointment replaces them. */
export const REPLACED_REASON = '由新任命接替';

export interface Appointment {
  userId: number;
  role: Role;
  scopeLevel: ScopeLevel;
  scopeId: number;
  organisationId: number;
  byId: number;
  at: Date;
  note: string | null;
  /** End the place's current head in this transaction instead of refusing (heads only). */
  replace?: boolean;
}

/**
 * Put a person in a post, in the caller's transaction. A head's place already held → CONFLICT
 * naming nobody (the page shows who), unless `replace` ends that row first; the same person already
 * in the same post → CONFLICT. Both rules are unique keys, so two appointments racing for one
 * place end with exactly one row: the loser's insert fails on the key and becomes the same CONFLICT.
 */
export async function appoint(em: EntityManager, a: Appointment): Promise<AssignmentRecord> {
  const head = isHeadRole(a.role);
  if (head) {
    if (a.replace) {
      await em.update(
        RoleAssignment,
        { role: a.role, headScopeId: a.scopeId, endedAt: IsNull() },
        { endedAt: a.at, endedById: a.byId, endReason: REPLACED_REASON, active: null, headScopeId: null },
      );
    } else if (await em.exists(RoleAssignment, { where: { role: a.role, headScopeId: a.scopeId } })) {
      throw headTaken();
    }
  }
  if (await em.exists(RoleAssignment, { where: { userId: a.userId, role: a.role, scopeLevel: a.scopeLevel, scopeId: a.scopeId, organisationId: a.organisationId, active: 1 } })) {
    throw alreadyHeld();
  }
  try {
    const row = await em.save(
      em.create(RoleAssignment, {
        userId: a.userId,
        role: a.role,
        scopeLevel: a.scopeLevel,
        scopeId: a.scopeId,
        organisationId: a.organisationId,
        active: 1,
        headScopeId: head ? a.scopeId : null,
        appointedById: a.byId,
        appointedAt: a.at,
        note: a.note,
        endedAt: null,
        endedById: null,
        endReason: null,
      }),
    );
    return record(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw head ? headTaken() : alreadyHeld();
    throw err;
  }
}

const headTaken = () => conflict('该处已有在任的负责人：请先撤销，或选择“接替现任”');
const alreadyHeld = () => conflict('此人已在该岗位任职');

/**
 * End an active post, keeping the row: a compare-and-set on `endedAt IS NULL`, so of two
 * revocations one ends it and the other is told (false).
 */
export async function endAssignment(em: EntityManager, end: { id: number; byId: number; at: Date; reason: string }): Promise<boolean> {
  const done = await em.update(
    RoleAssignment,
    { id: end.id, endedAt: IsNull() },
    { endedAt: end.at, endedById: end.byId, endReason: end.reason, active: null, headScopeId: null },
  );
  return done.affected === 1;
}

/** One post (active or ended), or null. */
export async function assignmentById(em: EntityManager, id: number): Promise<AssignmentRecord | null> {
  const row = await em.findOne(RoleAssignment, { where: { id } });
  return row ? record(row) : null;
}

/**
 * The posts held on these nodes: every active one, and the latest `historyMax` ended ones (newest
 * end first). One statement each.
 */
export async function assignmentsOn(
  em: EntityManager,
  nodes: readonly { level: ScopeLevel; ids: readonly number[] }[],
  historyMax: number,
): Promise<{ active: AssignmentRecord[]; ended: AssignmentRecord[] }> {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  nodes.forEach((n, i) => {
    if (!n.ids.length) return;
    parts.push(`(r.scopeLevel = :level${i} AND r.scopeId IN (:...ids${i}))`);
    params[`level${i}`] = n.level;
    params[`ids${i}`] = [...n.ids];
  });
  if (!parts.length) return { active: [], ended: [] };
  const where = `(${parts.join(' OR ')})`;
  const [active, ended] = await Promise.all([
    em.createQueryBuilder(RoleAssignment, 'r').where(where, params).andWhere('r.endedAt IS NULL').orderBy('r.id', 'ASC').getMany(),
    em
      .createQueryBuilder(RoleAssignment, 'r')
      .where(where, params)
      .andWhere('r.endedAt IS NOT NULL')
      .orderBy('r.endedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(historyMax)
      .getMany(),
  ]);
  return { active: active.map(record), ended: ended.map(record) };
}

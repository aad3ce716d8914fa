import type { EntityManager } from 'typeorm';
import type { Role, ScopeLevel } from '@hg/types';
import { clock } from '../../core/clock';
import type { Actor } from '../../core/action';
import { runInTransaction } from '../../core/data-source';
import { isUniqueViolation } from '../../core/errors';
import { RoleAssignment } from './role-assignment.entity';
import { readGridReach, type GridReach } from './grid-scope';
import { User } from './user.entity';

export interface ActorRole {
  role: Role;
  scopeLevel: ScopeLevel;
  scopeId: number;
  organisationId: number;
}

/** Who is calling, as resolved from the trusted identity. Policies take this, never raw input. */
declare module '../../core/action' {
  interface Actor {
    openid: string;
    name: string;
    /** The person's own phone (never shown to others unmasked). */
    phone: string | null;
    roles: ActorRole[];
    /** For a grid worker only: the grids they work now and the communities that drew grids (scope.ts `withinGrids`). */
    gridReach?: GridReach;
  }
}
export type { Actor };

type ActorRow = {
  id: number | string;
  openid: string;
  name: string;
  phone: string | null;
  role: Role | null;
  scopeLevel: ScopeLevel | null;
  scopeId: number | string | null;
  organisationId: number | string | null;
};

/** The person and every role they hold now (ended posts aside), in one statement (a row per role; one row without roles). */
function readActor(em: EntityManager, openid: string): Promise<ActorRow[]> {
  return em
    .createQueryBuilder(User, 'u')
    .leftJoin(RoleAssignment, 'r', 'r.userId = u.id AND r.endedAt IS NULL')
    .select('u.id', 'id')
    .addSelect('u.openid', 'openid')
    .addSelect('u.name', 'name')
    .addSelect('u.phone', 'phone')
    .addSelect('r.role', 'role')
    .addSelect('r.scopeLevel', 'scopeLevel')
    .addSelect('r.scopeId', 'scopeId')
    .addSelect('r.organisationId', 'organisationId')
    .where('u.openid = :openid', { openid })
    .orderBy('r.id', 'ASC')
    .getRawMany<ActorRow>();
}

/**
 * Find the user behind a trusted openid, creating the row on first contact (on WeChat every
 * openid is a person who opened the mini-program). Concurrent first calls race on the unique
 * openid key; the loser re-reads. One statement for a known caller: every action pays it, and it
 * reads the roles afresh, so a role granted or revoked counts from the next call.
 */
export async function resolveActor(em: EntityManager, openid: string): Promise<Actor> {
  let rows = await readActor(em, openid);
  if (!rows.length) {
    try {
      await runInTransaction(em.connection, (tx) => tx.save(tx.create(User, { openid, name: '', phone: null, createdAt: clock.now() })));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    rows = await readActor(em, openid);
    if (!rows.length) throw new Error(`user ${openid} vanished after its first contact`);
  }
  const [user] = rows;
  const roles: ActorRole[] = rows
    .filter((r) => r.role !== null)
    .map((r) => ({ role: r.role!, scopeLevel: r.scopeLevel!, scopeId: Number(r.scopeId), organisationId: Number(r.organisationId) }));
  const actor: Actor = { userId: Number(user.id), openid: user.openid, name: user.name, phone: user.phone, roles };
  // A grid worker's reach is read afresh with the roles (one more statement, theirs only), so a
  // coverage or assignment change counts from the next call.
  const gridCommunities = roles.filter((r) => r.role === 'grid_worker' && r.scopeLevel === 'community').map((r) => r.scopeId);
  if (roles.some((r) => r.role === 'grid_worker')) actor.gridReach = await readGridReach(em, actor.userId, gridCommunities);
  return actor;
}

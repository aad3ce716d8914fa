import type { EntityManager } from 'typeorm';
import type { Role, ScopeLevel } from '@hg/types';
import { clock } from '../../core/clock';
import type { Actor } from '../../core/action';
import { runInTransaction } from '../../core/data-source';
import { isUniqueViolation } from '../../core/errors';
import { RoleAssignment } from './role-assignment.entity';
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
  }
}
export type { Actor };

/**
 * Find the user behind a trusted openid, creating the row on first contact (on WeChat every
 * openid is a person who opened the mini-program). Concurrent first calls race on the unique
 * openid key; the loser re-reads.
 */
export async function resolveActor(em: EntityManager, openid: string): Promise<Actor> {
  let user = await em.findOne(User, { where: { openid } });
  if (!user) {
    try {
      user = await runInTransaction(em.connection, (tx) => tx.save(tx.create(User, { openid, name: '', phone: null, createdAt: clock.now() })));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      user = await em.findOneOrFail(User, { where: { openid } });
    }
  }
  const roles = await em.find(RoleAssignment, { where: { userId: user.id }, order: { id: 'ASC' } });
  return {
    userId: user.id,
    openid: user.openid,
    name: user.name,
    phone: user.phone,
    roles: roles.map((r) => ({ role: r.role, scopeLevel: r.scopeLevel, scopeId: r.scopeId, organisationId: r.organisationId })),
  };
}

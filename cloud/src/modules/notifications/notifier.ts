import { In, type EntityManager } from 'typeorm';
import type { Role } from '@hg/types';
import { clock } from '../../core/clock';
import type { Platform } from '../../core/platform';
import { RoleAssignment } from '../users/role-assignment.entity';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';

export interface Message {
  title: string;
  body: string;
  needId: number | null;
}

/** Where a need sits, for finding the people who hold a role over it. */
export interface NodePath {
  streetId: number;
  communityId: number;
  compoundId: number;
  buildingId: number;
}

/**
 * Collects messages during a transaction: the in-app rows are written in the same transaction
 * (they commit or vanish with the change they describe); WeChat subscribe messages go out only
 * after the commit, best effort.
 */
export class Notifier {
  private pending: { userIds: number[]; msg: Message }[] = [];

  /** Queue `msg` for these users (duplicates and `exceptUserId` removed). */
  async to(em: EntityManager, userIds: (number | null | undefined)[], msg: Message, exceptUserId?: number): Promise<void> {
    const ids = [...new Set(userIds.filter((x): x is number => typeof x === 'number' && x > 0 && x !== exceptUserId))];
    if (!ids.length) return;
    const now = clock.now();
    await em.insert(
      Notification,
      ids.map((userId) => ({ userId, title: msg.title.slice(0, 40), body: msg.body.slice(0, 200), needId: msg.needId, readAt: null, createdAt: now })),
    );
    this.pending.push({ userIds: ids, msg });
  }

  /** After commit: push subscribe messages to everyone notified. */
  async flush(em: EntityManager, platform: Platform): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    for (const { userIds, msg } of batch) {
      const users = await em.find(User, { where: { id: In(userIds) } });
      for (const u of users) {
        await platform.messenger.send({
          openid: u.openid,
          template: 'need_update',
          page: msg.needId ? `packages/needs/pages/detail/index?id=${msg.needId}` : 'pages/me/index',
          title: msg.title,
          body: msg.body,
        });
      }
    }
  }
}

/** Users holding any of `roles` on a node covering `path` (or city-wide). */
export async function usersWithRoleOver(em: EntityManager, roles: readonly Role[], path: NodePath, organisationId?: number): Promise<number[]> {
  const qb = em
    .createQueryBuilder(RoleAssignment, 'r')
    .select('DISTINCT r.userId', 'userId')
    .where('r.role IN (:...roles)', { roles })
    .andWhere(
      `((r.scopeLevel = 'city') OR (r.scopeLevel = 'street' AND r.scopeId = :streetId) OR (r.scopeLevel = 'community' AND r.scopeId = :communityId)
        OR (r.scopeLevel = 'compound' AND r.scopeId = :compoundId) OR (r.scopeLevel = 'building' AND r.scopeId = :buildingId))`,
      path,
    );
  if (organisationId !== undefined) qb.andWhere('r.organisationId = :organisationId', { organisationId });
  const rows: { userId: number | string }[] = await qb.getRawMany();
  return rows.map((r) => Number(r.userId));
}

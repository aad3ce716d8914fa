import { ZNotificationsRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { Notification } from '../notification.entity';

/** The message centre: newest first, keyset-paginated, with the unread count. */
export const listNotifications = defineAction({
  input: ZNotificationsRequest,
  async handler({ unreadOnly, cursor, limit = 20 }, { actor, ds }) {
    const qb = ds.manager.createQueryBuilder(Notification, 'n').where('n.userId = :uid', { uid: actor.userId });
    if (unreadOnly) qb.andWhere('n.readAt IS NULL');
    const after = decodeCursor(cursor);
    if (after) qb.andWhere('n.id < :after', { after });
    const rows = await qb
      .orderBy('n.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const unread = await ds.manager.createQueryBuilder(Notification, 'n').where('n.userId = :uid AND n.readAt IS NULL', { uid: actor.userId }).getCount();
    return {
      items: page.map((n) => ({
        id: n.id,
        title: n.title,
        body: n.body,
        subjectKind: n.subjectKind,
        subjectId: n.subjectId,
        read: n.readAt !== null,
        createdAt: n.createdAt.toISOString(),
      })),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
      unread,
    };
  },
});

import { In, IsNull } from 'typeorm';
import { ZMarkReadRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { Notification } from '../notification.entity';

/** Mark one's own messages read (others' ids are silently ignored: they are not yours). */
export const markRead = defineAction({
  input: ZMarkReadRequest,
  async handler({ ids }, { actor, ds }) {
    const res = await ds.manager.update(Notification, { id: In(ids), userId: actor.userId, readAt: IsNull() }, { readAt: clock.now() });
    return { updated: res.affected ?? 0 };
  },
});

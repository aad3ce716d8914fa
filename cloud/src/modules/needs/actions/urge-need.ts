import { ErrorCode, NEED_RULES, ZNeedRequest } from '@hg/types';
import { Brackets } from 'typeorm';
import { defineAction } from '../../../core/action';
import { AppError } from '../../../core/errors';
import { Need } from '../need.entity';
import { communityStaffOf, escalate, forStaff, receiverUserIds, recordEvent, runNeedAction } from '../need-flow';

/** The deadline an urge is measured against: accepting while nobody took the need, then resolving. */
function dueOf(need: Need): Date | null {
  if (['submitted', 'dispatched', 'open_for_claim'].includes(need.status)) return need.acceptDueAt;
  if (['accepted', 'in_progress'].includes(need.status)) return need.resolveDueAt;
  return need.holdUntil;
}

/**
 * 催办: at most one counted urge per need per 5 minutes, enforced by a conditional update on
 * lastUrgedAt (fifty parallel taps count once). Before the category's deadline an urge reminds the
 * receiver and is recorded, nothing more; once the deadline passed, repeated urges climb the
 * ladder (urges do not skip the clock).
 */
export const urgeNeed = defineAction({
  input: ZNeedRequest,
  handler: ({ needId }, ctx) =>
    runNeedAction(ctx, needId, 'urge', async ({ em, need, actor, now, notifier }) => {
      const due = dueOf(need);
      const overdue = !!due && due.getTime() <= now.getTime();
      const windowStart = new Date(now.getTime() - NEED_RULES.urgeWindowMinutes * 60 * 1000);
      const res = await em
        .createQueryBuilder()
        .update(Need)
        .set({
          urgeCount: () => 'urgeCount + 1',
          ...(overdue ? { urgesSinceEscalation: () => 'urgesSinceEscalation + 1' } : {}),
          lastUrgedAt: now,
          updatedAt: now,
        })
        .where('id = :id', { id: need.id })
        .andWhere(new Brackets((w) => w.where('lastUrgedAt IS NULL').orWhere('lastUrgedAt <= :windowStart', { windowStart })))
        .execute();
      if (res.affected !== 1) throw new AppError(ErrorCode.RATE_LIMITED, `${NEED_RULES.urgeWindowMinutes}分钟内已催办过，请稍后再试`);
      await recordEvent(em, { needId: need.id, type: 'urged', actorId: actor.userId, note: overdue ? '已超时' : '未超时，仅提醒', at: now });
      const fresh = await em.findOneByOrFail(Need, { id: need.id });
      Object.assign(need, fresh);
      const to = need.receiverOrgId || need.receiverUserId ? await receiverUserIds(em, need) : await communityStaffOf(em, need);
      await notifier.to(em, to, { title: '居民催办', body: `#${need.id} 已催办${need.urgeCount}次`, ...forStaff(need) });
      if (overdue && need.urgesSinceEscalation >= NEED_RULES.urgesToEscalate)
        await escalate(em, need, `居民催办${need.urgeCount}次`, notifier, now, actor.userId);
    }),
});

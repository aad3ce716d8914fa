import { ErrorCode, LEVEL_LABEL, NEED_RULES, ZNeedRequest } from '@hg/types';
import { Brackets } from 'typeorm';
import { defineAction } from '../../../core/action';
import { AppError, conflict } from '../../../core/errors';
import { needEvents, recordNeedEvent } from '../need-events';
import { Need } from '../need.entity';
import { communityStaffOf, escalate, forStaff, hoursFrom, receiverUserIds, runNeedAction, type NeedStep } from '../need-flow';

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
 *
 * Someone on the ladder who is not the reporter (a head the need climbed to, community or street
 * staff at their rung) presses the receiver instead: 督办 — see `supervise`.
 */
export const urgeNeed = defineAction({
  input: ZNeedRequest,
  handler: ({ needId }, ctx) =>
    runNeedAction(ctx, needId, 'urge', async (step) => {
      if (!step.rel.reporter) return supervise(step);
      const { em, need, category, actor, now, notifier } = step;
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
      await recordNeedEvent(em, { needId: need.id, type: 'urged', actorId: actor.userId, note: overdue ? '已超时' : '未超时，仅提醒', at: now });
      const fresh = await em.findOneByOrFail(Need, { id: need.id });
      Object.assign(need, fresh);
      const to = need.receiverOrgId || need.receiverUserId ? await receiverUserIds(em, need) : await communityStaffOf(em, need);
      await notifier.to(em, to, { title: '居民催办', body: `#${need.id} 已催办${need.urgeCount}次`, ...forStaff(need) });
      const climbs = overdue && need.urgesSinceEscalation >= NEED_RULES.urgesToEscalate;
      if (climbs && (await escalate(em, need, `居民催办${need.urgeCount}次`, notifier, now, actor.userId))) {
        // Any climb restarts the ladder's own clock: the timer waits one SLA period before the next rung.
        const sla = ['accepted', 'in_progress'].includes(need.status) ? category.resolveSlaHours : category.acceptSlaHours;
        await em.update(Need, { id: need.id }, { nextEscalationAt: hoursFrom(now, sla) });
      }
    }),
});

/**
 * 督办: the ladder presses the receiver (or, before dispatch, the community). It is recorded as a
 * `supervised` event and never touches the resident's urge counts, so it cannot climb the ladder by
 * itself. Once per need per urge window: a recent 督办 answers RATE_LIMITED, and a compare-and-set on
 * updatedAt makes a double tap (or two heads at once) press once — the other gets CONFLICT.
 */
async function supervise({ em, need, actor, now, notifier }: NeedStep): Promise<void> {
  const windowStart = new Date(now.getTime() - NEED_RULES.urgeWindowMinutes * 60 * 1000);
  const recent = (await needEvents(em, need.id, ['supervised'])).some((e) => e.createdAt.getTime() > windowStart.getTime());
  if (recent) throw new AppError(ErrorCode.RATE_LIMITED, `${NEED_RULES.urgeWindowMinutes}分钟内已督办过，请稍后再试`);
  const res = await em.update(Need, { id: need.id, updatedAt: need.updatedAt }, { updatedAt: now });
  if (res.affected !== 1) throw conflict('该需求刚刚被其他人处理，请刷新后查看');
  await recordNeedEvent(em, { needId: need.id, type: 'supervised', actorId: actor.userId, level: need.level, note: `${LEVEL_LABEL[need.level]}督办`, at: now });
  const to = need.receiverOrgId || need.receiverUserId ? await receiverUserIds(em, need) : await communityStaffOf(em, need);
  await notifier.to(em, to, { title: '上级督办', body: `#${need.id} ${LEVEL_LABEL[need.level]}督办，请尽快处理`, ...forStaff(need) });
}

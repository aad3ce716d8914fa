import { LessThan, LessThanOrEqual, In } from 'typeorm';
import { ErrorCode, NEED_RULES, ZEscalationTickRequest, type EscalationTickDTO } from '@hg/types';
import { definePublicAction, type PublicActionContext } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, invalidInput } from '../../../core/errors';
import { Notifier } from '../../notifications/notifier';
import { NeedCategory } from '../../needs/need-category.entity';
import { escalate, hoursFrom, receiverUserIds, transition } from '../../needs/need-flow';
import { Need } from '../../needs/need.entity';

/** Needs handled per rule per tick; the next tick picks up the rest. */
const BATCH = 500;

/**
 * The escalation timer (a WeChat timer trigger; an interval in the local gateway; called directly
 * in tests with the clock moved). Accept and resolve timeouts climb one rung and restart their
 * clock; holds past their resume time resume; resolved needs unrated for 7 days close unrated.
 */
export const runTick = definePublicAction({
  input: ZEscalationTickRequest,
  async handler({ now: nowInput }, ctx) {
    const isAdmin = ctx.actor?.roles.some((r) => r.role === 'admin') ?? false;
    if (!ctx.system && !isAdmin) throw new AppError(ErrorCode.FORBIDDEN, '仅限定时任务或管理员调用');
    if (nowInput && process.env.NODE_ENV === 'production') throw invalidInput('now', '生产环境不可指定时间');
    const now = nowInput ? new Date(nowInput) : clock.now();
    return tick(ctx, now);
  },
});

export async function tick(ctx: Pick<PublicActionContext, 'ds' | 'tx' | 'platform'>, now: Date): Promise<EscalationTickDTO> {
  const em = ctx.ds.manager;
  const result: EscalationTickDTO = { escalated: 0, autoClosed: 0, resumed: 0 };
  const categories = new Map((await em.find(NeedCategory)).map((c) => [c.id, c]));

  const timeouts = [
    { field: 'acceptDueAt' as const, statuses: ['submitted', 'dispatched', 'open_for_claim'], sla: 'acceptSlaHours' as const, reason: '超时未接单' },
    { field: 'resolveDueAt' as const, statuses: ['accepted', 'in_progress'], sla: 'resolveSlaHours' as const, reason: '超时未办结' },
  ];
  for (const rule of timeouts) {
    const due = await em.find(Need, { where: { status: In(rule.statuses), [rule.field]: LessThan(now) }, order: { id: 'ASC' }, take: BATCH });
    for (const need of due) {
      const notifier = new Notifier();
      const raised = await ctx.tx(async (tx) => {
        // Restart the clock first, as a compare-and-set: of two overlapping ticks only one proceeds.
        const next = hoursFrom(now, categories.get(need.categoryId)?.[rule.sla] ?? 24);
        const res = await tx.update(Need, { id: need.id, status: need.status, [rule.field]: need[rule.field]! }, { [rule.field]: next });
        if (res.affected !== 1) return false;
        return escalate(tx, need, rule.reason, notifier, now);
      });
      if (raised) result.escalated++;
      await notifier.flush(em, ctx.platform);
    }
  }

  const held = await em.find(Need, { where: { status: 'on_hold', holdUntil: LessThanOrEqual(now) }, order: { id: 'ASC' }, take: BATCH });
  for (const need of held) {
    const notifier = new Notifier();
    const ok = await ctx.tx(async (tx) => {
      try {
        await transition(tx, need, 'resume', null, { holdUntil: null, updatedAt: now }, '到达恢复时间，自动恢复处理');
      } catch (err) {
        if (err instanceof AppError) return false;
        throw err;
      }
      await notifier.to(tx, await receiverUserIds(tx, need), { title: '挂起到期', body: `#${need.id} 已自动恢复处理`, needId: need.id });
      return true;
    });
    if (ok) result.resumed++;
    await notifier.flush(em, ctx.platform);
  }

  const closeBefore = new Date(now.getTime() - NEED_RULES.autoCloseDays * 24 * 3600 * 1000);
  const stale = await em.find(Need, { where: { status: 'resolved', resolvedAt: LessThanOrEqual(closeBefore) }, order: { id: 'ASC' }, take: BATCH });
  for (const need of stale) {
    const ok = await ctx.tx(async (tx) => {
      try {
        // Closed without a rating: it never counts as five stars (rating stays null).
        await transition(tx, need, 'autoClose', null, { closedAt: now, updatedAt: now }, `办结${NEED_RULES.autoCloseDays}天未评价`);
        return true;
      } catch (err) {
        if (err instanceof AppError) return false;
        throw err;
      }
    });
    if (ok) result.autoClosed++;
  }
  return result;
}

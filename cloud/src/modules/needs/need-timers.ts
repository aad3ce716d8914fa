import { In, IsNull, LessThan, LessThanOrEqual } from 'typeorm';
import { NEED_RULES } from '@hg/types';
import type { TimerContext, TimerJob } from '../../core/module';
import { Notifier } from '../notifications/public';
import { NeedCategory } from './need-category.entity';
import { escalate, forStaff, hoursFrom, moveNeeds, receiverUserIds } from './need-flow';
import { Need } from './need.entity';

/** Needs handled per rule per tick; the next tick picks up the rest. */
const BATCH = 500;

/**
 * Accept and resolve timeouts climb one rung of the ladder. The SLA deadlines (acceptDueAt,
 * resolveDueAt) never move for it — an escalated need stays overdue in 只看超时 and the dashboard —
 * and the ladder keeps its own clock: nextEscalationAt, one SLA period after each climb (null: the
 * first climb happens at the deadline). Moving that clock is a compare-and-set on its old value, so
 * of two overlapping ticks only one climbs.
 */
const escalateOverdue: TimerJob = {
  name: 'needs.escalateOverdue',
  async run(ctx: TimerContext, now: Date) {
    const categories = new Map((await ctx.em.find(NeedCategory)).map((c) => [c.id, c]));
    const rules = [
      { field: 'acceptDueAt' as const, statuses: ['submitted', 'dispatched', 'open_for_claim'], sla: 'acceptSlaHours' as const, reason: '超时未接单' },
      { field: 'resolveDueAt' as const, statuses: ['accepted', 'in_progress'], sla: 'resolveSlaHours' as const, reason: '超时未办结' },
    ];
    let escalated = 0;
    for (const rule of rules) {
      const due = await ctx.em.find(Need, {
        where: [
          { status: In(rule.statuses), [rule.field]: LessThan(now), nextEscalationAt: IsNull() },
          { status: In(rule.statuses), [rule.field]: LessThan(now), nextEscalationAt: LessThanOrEqual(now) },
        ],
        order: { id: 'ASC' },
        take: BATCH,
      });
      for (const need of due) {
        const notifier = new Notifier();
        const raised = await ctx.tx(async (tx) => {
          const next = hoursFrom(now, categories.get(need.categoryId)?.[rule.sla] ?? 24);
          const res = await tx.update(
            Need,
            { id: need.id, status: need.status, nextEscalationAt: need.nextEscalationAt ?? IsNull() },
            { nextEscalationAt: next },
          );
          if (res.affected !== 1) return false;
          return escalate(tx, need, rule.reason, notifier, now);
        });
        if (raised) escalated++;
      }
    }
    return { escalated };
  },
};

/** Holds past their resume time resume in one batch (a need a person moved meanwhile stays), and the receiver is told. */
const resumeHolds: TimerJob = {
  name: 'needs.resumeHolds',
  async run(ctx, now) {
    const held = await ctx.em.find(Need, { where: { status: 'on_hold', holdUntil: LessThanOrEqual(now) }, order: { id: 'ASC' }, take: BATCH });
    const notifier = new Notifier();
    const resumed = await ctx.tx(async (tx) => {
      const moved = await moveNeeds(tx, held, 'resume', { by: null, patch: { holdUntil: null, updatedAt: now }, note: '到达恢复时间，自动恢复处理' });
      for (const need of moved)
        await notifier.to(tx, await receiverUserIds(tx, need), { title: '挂起到期', body: `#${need.id} 已自动恢复处理`, ...forStaff(need) });
      return moved.length;
    });
    return { resumed };
  },
};

/**
 * Resolved needs unrated for 7 days close unrated, in one batch (a need rated or reopened meanwhile
 * stays): never counted as five stars (rating stays null).
 */
const autoCloseUnrated: TimerJob = {
  name: 'needs.autoCloseUnrated',
  async run(ctx, now) {
    const closeBefore = new Date(now.getTime() - NEED_RULES.autoCloseDays * 24 * 3600 * 1000);
    const stale = await ctx.em.find(Need, { where: { status: 'resolved', resolvedAt: LessThanOrEqual(closeBefore) }, order: { id: 'ASC' }, take: BATCH });
    const autoClosed = await ctx.tx(
      async (tx) =>
        (await moveNeeds(tx, stale, 'autoClose', { by: null, patch: { closedAt: now, updatedAt: now }, note: `办结${NEED_RULES.autoCloseDays}天未评价` }))
          .length,
    );
    return { autoClosed };
  },
};

/** The needs module's timer jobs, in the order a tick runs them. */
export const NEED_TIMERS: readonly TimerJob[] = [escalateOverdue, resumeHolds, autoCloseUnrated];

import { In, LessThanOrEqual } from 'typeorm';
import { DELIBERATION_LIMITS } from '@hg/types/deliberation';
import { AppError, isUniqueViolation } from '../../core/errors';
import type { TimerJob } from '../../core/module';
import { transitionMany } from '../../core/state-machine';
import { verifiedMembersOfHouseholds } from '../households/public';
import { Notifier } from '../notifications/public';
import { Ballot, ElectorateRow, Matter } from './entities';
import { HOUR, tellElectorate } from './matters';
import { MATTER_MACHINE } from './matter-status';
import { proposeFromNeeds } from './need-proposals';
import { closeVote } from './tally';

/** 组织协商 begins: matters at 发布公告 whose `opensAt` has come move to voting, in one batch (rows moved meanwhile are left alone). */
export const openVotes: TimerJob = {
  name: 'deliberation.openVotes',
  async run(ctx, now) {
    const due = await ctx.em.find(Matter, { where: { status: 'notice', opensAt: LessThanOrEqual(now) } });
    if (!due.length) return { votesOpened: 0 };
    const moved = await ctx.tx(async (em) => {
      const rows = await transitionMany({ em, machine: MATTER_MACHINE, entity: Matter, rows: due, action: 'open', patch: { updatedAt: now }, at: now, actorId: null });
      const notifier = new Notifier();
      // Told in the transaction that opens: a tick that loses the rows to another tells nobody.
      for (const m of rows) await tellElectorate(em, notifier, m, '议题开始投票', `「${m.title}」已开始投票，请在截止前为本户投票`);
      return rows;
    });
    return { votesOpened: moved.length };
  },
};

/**
 * 结果运用: every vote whose `closesAt` has passed is closed and tallied, each in its own
 * transaction through the one close function (the matter's lock and the machine's compare-and-set
 * make it exactly once, whatever ticks or organisers overlap: a loser's refusal is skipped).
 */
export const closeVotes: TimerJob = {
  name: 'deliberation.closeVotes',
  async run(ctx, now) {
    const due = await ctx.em.find(Matter, { select: { id: true }, where: { status: In(['notice', 'voting']), closesAt: LessThanOrEqual(now) } });
    let votesClosed = 0;
    for (const { id } of due) {
      try {
        await ctx.tx((em) => closeVote(em, id, now, null));
        votesClosed++;
      } catch (err) {
        if (!(err instanceof AppError) && !isUniqueViolation(err)) throw err;
      }
    }
    return { votesClosed };
  },
};

/**
 * 即将截止: 24 hours before close, the verified members of households without a current ballot are
 * told once per version — a conditional update of `remindedVersion` claims the reminder, so
 * overlapping ticks send it once.
 */
export const remindBeforeClose: TimerJob = {
  name: 'deliberation.remindBeforeClose',
  async run(ctx, now) {
    const horizon = new Date(now.getTime() + DELIBERATION_LIMITS.remindHoursBefore * HOUR);
    const due = await ctx.em.find(Matter, { where: { status: 'voting', closesAt: LessThanOrEqual(horizon) } });
    let remindersSent = 0;
    for (const m of due.filter((x) => x.closesAt! > now && x.remindedVersion !== x.version)) {
      remindersSent += await ctx.tx(async (em) => {
        const claimed = await em
          .createQueryBuilder()
          .update(Matter)
          .set({ remindedVersion: m.version })
          .where('id = :id AND status = :s AND version = :v', { id: m.id, s: 'voting', v: m.version })
          .andWhere('(remindedVersion IS NULL OR remindedVersion <> :v)', { v: m.version })
          .execute();
        if (claimed.affected !== 1) return 0;
        const electorate = await em.find(ElectorateRow, { where: { matterId: m.id, version: m.version } });
        const voted = new Set(
          (await em.find(Ballot, { select: { householdId: true }, where: { matterId: m.id, version: m.version, status: 'current' } })).map((b) => b.householdId),
        );
        const members = await verifiedMembersOfHouseholds(
          em,
          electorate.map((e) => e.householdId).filter((h) => !voted.has(h)),
        );
        if (!members.length) return 0;
        await new Notifier().to(
          em,
          members.map((x) => x.userId),
          { kind: 'matter_vote', subject: { subjectKind: 'matter', subjectId: m.id }, title: '议题投票即将截止', body: `「${m.title}」的投票将于24小时内截止，本户尚未投票` },
        );
        return 1;
      });
    }
    return { remindersSent };
  },
};

/** 需求转议题: needs followed by enough verified households become draft matters for staff (need-proposals.ts). */
export const proposeMatters: TimerJob = {
  name: 'deliberation.proposeFromNeeds',
  run: (ctx, now) => proposeFromNeeds(ctx, now),
};

export const DELIBERATION_TIMERS = [openVotes, closeVotes, remindBeforeClose, proposeMatters];

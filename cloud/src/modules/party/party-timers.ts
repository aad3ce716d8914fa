import { LessThanOrEqual } from 'typeorm';
import type { TimerJob } from '../../core/module';
import { transitionMany } from '../../core/state-machine';
import { Notifier } from '../notifications/public';
import { PartyReport } from './entities';
import { closeMissedCheckouts } from './hours';
import { REPORT_MACHINE } from './party-status';
import { tellMember } from './reports';

const BATCH = 500;

/**
 * 双报到 lapses after its year: confirmed reports whose `validUntil` has passed move to lapsed in
 * one batch (their active key freed, so the member may renew or report elsewhere), and each member
 * is told in the same transaction — a tick that loses the rows to another tells nobody.
 */
export const lapseReports: TimerJob = {
  name: 'party.lapseReports',
  async run(ctx, now) {
    const due = await ctx.em.find(PartyReport, { where: { status: 'confirmed', validUntil: LessThanOrEqual(now) }, order: { id: 'ASC' }, take: BATCH });
    if (!due.length) return { partyReportsLapsed: 0 };
    const moved = await ctx.tx(async (em) => {
      const rows = await transitionMany({ em, machine: REPORT_MACHINE, entity: PartyReport, rows: due, action: 'lapse', patch: { activeKey: null, updatedAt: now }, at: now, actorId: null });
      const notifier = new Notifier();
      for (const r of rows) await tellMember(em, notifier, r, '双报到已到期', '您的双报到已满一年，请在「我的报到」续报');
      return rows.length;
    });
    return { partyReportsLapsed: moved };
  },
};

export const PARTY_TIMERS: readonly TimerJob[] = [lapseReports, closeMissedCheckouts];

import { PartyReportStatus, ServiceHoursStatus } from '@hg/types/party';
import { defineMachine } from '../../core/state-machine';

/** How the actor relates to a report or a record of hours (party.policy.ts decides which holds). */
export type PartyRelation = 'member' | 'confirmer' | 'approver';

/**
 * 双报到, one row per action. Creation (`reported`, → pending) is written by `reportTo`. The branch
 * confirms or declines; a confirmed report lapses after its year (the timer) and the member renews
 * it (→ pending again); the member may withdraw a live report to report elsewhere.
 */
export const REPORT_MACHINE = defineMachine<PartyReportStatus, 'confirm' | 'decline' | 'withdraw' | 'lapse' | 'renew', PartyRelation>({
  name: 'party-report',
  states: Object.values(PartyReportStatus),
  rows: [
    { action: 'confirm', from: ['pending'], to: 'confirmed', event: 'confirmed', who: ['confirmer'] },
    { action: 'decline', from: ['pending'], to: 'declined', event: 'declined', who: ['confirmer'] },
    { action: 'withdraw', from: ['pending', 'confirmed'], to: 'withdrawn', event: 'withdrawn', who: ['member'] },
    { action: 'lapse', from: ['confirmed'], to: 'lapsed', event: 'lapsed' },
    { action: 'renew', from: ['lapsed'], to: 'pending', event: 'renewed', who: ['member'] },
  ],
});
export type ReportAction = (typeof REPORT_MACHINE.rows)[number]['action'];

/**
 * Hours of service. Creation (`opened`, → open) comes with the check-in. The check-out makes them
 * pending with their minutes; a missed check-out is closed by the timer at the activity's end
 * (pending, flagged); the organiser or the branch approves or rejects. A correction changes the
 * minutes in place (an event, no state change).
 */
export const HOURS_MACHINE = defineMachine<ServiceHoursStatus, 'checkOut' | 'autoClose' | 'approve' | 'reject', PartyRelation>({
  name: 'party-hours',
  states: Object.values(ServiceHoursStatus),
  rows: [
    { action: 'checkOut', from: ['open'], to: 'pending', event: 'checked_out', who: ['approver'] },
    { action: 'autoClose', from: ['open'], to: 'pending', event: 'closed_at_end' },
    { action: 'approve', from: ['pending'], to: 'approved', event: 'approved', who: ['approver'] },
    { action: 'reject', from: ['pending'], to: 'rejected', event: 'rejected', who: ['approver'] },
  ],
});

/** The subject-log kind of a commitment (signed, re-signed: no machine, one row per signature). */
export const COMMITMENT_SUBJECT = 'party-commitment';

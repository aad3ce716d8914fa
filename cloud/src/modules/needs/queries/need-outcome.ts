import { OPEN_NEED_STATUSES, UNFIXED_NEED_STATUSES, type NeedStatus } from '@hg/types';

/**
 * How a need ended, for every count the board and the dashboard show. "Fixed" and "closed
 * without fixing" are different outcomes (BRIEF §6): resolved and closed (rated or auto-closed
 * unrated) are solved; rejected and cancelled are unfixed and never count as solved; merged
 * duplicates are counted apart.
 */
export type Outcome = 'open' | 'solved' | 'unfixed' | 'merged';

/** A merged duplicate is neither fixed nor unfixed: its problem is the surviving need's. */
export function outcomeOf(status: NeedStatus): Outcome {
  if (status === 'merged') return 'merged';
  if (OPEN_NEED_STATUSES.includes(status)) return 'open';
  if (UNFIXED_NEED_STATUSES.includes(status)) return 'unfixed';
  return 'solved';
}

/** Median of a list, null when empty. */
export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
export const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

/** Waiting for a receiver (accept clock) / being worked on (resolve clock). */
export const ACCEPT_CLOCK: NeedStatus[] = ['submitted', 'dispatched', 'open_for_claim'];
export const RESOLVE_CLOCK: NeedStatus[] = ['accepted', 'in_progress'];

/** Past the real SLA deadline of the clock that runs in its state (escalation never moves it). */
export function isOverdue(n: { status: NeedStatus; acceptDueAt: Date | null; resolveDueAt: Date | null }, now: Date): boolean {
  const due = ACCEPT_CLOCK.includes(n.status) ? n.acceptDueAt : RESOLVE_CLOCK.includes(n.status) ? n.resolveDueAt : null;
  return !!due && due.getTime() < now.getTime();
}

import type { TimerJobState, TimerOutcome } from './timers';

/** One attempt of a timer job (a run, or a skip while another tick held the job). */
export interface TimerRunDTO {
  /** The tick that made the attempt (a random id per tick). */
  holder: string;
  outcome: TimerOutcome;
  outcomeLabel: string;
  startedAt: string;
  /** Null while running (and for a run whose instance died: see TimerJobState `lapsed`). */
  finishedAt: string | null;
  /** What the job reported (`{ standingBooked: 12 }`); empty unless it ran to the end. */
  counts: Record<string, number>;
  /** A failed run's code (`INTERNAL`, an AppError code, `LEASE_LAPSED`) and a short message, never a stack. */
  error: { code: string; message: string } | null;
}

/** A timer job as the city admin (and a health check) sees it: `escalation.jobs`. */
export interface TimerJobDTO {
  /** `<module>.<job>`, e.g. `bookings.standingOrders`. */
  name: string;
  state: TimerJobState;
  stateLabel: string;
  /** The tick holding the lease, and until when (ISO); null when idle. */
  holder: string | null;
  leaseUntil: string | null;
  /** The last run that actually ran (skips aside). */
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastOutcome: TimerOutcome | null;
  /** The last successful run's end: what a health check compares with the tick interval. */
  lastOkAt: string | null;
  /** Failed runs since the last success. */
  failStreak: number;
  /** The latest attempts, newest first (up to 10), skips included. */
  recent: TimerRunDTO[];
}

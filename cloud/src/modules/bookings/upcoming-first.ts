import { invalidInput } from '../../core/errors';

/** The two phases of 我的订餐 / 我的预约, shown one after the other (types/upcoming.ts). */
export type UpcomingPhase = 'upcoming' | 'past';

/** Where a row sits in its phase's order: the slot's start, then the booking's id. */
export interface UpcomingKey {
  startsAt: Date;
  id: number;
}

/**
 * Reads up to `limit` rows of one phase after `after` (exclusive): upcoming ascending by
 * (startsAt, id), past descending by (startsAt, id).
 */
export type PhaseReader<T> = (phase: UpcomingPhase, after: UpcomingKey | null, limit: number) => Promise<T[]>;

const PHASES: readonly UpcomingPhase[] = ['upcoming', 'past'];

/** "u:<ms>:<id>" / "p:<ms>:<id>" after a row, "p:" at the top of the past: opaque to clients. */
function encode(phase: UpcomingPhase, after: UpcomingKey | null): string {
  return Buffer.from(`${phase === 'upcoming' ? 'u' : 'p'}:${after ? `${after.startsAt.getTime()}:${after.id}` : ''}`).toString('base64url');
}

function decode(cursor: string | undefined): { phase: UpcomingPhase; after: UpcomingKey | null } {
  if (!cursor) return { phase: 'upcoming', after: null };
  const m = /^([up]):(?:(\d{1,15}):(\d{1,10}))?$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw invalidInput('cursor', '分页游标无效');
  const phase = m[1] === 'u' ? 'upcoming' : 'past';
  return { phase, after: m[2] ? { startsAt: new Date(Number(m[2])), id: Number(m[3]) } : null };
}

/**
 * One keyset page of someone's bookings, upcoming first: the upcoming phase (nearest first) to its
 * end, then the past (latest first). The cursor carries the phase and the last row's key, so an
 * upcoming booking is never shown after a past one, whichever page it falls on. Each phase is read
 * with at most limit + 1 rows.
 */
export async function upcomingFirstPage<T>(
  read: PhaseReader<T>,
  keyOf: (row: T) => UpcomingKey,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const start = decode(cursor);
  const rows: T[] = [];
  for (let p = PHASES.indexOf(start.phase); p < PHASES.length; p++) {
    const want = limit - rows.length;
    const got = await read(PHASES[p], p === PHASES.indexOf(start.phase) ? start.after : null, want + 1);
    rows.push(...got.slice(0, want));
    // More in this phase: go on after the last row shown, or from the phase's top when none fitted.
    if (got.length > want) return { rows, nextCursor: encode(PHASES[p], want > 0 ? keyOf(rows[rows.length - 1]) : null) };
  }
  return { rows, nextCursor: null };
}

/**
 * The keyset condition and order of a phase for a query builder: `slot` and `booking` are the
 * aliases of the slot's start column and the booking's id ("s.startsAt", "b.id").
 */
export function phaseOrder(
  phase: UpcomingPhase,
  after: UpcomingKey | null,
  slot: string,
  booking: string,
): { where: string | null; params: Record<string, unknown>; dir: 'ASC' | 'DESC' } {
  const dir = phase === 'upcoming' ? 'ASC' : 'DESC';
  if (!after) return { where: null, params: {}, dir };
  const op = phase === 'upcoming' ? '>' : '<';
  return {
    where: `(${slot} ${op} :afterStart OR (${slot} = :afterStart AND ${booking} ${op} :afterId))`,
    params: { afterStart: after.startsAt, afterId: after.id },
    dir,
  };
}

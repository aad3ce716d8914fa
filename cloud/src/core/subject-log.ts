import { In, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { SubjectEvent, type EventData } from './subject-event.entity';

/** One event about one subject, as a domain (or `transition()`) hands it to the log. */
export interface SubjectEventInput {
  subjectKind: string;
  subjectId: number;
  /** What happened: the machine row's event (`accepted`) or an in-place event (`urged`). */
  action: string;
  from?: string | null;
  to?: string | null;
  /** null = the system (timers, automatic routing). */
  actorId: number | null;
  at: Date;
  /** Whatever the domain needs to show later; null and undefined fields are left out. */
  data?: EventData | null;
}

function rowOf(e: SubjectEventInput): QueryDeepPartialEntity<SubjectEvent> {
  const data = e.data ? Object.fromEntries(Object.entries(e.data).filter(([, v]) => v !== null && v !== undefined)) : null;
  return {
    subjectKind: e.subjectKind,
    subjectId: e.subjectId,
    action: e.action,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    actorId: e.actorId,
    at: e.at,
    // The column's transformer writes the JSON text.
    data: (data && Object.keys(data).length ? data : null) as QueryDeepPartialEntity<SubjectEvent>['data'],
  };
}

/** Rows per INSERT: well under SQLite's and MySQL's bound-parameter limits (8 per row). */
const INSERT_CHUNK = 500;

/**
 * The one writer of the subject log, in the caller's transaction: `transition()` uses it for every
 * state change, and domains for events that change no state. Several events go in one multi-row
 * INSERT. The log is append-only: nothing updates or deletes its rows.
 */
export async function recordEvents(em: EntityManager, events: readonly SubjectEventInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    await em.createQueryBuilder().insert().into(SubjectEvent).values(events.slice(i, i + INSERT_CHUNK).map(rowOf)).execute();
  }
}

/** Record one event (see recordEvents). */
export function recordEvent(em: EntityManager, event: SubjectEventInput): Promise<void> {
  return recordEvents(em, [event]);
}

/**
 * The history of subjects of one kind, oldest first (by id, the order they were written), optionally
 * only some actions. Timelines read this and apply their own visibility rules to what it returns.
 */
export function eventsOf(
  em: EntityManager,
  subjectKind: string,
  subjectIds: number | readonly number[],
  opts: { actions?: readonly string[] } = {},
): Promise<SubjectEvent[]> {
  const ids = typeof subjectIds === 'number' ? [subjectIds] : [...subjectIds];
  if (!ids.length) return Promise.resolve([]);
  return em.find(SubjectEvent, {
    where: { subjectKind, subjectId: ids.length === 1 ? ids[0] : In(ids), ...(opts.actions ? { action: In([...opts.actions]) } : {}) },
    order: { id: 'ASC' },
  });
}

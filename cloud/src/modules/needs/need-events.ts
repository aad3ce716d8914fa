import type { EntityManager } from 'typeorm';
import type { EscalationLevel, NeedEventType, NeedStatus } from '@hg/types';
import type { SubjectEvent } from '../../core/subject-event.entity';
import { eventsOf, recordEvent, recordEvents, type SubjectEventInput } from '../../core/subject-log';
import { NEED_MACHINE } from './need-status';

/** A need's rows in the subject log are filed under the machine's name. */
export const NEED_SUBJECT = NEED_MACHINE.name;

/** One event of a need's history as its readers use it (the log's `data` spelled out). */
export interface NeedEvent {
  id: number;
  needId: number;
  type: NeedEventType;
  /** null = the system (timers, automatic routing). */
  actorId: number | null;
  fromStatus: NeedStatus | null;
  toStatus: NeedStatus | null;
  level: EscalationLevel | null;
  note: string | null;
  createdAt: Date;
}

/** What a need's event keeps beside the log's own columns. */
export type NeedEventData = {
  level?: EscalationLevel | null;
  note?: string | null;
};

/** Notes are kept to 500 characters (code points), as the timeline shows them. */
export const needEventData = (d: NeedEventData): NeedEventData => ({ level: d.level ?? null, note: d.note ? [...d.note].slice(0, 500).join('') : null });

const viewOf = (e: SubjectEvent): NeedEvent => ({
  id: e.id,
  needId: e.subjectId,
  type: e.action as NeedEventType,
  actorId: e.actorId,
  fromStatus: e.fromStatus as NeedStatus | null,
  toStatus: e.toStatus as NeedStatus | null,
  level: (e.data?.level as EscalationLevel | undefined) ?? null,
  note: (e.data?.note as string | undefined) ?? null,
  createdAt: e.at,
});

/** The history of needs, oldest first, optionally only some event types. */
export async function needEvents(em: EntityManager, needIds: number | readonly number[], types?: readonly NeedEventType[]): Promise<NeedEvent[]> {
  return (await eventsOf(em, NEED_SUBJECT, needIds, { actions: types })).map(viewOf);
}

/** One row of a need's history that is not a transition (created, urged, supervised, escalated). */
export interface NeedEventInput extends NeedEventData {
  needId: number;
  type: NeedEventType;
  /** null = the system (timers, automatic routing). */
  actorId: number | null;
  fromStatus?: NeedStatus | null;
  toStatus?: NeedStatus | null;
  at: Date;
}

const logRow = (e: NeedEventInput): SubjectEventInput => ({
  subjectKind: NEED_SUBJECT,
  subjectId: e.needId,
  action: e.type,
  from: e.fromStatus,
  to: e.toStatus,
  actorId: e.actorId,
  at: e.at,
  data: needEventData(e),
});

/** Write a need's event through core's one writer of the subject log. */
export function recordNeedEvent(em: EntityManager, e: NeedEventInput): Promise<void> {
  return recordEvent(em, logRow(e));
}

/** Write several events of needs in one statement (a need filed and routed at once). */
export function recordNeedEvents(em: EntityManager, events: readonly NeedEventInput[]): Promise<void> {
  return recordEvents(em, events.map(logRow));
}

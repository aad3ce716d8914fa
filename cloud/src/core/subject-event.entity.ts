import { Column, Entity, Index, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from './columns';

/** What a domain keeps beside an event (a note, a transfer's target, a need's level), as JSON text. */
export type EventData = Record<string, unknown>;

/** JSON in a TEXT column: portable on MySQL and SQLite, read back as an object (or null). */
const json: ValueTransformer = {
  to: (value: EventData | null | undefined) => (value && Object.keys(value).length ? JSON.stringify(value) : null),
  from: (value: string | null) => (value ? (JSON.parse(value) as EventData) : null),
};

/**
 * The one append-only subject log: a row per state change of any machine (written by core's
 * `transition()`), and per event that changes no state (a need's urge, an escalation, a masked
 * comment). Domain-free: `subjectKind` is the machine's name (`need`, `booking`, `membership`, …),
 * `action` what happened (the machine row's event, e.g. `accepted`), `actorId` null for the system.
 */
@Entity('subject_events')
@Index('IX_subject_events_subject_kind_subject_id_id', ['subjectKind', 'subjectId', 'id'])
export class SubjectEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(24, { name: 'subject_kind' }) subjectKind: string;
  @IdColumn({ name: 'subject_id' }) subjectId: number;
  @TextColumn(24) action: string;
  @TextColumn(16, { name: 'from_status', nullable: true }) fromStatus: string | null;
  @TextColumn(16, { name: 'to_status', nullable: true }) toStatus: string | null;
  /** null = the system (timers, automatic routing). */
  @IdColumn({ name: 'actor_id', nullable: true }) actorId: number | null;
  @DateTimeColumn() at: Date;
  @Column({ type: 'text', nullable: true, transformer: json }) data: EventData | null;
}

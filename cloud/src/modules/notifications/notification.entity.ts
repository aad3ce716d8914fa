import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MessageKind, SubjectKind } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';
import type { PushState } from './outbox';

/**
 * One message in a person's in-app message centre, about one subject of any module — and, when
 * `pushKind` is set, the outbox row of its WeChat subscribe message: written in the same statement
 * and transaction as the in-app row, sent later by the `pushes.send` timer job.
 */
@Entity('notifications')
@Index('IX_notifications_userId_id', ['userId', 'id'])
@Index('IX_notifications_pushState_pushPriority_pushAfter', ['pushState', 'pushPriority', 'pushAfter'])
export class Notification {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() userId: number;
  @TextColumn(40) title: string;
  @TextColumn(200) body: string;
  @TextColumn(20, { nullable: true }) subjectKind: SubjectKind | null;
  @IdColumn({ nullable: true }) subjectId: number | null;
  @DateTimeColumn({ nullable: true }) readAt: Date | null;
  @DateTimeColumn() createdAt: Date;
  /** The subscribe template (message kind) of its push; null: in-app only (rows from before the outbox). */
  @TextColumn(20, { nullable: true }) pushKind: MessageKind | null;
  @TextColumn(10, { nullable: true }) pushState: PushState | null;
  @Column({ type: 'int', default: 0 }) pushAttempts: number;
  /**
   * Which pushes go first: 0 a message to its people (a need's 派单, a reply), 1 a fan-out (a
   * city's residents told a period opened). The sender sends due rows by priority, then age.
   */
  @Column({ type: 'int', default: 0 }) pushPriority: number;
  /** Not before: the row's creation, then the back-off after each failed attempt. */
  @DateTimeColumn({ nullable: true }) pushAfter: Date | null;
  /** The last failure: WeChat's errCode or a short reason. */
  @TextColumn(60, { nullable: true }) pushError: string | null;
}

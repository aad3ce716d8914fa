import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectKind } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** One message in a person's in-app message centre, about one subject of any module. */
@Entity('notifications')
@Index('IX_notifications_userId_id', ['userId', 'id'])
export class Notification {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() userId: number;
  @TextColumn(40) title: string;
  @TextColumn(200) body: string;
  @TextColumn(20, { nullable: true }) subjectKind: SubjectKind | null;
  @IdColumn({ nullable: true }) subjectId: number | null;
  @DateTimeColumn({ nullable: true }) readAt: Date | null;
  @DateTimeColumn() createdAt: Date;
}

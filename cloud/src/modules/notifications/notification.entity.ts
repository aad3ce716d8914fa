import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** One message in a person's in-app message centre. */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @IdColumn() userId: number;
  @TextColumn(40) title: string;
  @TextColumn(200) body: string;
  @IdColumn({ nullable: true }) needId: number | null;
  @DateTimeColumn({ nullable: true }) readAt: Date | null;
  @DateTimeColumn() createdAt: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** The in-app thread among resident, receiver (incl. property staff) and community. */
@Entity('need_comments')
@Index('IX_need_comments_needId_id', ['needId', 'id'])
export class NeedComment {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() needId: number;
  @IdColumn() authorId: number;
  @Column({ type: 'varchar', length: 10 }) side: 'resident' | 'receiver' | 'community';
  @TextColumn(500) body: string;
  @DateTimeColumn() createdAt: Date;
}

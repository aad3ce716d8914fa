import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn } from '../../core/columns';

/**
 * A resident who follows a need that is not their own: the reporter (and filer) of a duplicate
 * merged into it. Followers see the surviving need and get its resident messages; the unique key
 * makes "follow once" a database rule, so a repeated or concurrent merge adds no second row.
 */
@Entity('need_followers')
@Index('UQ_need_followers_needId_userId', ['needId', 'userId'], { unique: true })
@Index('IX_need_followers_userId_needId', ['userId', 'needId'])
export class NeedFollower {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() needId: number;
  @IdColumn() userId: number;
  /** The merged duplicate that brought this person here. */
  @IdColumn() viaNeedId: number;
  @DateTimeColumn() createdAt: Date;
}

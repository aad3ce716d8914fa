import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * One try at 家属关联 (an elder's name and phone tail at a centre), matched or not. The misses are
 * what the limits count — per applicant and per named elder — so guessing a phone tail stops long
 * before it could succeed.
 */
@Entity('elder_link_attempts')
@Index('IX_elder_link_attempts_userId_createdAt', ['userId', 'createdAt'])
@Index('IX_elder_link_attempts_centreId_elderName_createdAt', ['centreId', 'elderName', 'createdAt'])
export class LinkAttempt {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() userId: number;
  @IdColumn() centreId: number;
  /** The name as typed: the elder a guess aims at, whether or not such an elder exists. */
  @TextColumn(20) elderName: string;
  @Column({ type: 'boolean', default: false }) matched: boolean;
  @DateTimeColumn() createdAt: Date;
}

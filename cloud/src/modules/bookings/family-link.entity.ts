import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FamilyLinkStatus } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** A family member (who may live in another city) linked to an elder, once the centre verified it. */
@Entity('elder_links')
@Index('UQ_elder_links_elderId_userId', ['elderId', 'userId'], { unique: true })
@Index('IX_elder_links_centreId_status_id', ['centreId', 'status', 'id'])
@Index('IX_elder_links_userId_status', ['userId', 'status'])
export class FamilyLink {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() elderId: number;
  @IdColumn() centreId: number;
  @IdColumn() userId: number;
  @TextColumn(10) relationNote: string;
  @TextColumn(10) status: FamilyLinkStatus;
  @IdColumn({ nullable: true }) decidedById: number | null;
  @DateTimeColumn({ nullable: true }) decidedAt: Date | null;
  @DateTimeColumn() createdAt: Date;
}

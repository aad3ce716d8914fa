import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AgreementParty, AgreementStatus, DeliveryStatus, ItemKind } from '@hg/types/cobuilding';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * 共建协议: a department and a street or a community, for a period. `communityId` is null for a
 * street's agreement; `streetId` is always set, so scope filters are single-table. Each side's
 * signature names the version it read; an edit clears both and bumps the version.
 */
@Entity('cobuilding_agreements')
@Index('IX_cobuilding_agreements_departmentId_id', ['departmentId', 'id'])
@Index('IX_cobuilding_agreements_streetId_id', ['streetId', 'id'])
@Index('IX_cobuilding_agreements_communityId_id', ['communityId', 'id'])
export class Agreement {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() departmentId: number;
  @Column({ type: 'varchar', length: 10 }) party: AgreementParty;
  @IdColumn() streetId: number;
  @IdColumn({ nullable: true }) communityId: number | null;
  @TextColumn(60) title: string;
  /** Calendar days (Beijing), "2026-01-01". */
  @TextColumn(10) startsOn: string;
  @TextColumn(10) endsOn: string;
  @Column({ type: 'varchar', length: 10 }) status: AgreementStatus;
  @IdColumn({ default: 1 }) version: number;
  @IdColumn() draftedById: number;
  @IdColumn({ nullable: true }) departmentSignedById: number | null;
  @DateTimeColumn({ nullable: true }) departmentSignedAt: Date | null;
  @IdColumn({ nullable: true }) partySignedById: number | null;
  @DateTimeColumn({ nullable: true }) partySignedAt: Date | null;
  @DateTimeColumn({ nullable: true }) signedAt: Date | null;
  @DateTimeColumn({ nullable: true }) closedAt: Date | null;
  @TextColumn(200, { nullable: true }) closeNote: string | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

/**
 * 共建事项: one commitment of an agreement. `delivered` is the sum of its confirmed deliveries,
 * raised only in the transaction that confirms one (a compare-and-set on the delivery's status).
 */
@Entity('cobuilding_items')
@Index('UQ_cobuilding_items_agreementId_position', ['agreementId', 'position'], { unique: true })
export class AgreementItem {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() agreementId: number;
  @IdColumn() position: number;
  @Column({ type: 'varchar', length: 12 }) kind: ItemKind;
  /** A count, or 分 for money. */
  @IdColumn() promised: number;
  @IdColumn({ default: 0 }) delivered: number;
  @TextColumn(10) dueOn: string;
  @TextColumn(200) description: string;
}

/** 交付记录: what the department says it delivered against an item, with evidence; counts once confirmed. */
@Entity('cobuilding_deliveries')
@Index('IX_cobuilding_deliveries_agreementId_status_id', ['agreementId', 'status', 'id'])
@Index('IX_cobuilding_deliveries_itemId_status', ['itemId', 'status'])
export class Delivery {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() agreementId: number;
  @IdColumn() itemId: number;
  @IdColumn() quantity: number;
  @TextColumn(500) note: string;
  /** Photo file ids as a JSON array. */
  @TextColumn(2400) photos: string;
  @Column({ type: 'varchar', length: 10 }) status: DeliveryStatus;
  @IdColumn() recordedById: number;
  @DateTimeColumn() recordedAt: Date;
  @IdColumn({ nullable: true }) decidedById: number | null;
  @DateTimeColumn({ nullable: true }) decidedAt: Date | null;
  @TextColumn(200, { nullable: true }) declineReason: string | null;
}

export const COBUILDING_ENTITIES = [Agreement, AgreementItem, Delivery];

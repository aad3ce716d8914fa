import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** Append-only history of a membership: who moved it from which status to which, when, why. */
@Entity('membership_events')
@Index('IX_membership_events_membershipId', ['membershipId'])
export class MembershipEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() membershipId: number;
  @IdColumn() actorId: number;
  @TextColumn(10, { nullable: true }) fromStatus: string | null;
  @TextColumn(10) toStatus: string;
  @TextColumn(200, { nullable: true }) note: string | null;
  @DateTimeColumn() createdAt: Date;
}

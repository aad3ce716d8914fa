import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OrgKind } from '@hg/types';
import { IdColumn, TextColumn } from '../../core/columns';

/** A receiver or service provider: property firm, service team, social org, day-care centre, department. */
@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @TextColumn(80) name: string;
  @Column({ type: 'varchar', length: 20 }) kind: OrgKind;
  /** Home community of community-level teams; null for city-wide organisations. */
  @IdColumn({ nullable: true }) communityId: number | null;
  @TextColumn(20, { nullable: true }) hotline: string | null;
}

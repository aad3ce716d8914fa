import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrgKind } from '@hg/types';
import { IdColumn, TextColumn } from '../../core/columns';

/** A receiver or service provider: property firm, service team, social org, day-care centre, department. */
@Entity('organisations')
@Index('UQ_organisations_name', ['name'], { unique: true })
export class Organisation {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(80) name: string;
  @Column({ type: 'varchar', length: 20 }) kind: OrgKind;
  /** Home community of community-level teams; null for city-wide organisations. */
  @IdColumn({ nullable: true }) communityId: number | null;
  @TextColumn(20, { nullable: true }) hotline: string | null;
}

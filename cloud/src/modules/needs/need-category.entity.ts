import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DispatchMode, NeedList, OrgKind } from '@hg/types';
import { IdColumn, TextColumn } from '../../core/columns';

/** A configurable category of need, with its list, routing and SLA. */
@Entity('need_categories')
@Index('UQ_need_categories_code', ['code'], { unique: true })
export class NeedCategory {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(30) code: string;
  @TextColumn(30) name: string;
  @TextColumn(8) icon: string;
  @Column({ type: 'varchar', length: 10 }) list: NeedList;
  @Column({ type: 'varchar', length: 10 }) dispatchMode: DispatchMode;
  /** Kind of organisation suggested first in the dispatch console. */
  @Column({ type: 'varchar', length: 20, nullable: true }) defaultOrgKind: OrgKind | null;
  @Column({ type: 'boolean', default: false }) partyClaimable: boolean;
  @IdColumn() acceptSlaHours: number;
  @IdColumn() resolveSlaHours: number;
  @IdColumn({ default: 0 }) sortOrder: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
}

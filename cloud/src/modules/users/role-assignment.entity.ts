import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role, ScopeLevel } from '@hg/types';
import { IdColumn } from '../../core/columns';

/** A role held on one node of the hierarchy (scopeId null only at city level). */
@Entity('role_assignments')
export class RoleAssignment {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @IdColumn() userId: number;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ type: 'varchar', length: 12 }) scopeLevel: ScopeLevel;
  /** 0 at city level (a unique key with NULL would not be unique on MySQL). */
  @IdColumn() scopeId: number;
  /** 0 when the role is not held for an organisation. */
  @IdColumn({ default: 0 }) organisationId: number;
}

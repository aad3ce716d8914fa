import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role, ScopeLevel } from '@hg/types';
import { IdColumn } from '../../core/columns';

/** A role held on one node of the hierarchy (scopeId null only at city level). */
@Entity('role_assignments')
@Index('UQ_role_assignments_userId_role_scopeLevel_scopeId_organisationI', ['userId', 'role', 'scopeLevel', 'scopeId', 'organisationId'], { unique: true })
@Index('IX_role_assignments_scopeLevel_scopeId_role', ['scopeLevel', 'scopeId', 'role'])
export class RoleAssignment {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() userId: number;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ type: 'varchar', length: 12 }) scopeLevel: ScopeLevel;
  /** 0 at city level (a unique key with NULL would not be unique on MySQL). */
  @IdColumn() scopeId: number;
  /** 0 when the role is not held for an organisation. */
  @IdColumn({ default: 0 }) organisationId: number;
}

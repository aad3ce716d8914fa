import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role, ScopeLevel } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * A role held on one node of the hierarchy (scopeId 0 only at city level), with its dated
 * history: who appointed it and when, and once ended who ended it, when and why. An ended row is
 * kept; every read of roles takes active rows only (`endedAt IS NULL`).
 */
@Entity('role_assignments')
@Index('UQ_role_assignments_holder_active', ['userId', 'role', 'scopeLevel', 'scopeId', 'organisationId', 'active'], { unique: true })
@Index('UQ_role_assignments_role_headScopeId', ['role', 'headScopeId'], { unique: true })
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
  /**
   * 1 while the post is held, NULL once ended: part of the holder's unique key, so a person holds a
   * post once at a time and can be appointed again after it ended (MariaDB has no partial index;
   * NULLs never collide in a unique key).
   */
  @IdColumn({ nullable: true, default: 1 }) active: number | null;
  /** The place of an active 小区长/楼栋长/单元长 (= scopeId), NULL otherwise: one active head per place. */
  @IdColumn({ nullable: true }) headScopeId: number | null;
  /** Null for posts set up before appointments were recorded (the demo city's seed). */
  @IdColumn({ nullable: true }) appointedById: number | null;
  @DateTimeColumn({ nullable: true }) appointedAt: Date | null;
  @TextColumn(200, { nullable: true }) note: string | null;
  @DateTimeColumn({ nullable: true }) endedAt: Date | null;
  @IdColumn({ nullable: true }) endedById: number | null;
  @TextColumn(200, { nullable: true }) endReason: string | null;
}

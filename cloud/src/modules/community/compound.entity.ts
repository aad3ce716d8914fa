import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CompoundType } from '@hg/types';
import { IdColumn, TextColumn } from '../../core/columns';

/** 小区: residential compound. `code` is the short code printed in its QR scene. */
@Entity('compounds')
@Index('UQ_compounds_code', ['code'], { unique: true })
@Index('IX_compounds_communityId', ['communityId'])
@Index('IX_compounds_propertyOrgId', ['propertyOrgId'])
@Index('IX_compounds_streetId', ['streetId'])
export class Compound {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() communityId: number;
  /** Denormalised from the community so scope checks need no join. */
  @IdColumn() streetId: number;
  @TextColumn(60) name: string;
  @Column({ type: 'varchar', length: 16 }) type: CompoundType;
  @TextColumn(120, { default: '' }) address: string;
  @TextColumn(12) code: string;
  @IdColumn({ nullable: true }) propertyOrgId: number | null;
}

import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn } from '../../core/columns';

/** Which compounds an organisation serves (unique per pair). */
@Entity('organisation_compounds')
@Index('UQ_organisation_compounds_organisationId_compoundId', ['organisationId', 'compoundId'], { unique: true })
@Index('IX_organisation_compounds_compoundId', ['compoundId'])
export class OrganisationCompound {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() organisationId: number;
  @IdColumn() compoundId: number;
}

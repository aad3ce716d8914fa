import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn } from '../../core/columns';

/** Which compounds an organisation serves (unique per pair). */
@Entity('organisation_compounds')
export class OrganisationCompound {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @IdColumn() organisationId: number;
  @IdColumn() compoundId: number;
}

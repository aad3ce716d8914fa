import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/** 户: one room of a unit. Ancestor ids are denormalised so scope filters are single-table. */
@Entity('households')
export class Household {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @IdColumn() unitId: number;
  @IdColumn() buildingId: number;
  @IdColumn() compoundId: number;
  @IdColumn() communityId: number;
  @TextColumn(10) room: string;
}

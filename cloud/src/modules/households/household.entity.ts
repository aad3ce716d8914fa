import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/** 户: one room of a unit. Ancestor ids are denormalised so scope filters are single-table. */
@Entity('households')
@Index('UQ_households_unitId_room', ['unitId', 'room'], { unique: true })
@Index('IX_households_compoundId', ['compoundId'])
export class Household {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() unitId: number;
  @IdColumn() buildingId: number;
  @IdColumn() compoundId: number;
  @IdColumn() communityId: number;
  @TextColumn(10) room: string;
}

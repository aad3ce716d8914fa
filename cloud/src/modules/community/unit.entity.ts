import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/** 单元: stairwell unit of a building. */
@Entity('units')
@Index('UQ_units_buildingId_name', ['buildingId', 'name'], { unique: true })
export class Unit {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() buildingId: number;
  @TextColumn(20) name: string;
  @IdColumn({ default: 0 }) sortOrder: number;
}

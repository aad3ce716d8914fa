import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/** 单元: stairwell unit of a building. */
@Entity('units')
export class Unit {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @IdColumn() buildingId: number;
  @TextColumn(20) name: string;
  @IdColumn({ default: 0 }) sortOrder: number;
}

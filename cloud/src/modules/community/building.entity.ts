import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/** 楼栋: building, with its own QR short code. */
@Entity('buildings')
@Index('UQ_buildings_code', ['code'], { unique: true })
@Index('UQ_buildings_compoundId_name', ['compoundId', 'name'], { unique: true })
export class Building {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() compoundId: number;
  @TextColumn(30) name: string;
  @TextColumn(12) code: string;
  @IdColumn({ default: 0 }) sortOrder: number;
}

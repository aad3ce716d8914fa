import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/** 楼栋: building, with its own QR short code. */
@Entity('buildings')
export class Building {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @IdColumn() compoundId: number;
  @TextColumn(30) name: string;
  @TextColumn(12) code: string;
  @IdColumn({ default: 0 }) sortOrder: number;
}

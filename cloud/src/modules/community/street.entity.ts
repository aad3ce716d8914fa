import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TextColumn } from '../../core/columns';

/** 街道: the street office and its party working committee. */
@Entity('streets')
@Index('UQ_streets_name', ['name'], { unique: true })
export class Street {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(40) name: string;
  @TextColumn(40) city: string;
}

import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TextColumn } from '../../core/columns';

/** 街道: the street office and its party working committee. */
@Entity('streets')
export class Street {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @TextColumn(40) name: string;
  @TextColumn(40) city: string;
}

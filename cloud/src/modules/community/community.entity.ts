import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/** 社区: community (party committee, neighbourly service centre). */
@Entity('communities')
export class Community {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @IdColumn() streetId: number;
  @TextColumn(40) name: string;
}

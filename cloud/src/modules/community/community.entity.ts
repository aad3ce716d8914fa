import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/** 社区: community (party committee, neighbourly service centre). */
@Entity('communities')
@Index('UQ_communities_streetId_name', ['streetId', 'name'], { unique: true })
export class Community {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() streetId: number;
  @TextColumn(40) name: string;
}

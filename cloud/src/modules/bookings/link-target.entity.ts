import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * The lock row of one named elder at a centre for 家属关联 tries (see link-limits.ts): every try
 * bumps it first, so on MySQL the tries aimed at one name run one at a time and the per-elder
 * count holds under parallel calls from many accounts. Keyed by the name as typed, so a name no
 * elder has is limited the same way (the answers must not tell the two apart).
 */
@Entity('elder_link_targets')
@Index('UQ_elder_link_targets_centreId_elderName', ['centreId', 'elderName'], { unique: true })
export class LinkTarget {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() centreId: number;
  @TextColumn(20) elderName: string;
  @IdColumn({ default: 0 }) n: number;
  @DateTimeColumn() updatedAt: Date;
}

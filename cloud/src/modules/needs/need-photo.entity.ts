import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** A photo attached when reporting or when resolving. */
@Entity('need_photos')
@Index('IX_need_photos_needId_kind', ['needId', 'kind'])
export class NeedPhoto {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() needId: number;
  @Column({ type: 'varchar', length: 10 }) kind: 'report' | 'resolution';
  @TextColumn(255) fileId: string;
  @IdColumn() uploaderId: number;
  @DateTimeColumn() createdAt: Date;
}

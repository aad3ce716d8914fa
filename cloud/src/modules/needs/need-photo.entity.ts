import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** A photo attached when reporting or when resolving. */
@Entity('need_photos')
export class NeedPhoto {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @IdColumn() needId: number;
  @Column({ type: 'varchar', length: 10 }) kind: 'report' | 'resolution';
  @TextColumn(255) fileId: string;
  @IdColumn() uploaderId: number;
  @DateTimeColumn() createdAt: Date;
}

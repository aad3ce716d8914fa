import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, TextColumn } from '../../core/columns';

/** A person, known by the trusted WeChat OPENID (or a demo openid locally). */
@Entity('users')
@Index('UQ_users_openid', ['openid'], { unique: true })
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(64) openid: string;
  @TextColumn(20, { default: '' }) name: string;
  /** Stored in full; every list masks it (see maskPhone). */
  @TextColumn(11, { nullable: true }) phone: string | null;
  @DateTimeColumn() createdAt: Date;
}

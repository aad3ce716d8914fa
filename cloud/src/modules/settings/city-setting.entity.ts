import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * What the city admin saved for one settings section (`bookings`, …): the value as JSON, checked
 * by the section's schema on the way in and on every read. `version` counts the saves; a save
 * names the version it edited and moves it with a compare-and-set. No row = the defaults.
 */
@Entity('city_settings')
export class CitySetting {
  @PrimaryColumn({ type: 'varchar', length: 32 }) section: string;
  @Column({ type: 'text' }) value: string;
  @IdColumn() version: number;
  @IdColumn() updatedById: number;
  @DateTimeColumn() updatedAt: Date;
}

/** One save of a section: the value before (null for the first save) and after, who, when, why. */
@Entity('city_settings_revisions')
export class SettingsRevision {
  @PrimaryColumn({ type: 'varchar', length: 32 }) section: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'text', nullable: true }) previousValue: string | null;
  @Column({ type: 'text' }) value: string;
  @IdColumn() actorId: number;
  @DateTimeColumn() at: Date;
  @TextColumn(100, { nullable: true }) reason: string | null;
}

import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers';

/**
 * City settings (城市配置). `city_settings`: one row per section the admin saved (key, the value as
 * JSON text, a version moved by compare-and-set). `city_settings_revisions`: every save, keyed by
 * (section, version), so two saves of one version can never both be recorded.
 */
export class CitySettings1765497600000 implements MigrationInterface {
  name = 'CitySettings1765497600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'city_settings',
        columns: [
          col.str('section', 32, { isPrimary: true }),
          { name: 'value', type: 'text' },
          col.int('version'),
          col.int('updatedById'),
          col.datetime('updatedAt'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'city_settings_revisions',
        columns: [
          col.str('section', 32, { isPrimary: true }),
          col.int('version', { isPrimary: true }),
          { name: 'previousValue', type: 'text', isNullable: true },
          { name: 'value', type: 'text' },
          col.int('actorId'),
          col.datetime('at'),
          col.str('reason', 100, { isNullable: true }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('city_settings_revisions');
    await q.dropTable('city_settings');
  }
}

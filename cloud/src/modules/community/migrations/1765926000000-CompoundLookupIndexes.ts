import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * City-scale reads by firm and by street: a firm's card, its compounds in the ratings, and a
 * street's compounds no longer scan every compound of the city.
 */
export class CompoundLookupIndexes1765926000000 implements MigrationInterface {
  name = 'CompoundLookupIndexes1765926000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('compounds', new TableIndex({ name: 'IX_compounds_propertyOrgId', columnNames: ['propertyOrgId'] }));
    await q.createIndex('compounds', new TableIndex({ name: 'IX_compounds_streetId', columnNames: ['streetId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('compounds', 'IX_compounds_streetId');
    await q.dropIndex('compounds', 'IX_compounds_propertyOrgId');
  }
}

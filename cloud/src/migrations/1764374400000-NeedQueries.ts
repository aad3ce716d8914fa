import { TableIndex, type MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the needs lists (cloud/src/modules/needs/queries). Each list reads newest-first
 * down one (…, id) range per branch of the caller's scope, so every branch needs an index that
 * ends in id:
 * - 我的需求 by the person who filed it (proxy filings); also serves create-need's daily limit;
 * - 接单箱 of an organisation's staff within their community, and of a person, without a status filter.
 */
const INDICES = [
  ['createdById', 'id'],
  ['receiverOrgId', 'communityId', 'id'],
  ['receiverUserId', 'id'],
];
const nameOf = (columns: string[]) => `IX_needs_${columns.join('_')}`;

export class NeedQueries1764374400000 implements MigrationInterface {
  name = 'NeedQueries1764374400000';

  async up(q: QueryRunner): Promise<void> {
    for (const columns of INDICES) await q.createIndex('needs', new TableIndex({ name: nameOf(columns), columnNames: columns }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const columns of [...INDICES].reverse()) await q.dropIndex('needs', nameOf(columns));
  }
}

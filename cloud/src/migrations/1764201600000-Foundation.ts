import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** Hierarchy, organisations, users and roles, households and their verification history. */
export class Foundation1764201600000 implements MigrationInterface {
  name = 'Foundation1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(table('streets', [col.id(), col.str('name', 40), col.str('city', 40)], [{ columns: ['name'], unique: true }]));
    await q.createTable(table('communities', [col.id(), col.int('streetId'), col.str('name', 40)], [{ columns: ['streetId', 'name'], unique: true }]));
    await q.createTable(
      table(
        'compounds',
        [
          col.id(),
          col.int('communityId'),
          col.int('streetId'),
          col.str('name', 60),
          col.str('type', 16),
          col.str('address', 120, { default: "''" }),
          col.str('code', 12),
          col.int('propertyOrgId', { isNullable: true }),
        ],
        [{ columns: ['code'], unique: true }, { columns: ['communityId'] }],
      ),
    );
    await q.createTable(
      table(
        'buildings',
        [col.id(), col.int('compoundId'), col.str('name', 30), col.str('code', 12), col.int('sortOrder', { default: 0 })],
        [
          { columns: ['code'], unique: true },
          { columns: ['compoundId', 'name'], unique: true },
        ],
      ),
    );
    await q.createTable(
      table(
        'units',
        [col.id(), col.int('buildingId'), col.str('name', 20), col.int('sortOrder', { default: 0 })],
        [{ columns: ['buildingId', 'name'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'organisations',
        [col.id(), col.str('name', 80), col.str('kind', 20), col.int('communityId', { isNullable: true }), col.str('hotline', 20, { isNullable: true })],
        [{ columns: ['name'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'organisation_compounds',
        [col.id(), col.int('organisationId'), col.int('compoundId')],
        [{ columns: ['organisationId', 'compoundId'], unique: true }, { columns: ['compoundId'] }],
      ),
    );
    await q.createTable(
      table(
        'users',
        [col.id(), col.str('openid', 64), col.str('name', 20, { default: "''" }), col.str('phone', 11, { isNullable: true }), col.datetime('createdAt')],
        [{ columns: ['openid'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'role_assignments',
        [col.id(), col.int('userId'), col.str('role', 20), col.str('scopeLevel', 12), col.int('scopeId'), col.int('organisationId', { default: 0 })],
        [{ columns: ['userId', 'role', 'scopeLevel', 'scopeId', 'organisationId'], unique: true }, { columns: ['scopeLevel', 'scopeId', 'role'] }],
      ),
    );
    await q.createTable(
      table(
        'households',
        [col.id(), col.int('unitId'), col.int('buildingId'), col.int('compoundId'), col.int('communityId'), col.str('room', 10)],
        [{ columns: ['unitId', 'room'], unique: true }, { columns: ['compoundId'] }],
      ),
    );
    await q.createTable(
      table(
        'household_members',
        [
          col.id(),
          col.int('householdId'),
          col.int('userId'),
          col.int('buildingId'),
          col.int('compoundId'),
          col.int('communityId'),
          col.str('relation', 10),
          col.str('status', 10),
          col.str('applicantName', 20),
          col.str('applicantPhone', 11),
          col.str('rejectReason', 200, { isNullable: true }),
          col.int('verifiedBy', { isNullable: true }),
          col.datetime('verifiedAt', { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [
          { columns: ['householdId', 'userId'], unique: true },
          { columns: ['userId'] },
          { columns: ['status', 'buildingId', 'id'] },
          { columns: ['status', 'compoundId', 'id'] },
          { columns: ['status', 'communityId', 'id'] },
        ],
      ),
    );
    await q.createTable(
      table(
        'membership_events',
        [
          col.id(),
          col.int('membershipId'),
          col.int('actorId'),
          col.str('fromStatus', 10, { isNullable: true }),
          col.str('toStatus', 10),
          col.str('note', 200, { isNullable: true }),
          col.datetime('createdAt'),
        ],
        [{ columns: ['membershipId'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'membership_events',
      'household_members',
      'households',
      'role_assignments',
      'users',
      'organisation_compounds',
      'organisations',
      'units',
      'buildings',
      'compounds',
      'communities',
      'streets',
    ]) {
      await q.dropTable(t);
    }
  }
}

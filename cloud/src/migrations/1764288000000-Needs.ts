import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

const DEFAULT_CATEGORIES = [
  {
    code: 'repair',
    name: '公共维修',
    icon: '🔧',
    list: 'need',
    dispatchMode: 'property',
    defaultOrgKind: 'property_firm',
    partyClaimable: false,
    acceptSlaHours: 4,
    resolveSlaHours: 48,
  },
  {
    code: 'pipe',
    name: '管网疏通',
    icon: '🚰',
    list: 'service',
    dispatchMode: 'assign',
    defaultOrgKind: 'service_team',
    partyClaimable: false,
    acceptSlaHours: 2,
    resolveSlaHours: 24,
  },
  {
    code: 'appliance',
    name: '家电维修',
    icon: '🔌',
    list: 'service',
    dispatchMode: 'assign',
    defaultOrgKind: 'service_team',
    partyClaimable: false,
    acceptSlaHours: 4,
    resolveSlaHours: 48,
  },
  {
    code: 'housekeeping',
    name: '家政陪护',
    icon: '🧹',
    list: 'service',
    dispatchMode: 'assign',
    defaultOrgKind: 'service_team',
    partyClaimable: false,
    acceptSlaHours: 8,
    resolveSlaHours: 72,
  },
  {
    code: 'health',
    name: '健康卫生',
    icon: '🩺',
    list: 'service',
    dispatchMode: 'assign',
    defaultOrgKind: 'service_team',
    partyClaimable: false,
    acceptSlaHours: 8,
    resolveSlaHours: 72,
  },
  {
    code: 'minors',
    name: '未成年关爱',
    icon: '🧒',
    list: 'service',
    dispatchMode: 'assign',
    defaultOrgKind: 'service_team',
    partyClaimable: true,
    acceptSlaHours: 24,
    resolveSlaHours: 168,
  },
  {
    code: 'elderly',
    name: '助老帮扶',
    icon: '👵',
    list: 'need',
    dispatchMode: 'claim',
    defaultOrgKind: null,
    partyClaimable: true,
    acceptSlaHours: 12,
    resolveSlaHours: 72,
  },
  {
    code: 'property',
    name: '物业服务',
    icon: '🏢',
    list: 'need',
    dispatchMode: 'property',
    defaultOrgKind: 'property_firm',
    partyClaimable: false,
    acceptSlaHours: 4,
    resolveSlaHours: 48,
  },
  {
    code: 'safety',
    name: '安全隐患',
    icon: '⚠️',
    list: 'problem',
    dispatchMode: 'assign',
    defaultOrgKind: 'department',
    partyClaimable: false,
    acceptSlaHours: 1,
    resolveSlaHours: 24,
  },
  {
    code: 'dispute',
    name: '邻里纠纷',
    icon: '🤝',
    list: 'problem',
    dispatchMode: 'assign',
    defaultOrgKind: null,
    partyClaimable: true,
    acceptSlaHours: 12,
    resolveSlaHours: 72,
  },
  {
    code: 'environment',
    name: '环境卫生',
    icon: '🌿',
    list: 'problem',
    dispatchMode: 'property',
    defaultOrgKind: 'property_firm',
    partyClaimable: false,
    acceptSlaHours: 8,
    resolveSlaHours: 48,
  },
  {
    code: 'suggestion',
    name: '意见建议',
    icon: '💬',
    list: 'problem',
    dispatchMode: 'assign',
    defaultOrgKind: null,
    partyClaimable: false,
    acceptSlaHours: 24,
    resolveSlaHours: 168,
  },
];

/** Needs and the four-order flow: categories, needs, events, thread, photos, message centre. */
export class Needs1764288000000 implements MigrationInterface {
  name = 'Needs1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'need_categories',
        [
          col.id(),
          col.str('code', 30),
          col.str('name', 30),
          col.str('icon', 8),
          col.str('list', 10),
          col.str('dispatchMode', 10),
          col.str('defaultOrgKind', 20, { isNullable: true }),
          col.bool('partyClaimable', false),
          col.int('acceptSlaHours'),
          col.int('resolveSlaHours'),
          col.int('sortOrder', { default: 0 }),
          col.bool('active', true),
        ],
        [{ columns: ['code'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'needs',
        [
          col.id(),
          col.int('categoryId'),
          col.str('list', 10),
          col.int('streetId'),
          col.int('communityId'),
          col.int('compoundId'),
          col.int('buildingId'),
          col.int('unitId'),
          col.int('householdId'),
          col.int('reporterId'),
          col.int('createdById'),
          col.str('channel', 12),
          col.str('description', 500),
          col.str('location', 100, { default: "''" }),
          col.str('contactName', 20),
          col.str('contactPhone', 11),
          col.str('status', 16),
          col.str('level', 10),
          col.int('receiverOrgId', { isNullable: true }),
          col.int('receiverUserId', { isNullable: true }),
          col.datetime('acceptDueAt', { isNullable: true }),
          col.datetime('resolveDueAt', { isNullable: true }),
          col.datetime('holdUntil', { isNullable: true }),
          col.datetime('firstResponseAt', { isNullable: true }),
          col.datetime('resolvedAt', { isNullable: true }),
          col.datetime('closedAt', { isNullable: true }),
          col.str('resolutionNote', 500, { isNullable: true }),
          col.int('rating', { isNullable: true }),
          col.str('ratingComment', 500, { isNullable: true }),
          col.int('reopenCount', { default: 0 }),
          col.int('urgeCount', { default: 0 }),
          col.int('urgesSinceEscalation', { default: 0 }),
          col.datetime('lastUrgedAt', { isNullable: true }),
          col.int('mergedIntoId', { isNullable: true }),
          col.str('rejectReason', 20, { isNullable: true }),
          col.bool('leftBuilding', false),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [
          // Dispatch queue (keyset on id within a community, optionally by status).
          { columns: ['communityId', 'status', 'id'] },
          { columns: ['communityId', 'id'] },
          { columns: ['reporterId', 'id'] },
          { columns: ['receiverOrgId', 'status', 'id'] },
          { columns: ['receiverUserId', 'status', 'id'] },
          { columns: ['status', 'compoundId', 'id'] },
          // Timers.
          { columns: ['status', 'acceptDueAt'] },
          { columns: ['status', 'resolveDueAt'] },
          { columns: ['status', 'resolvedAt'] },
          { columns: ['status', 'holdUntil'] },
          // Board and stats by period.
          { columns: ['compoundId', 'createdAt'] },
          { columns: ['communityId', 'createdAt'] },
        ],
      ),
    );
    await q.createTable(
      table(
        'need_events',
        [
          col.id(),
          col.int('needId'),
          col.str('type', 16),
          col.int('actorId', { isNullable: true }),
          col.str('fromStatus', 16, { isNullable: true }),
          col.str('toStatus', 16, { isNullable: true }),
          col.str('level', 10, { isNullable: true }),
          col.str('note', 500, { isNullable: true }),
          col.datetime('createdAt'),
        ],
        [{ columns: ['needId', 'id'] }],
      ),
    );
    await q.createTable(
      table(
        'need_comments',
        [col.id(), col.int('needId'), col.int('authorId'), col.str('side', 10), col.str('body', 500), col.datetime('createdAt')],
        [{ columns: ['needId', 'id'] }],
      ),
    );
    await q.createTable(
      table(
        'need_photos',
        [col.id(), col.int('needId'), col.str('kind', 10), col.str('fileId', 255), col.int('uploaderId'), col.datetime('createdAt')],
        [{ columns: ['needId', 'kind'] }],
      ),
    );
    // Reference data, not demo data: every deployment starts with the categories of the article.
    // Staff can later rename, retune or deactivate them.
    await q.manager
      .createQueryBuilder()
      .insert()
      .into('need_categories')
      .values(DEFAULT_CATEGORIES.map((c, i) => ({ ...c, sortOrder: i + 1, active: true })))
      .execute();
    await q.createTable(
      table(
        'notifications',
        [
          col.id(),
          col.int('userId'),
          col.str('title', 40),
          col.str('body', 200),
          col.int('needId', { isNullable: true }),
          col.datetime('readAt', { isNullable: true }),
          col.datetime('createdAt'),
        ],
        [{ columns: ['userId', 'id'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notifications', 'need_photos', 'need_comments', 'need_events', 'needs', 'need_categories']) await q.dropTable(t);
  }
}

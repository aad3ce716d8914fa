import { Appointments1766300000000 } from '../../cloud/src/modules/identity/migrations/1766300000000-Appointments';
import { usersWithRoleOver } from '../../cloud/src/modules/identity/public';
import { countRows, createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, callRaw, errorCode, newcomer, ok, orgId } from '../factories';

jest.setTimeout(120_000);

/**
 * 人员任命 (issue 19 item 1): posts filled and ended by the level above in its scope, with their
 * dated history on role_assignments; the appointee's very next call sees the change; one active
 * 小区长/楼栋长/单元长 per place, under parallel appointments too.
 */
describe.each(DIALECTS)('appointments on %s', (dialect) => {
  let db: TestDb;
  const one = async <T>(sql: string, params: unknown[] = []) => ((await db.ds.query(sql, params)) as T[])[0];
  const idOf = async (sql: string, params: unknown[]) => Number((await one<{ id: number | string }>(sql, params)).id);
  const building = (code: string) => idOf('SELECT id FROM buildings WHERE code = ?', [code]);
  const compound = (code: string) => idOf('SELECT id FROM compounds WHERE code = ?', [code]);
  const community = (name: string) => idOf('SELECT id FROM communities WHERE name = ?', [name]);
  const street = (name: string) => idOf('SELECT id FROM streets WHERE name = ?', [name]);
  const unitOf = async (buildingCode: string, name: string) =>
    idOf('SELECT u.id AS id FROM units u JOIN buildings b ON b.id = u.buildingId WHERE b.code = ? AND u.name = ?', [buildingCode, name]);

  let phoneSeq = 0;
  /** A person who opened the mini-program and gave a name and phone: what 任命 finds them by. */
  async function person(name: string): Promise<{ openid: string; phone: string; id: number }> {
    const openid = newcomer();
    const phone = `1390000${String(++phoneSeq + (dialect === 'mysql' ? 5000 : 0)).padStart(4, '0')}`;
    const me = ok(await call('me', 'update', { name, phone }, openid));
    return { openid, phone, id: me.id };
  }

  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());

  it('a building head appointed can verify at their very next call; revoked, is refused at once; the row stays as history', async () => {
    const newHead = await person('孙建军');
    const b2 = await building('NJJP0102');
    expect(errorCode(await call('households', 'verifyQueue', {}, newHead.openid))).toBe('FORBIDDEN');
    expect(ok(await call('me', 'get', {}, newHead.openid)).can.verifyHouseholds).toBe(false);

    const post = ok(
      await call('appointments', 'appoint', { role: 'building_head', scopeLevel: 'building', scopeId: b2, phone: newHead.phone, note: '业主大会推选' }, as('community_staff')),
    );
    expect(post).toMatchObject({
      role: 'building_head',
      roleLabel: '楼栋长',
      placeName: '锦屏花园2栋',
      person: { id: newHead.id, name: '孙建军', phone: '139****' + newHead.phone.slice(-4) },
      appointedBy: { name: '杨晓燕' },
      note: '业主大会推选',
      endedAt: null,
      can: ['revoke'],
    });
    expect(post.appointedAt).not.toBeNull();
    expect(ok(await call('households', 'verifyQueue', {}, newHead.openid)).items).toBeDefined();
    expect(ok(await call('me', 'get', {}, newHead.openid)).roles).toEqual([expect.objectContaining({ role: 'building_head', scopeName: '锦屏花园2栋' })]);
    const compoundId = await compound('NJJP01');
    const streetId = await street('保宁街道');
    const communityId = await community('南街社区');
    const path = { streetId, communityId, compoundId, buildingId: b2 };
    expect(await usersWithRoleOver(db.ds.manager, ['building_head'], path)).toContain(newHead.id);

    expect(errorCode(await callRaw('appointments', 'revoke', { id: post.id }, as('community_staff')))).toBe('INVALID_INPUT');
    expect(errorCode(await call('appointments', 'revoke', { id: post.id, reason: '  ' }, as('community_staff')))).toBe('INVALID_INPUT');
    const ended = ok(await call('appointments', 'revoke', { id: post.id, reason: '搬离本楼' }, as('community_staff')));
    expect(ended).toMatchObject({ id: post.id, endReason: '搬离本楼', endedBy: { name: '杨晓燕' }, can: [] });
    expect(ended.endedAt).not.toBeNull();

    expect(errorCode(await call('households', 'verifyQueue', {}, newHead.openid))).toBe('FORBIDDEN');
    expect(ok(await call('me', 'get', {}, newHead.openid)).roles).toEqual([]);
    expect(await usersWithRoleOver(db.ds.manager, ['building_head'], path)).not.toContain(newHead.id);
    expect(errorCode(await call('appointments', 'revoke', { id: post.id, reason: '再撤一次' }, as('community_staff')))).toBe('INVALID_TRANSITION');

    // Appointed again after the end: a new row, the old one kept.
    const again = ok(await call('appointments', 'appoint', { role: 'building_head', scopeLevel: 'building', scopeId: b2, phone: newHead.phone }, as('community_staff')));
    expect(again.id).not.toBe(post.id);
    const list = ok(await call('appointments', 'list', { level: 'community', id: communityId }, as('community_staff')));
    expect(list.active.find((a) => a.id === again.id)).toMatchObject({ can: ['revoke'] });
    expect(list.history.find((a) => a.id === post.id)).toMatchObject({ endReason: '搬离本楼', endedBy: { name: '杨晓燕' }, appointedBy: { name: '杨晓燕' }, can: [] });
    expect(list.active.some((a) => a.id === post.id)).toBe(false);
  });

  it('only the level above appoints, inside its own scope', async () => {
    const someone = await person('周晓梅');
    const nanjie = await community('南街社区');
    const neidong = await community('内东街社区');
    const baoning = await street('保宁街道');
    const ndBuilding = await idOf('SELECT b.id AS id FROM buildings b JOIN compounds c ON c.id = b.compoundId WHERE c.communityId = ? ORDER BY b.id', [neidong]);
    const before = await countRows(db.ds, 'role_assignments');

    // A community clerk cannot appoint street staff, nor community staff, nor outside her community.
    expect(errorCode(await call('appointments', 'appoint', { role: 'street_staff', scopeLevel: 'street', scopeId: baoning, phone: someone.phone }, as('community_staff')))).toBe('FORBIDDEN');
    expect(errorCode(await call('appointments', 'appoint', { role: 'community_staff', scopeLevel: 'community', scopeId: nanjie, phone: someone.phone }, as('community_staff')))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await call('appointments', 'appoint', { role: 'building_head', scopeLevel: 'building', scopeId: ndBuilding, phone: someone.phone }, as('community_staff')))).toBe(
      'FORBIDDEN',
    );
    // A head cannot appoint heads; a role on a level the table does not have is bad input.
    const unit = await unitOf('NJJP0101', '2单元');
    expect(errorCode(await call('appointments', 'appoint', { role: 'unit_head', scopeLevel: 'unit', scopeId: unit, phone: someone.phone }, as('compound_head')))).toBe('FORBIDDEN');
    expect(errorCode(await call('appointments', 'appoint', { role: 'unit_head', scopeLevel: 'building', scopeId: await building('NJJP0101'), phone: someone.phone }, as('community_staff')))).toBe(
      'INVALID_INPUT',
    );
    // Nobody by that phone; a firm post without its firm; a care post with a firm.
    const missing = await call('appointments', 'appoint', { role: 'grid_worker', scopeLevel: 'community', scopeId: nanjie, phone: '13800000000' }, as('community_staff'));
    expect(missing.ok ? null : missing.error.details).toEqual({ field: 'phone' });
    // Two accounts on one phone: refused rather than guessed.
    const twin = newcomer();
    ok(await call('me', 'update', { name: '同号', phone: someone.phone }, twin));
    const ambiguous = await call('appointments', 'appoint', { role: 'grid_worker', scopeLevel: 'community', scopeId: nanjie, phone: someone.phone }, as('community_staff'));
    expect(ambiguous.ok ? null : ambiguous.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('多个账号'), details: { field: 'phone' } });
    await call('me', 'update', { phone: '13700000000' }, twin);
    expect(errorCode(await call('appointments', 'appoint', { role: 'org_staff', scopeLevel: 'community', scopeId: nanjie, phone: someone.phone }, as('community_staff')))).toBe('INVALID_INPUT');
    const firm = await orgId(db.ds, '阆苑物业服务有限公司');
    expect(
      errorCode(await call('appointments', 'appoint', { role: 'care_staff', scopeLevel: 'community', scopeId: nanjie, organisationId: firm, phone: someone.phone }, as('community_staff'))),
    ).toBe('INVALID_INPUT');
    expect(errorCode(await call('appointments', 'appoint', { role: 'grid_worker', scopeLevel: 'community', scopeId: 999999, phone: someone.phone }, as('community_staff')))).toBe('NOT_FOUND');
    expect(await countRows(db.ds, 'role_assignments')).toBe(before);
    // Neither may a stranger list or revoke.
    expect(errorCode(await call('appointments', 'list', {}, as('resident')))).toBe('FORBIDDEN');
    expect(errorCode(await call('appointments', 'list', { level: 'community', id: neidong }, as('community_staff')))).toBe('NOT_FOUND');

    // Street staff appoint community staff of their street's communities; the new clerk works at once.
    const clerk = ok(await call('appointments', 'appoint', { role: 'community_staff', scopeLevel: 'community', scopeId: neidong, phone: someone.phone }, as('street_staff')));
    expect(clerk).toMatchObject({ placeName: '内东街社区', appointedBy: { name: '吴国平' } });
    expect(ok(await call('me', 'get', {}, someone.openid)).can.appointPeople).toBe(true);
    const grid = ok(await call('appointments', 'appoint', { role: 'grid_worker', scopeLevel: 'community', scopeId: neidong, phone: someone.phone }, someone.openid));
    expect(grid.appointedBy).toEqual({ id: someone.id, name: '周晓梅' });
    // …which the community's other clerk of 南街 may not revoke; the street may revoke the clerk.
    expect(errorCode(await call('appointments', 'revoke', { id: clerk.id, reason: '越权' }, as('community_staff')))).toBe('FORBIDDEN');
    expect(errorCode(await call('appointments', 'revoke', { id: clerk.id, reason: '不是上一级' }, as('community_staff_nd')))).toBe('FORBIDDEN');
    ok(await call('appointments', 'revoke', { id: clerk.id, reason: '调任' }, as('street_staff')));
    expect(errorCode(await call('appointments', 'appoint', { role: 'grid_worker', scopeLevel: 'community', scopeId: neidong, phone: '13800000000' }, someone.openid))).toBe('FORBIDDEN');

    // A firm's staff for a firm serving a compound of the community.
    const staff = ok(
      await call('appointments', 'appoint', { role: 'org_staff', scopeLevel: 'community', scopeId: nanjie, organisationId: firm, phone: someone.phone }, as('community_staff')),
    );
    expect(staff.organisation).toEqual({ id: firm, name: '阆苑物业服务有限公司' });
    expect(errorCode(await call('appointments', 'appoint', { role: 'org_staff', scopeLevel: 'community', scopeId: nanjie, organisationId: firm, phone: someone.phone }, as('community_staff')))).toBe(
      'CONFLICT',
    );
  });

  it('the list shows what the caller may appoint, the places inside and the posts held', async () => {
    const list = ok(await call('appointments', 'list', {}, as('community_staff')));
    expect(list.place).toMatchObject({ level: 'community', name: '南街社区' });
    expect(list.places).toEqual([expect.objectContaining({ name: '南街社区' })]);
    expect(list.appointable.map((p) => p.role).sort()).toEqual(['building_head', 'care_staff', 'compound_head', 'grid_worker', 'org_staff', 'party_member', 'unit_head'].sort());
    expect(list.appointable.find((p) => p.role === 'care_staff')!.organisations.map((o) => o.name)).toEqual(['南街社区日间照料中心']);
    expect(list.tree.map((c) => c.name)).toEqual(['锦屏花园', '南街老院子']);
    expect(list.tree[0].children[0]).toMatchObject({ level: 'building', name: '1栋', children: [{ name: '1单元' }, { name: '2单元' }] });
    // The demo city's posts were set up by the seed: no appointer, no date; still revocable by the level above.
    expect(list.active.find((a) => a.role === 'unit_head')).toMatchObject({ person: { name: '刘桂芳' }, appointedBy: null, appointedAt: null, can: ['revoke'] });
    const street = ok(await call('appointments', 'list', {}, as('street_staff')));
    expect(street.places.map((p) => p.name)).toEqual(['南街社区', '内东街社区', '书院街社区']);
    expect(street.appointable.map((p) => p.role).sort()).toEqual(['assessor', 'community_staff']);
    expect(street.active.find((a) => a.role === 'community_staff')).toMatchObject({ person: { name: '杨晓燕' }, can: ['revoke'] });
    const admin = ok(await call('appointments', 'list', {}, as('admin')));
    expect(admin.place).toMatchObject({ level: 'street', name: '保宁街道' });
    expect(admin.appointable.map((p) => p.role).sort()).toEqual(['assessor', 'street_staff']);
  });

  it('one active head per place: a second is a CONFLICT, replace ends the current head in the same step', async () => {
    const b1 = await building('NJJP0101');
    const successor = await person('钱玉兰');
    const taken = await call('appointments', 'appoint', { role: 'building_head', scopeLevel: 'building', scopeId: b1, phone: successor.phone }, as('community_staff'));
    expect(taken.ok ? null : taken.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('请先撤销') });
    expect(ok(await call('households', 'verifyQueue', {}, as('building_head'))).items).toBeDefined();

    const replaced = ok(
      await call('appointments', 'appoint', { role: 'building_head', scopeLevel: 'building', scopeId: b1, phone: successor.phone, replace: true }, as('community_staff')),
    );
    expect(replaced.person.name).toBe('钱玉兰');
    expect(errorCode(await call('households', 'verifyQueue', {}, as('building_head')))).toBe('FORBIDDEN');
    const rows = await db.ds.query("SELECT userId, endedAt, endReason, active, headScopeId FROM role_assignments WHERE role = 'building_head' AND scopeId = ? ORDER BY id", [b1]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ endReason: '由新任命接替', active: null, headScopeId: null });
    expect(rows[0].endedAt).not.toBeNull();
    expect(rows[1]).toMatchObject({ userId: successor.id, endedAt: null, endReason: null });
    expect(Number(rows[1].headScopeId)).toBe(b1);
    // replace is for heads only.
    expect(
      errorCode(await call('appointments', 'appoint', { role: 'grid_worker', scopeLevel: 'community', scopeId: await community('南街社区'), phone: successor.phone, replace: true }, as('community_staff'))),
    ).toBe('INVALID_INPUT');
  });

  it('parallel appointments of different people to one empty place: exactly one wins', async () => {
    const place = await compound('NJLY02');
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => person(`候选人${i + 1}`)));
    const results = await Promise.all(
      people.map((p) => call('appointments', 'appoint', { role: 'compound_head', scopeLevel: 'compound', scopeId: place, phone: p.phone }, as('community_staff'))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map(errorCode)).toEqual(Array(5).fill('CONFLICT'));
    const active = await db.ds.query("SELECT userId FROM role_assignments WHERE role = 'compound_head' AND scopeId = ? AND endedAt IS NULL", [place]);
    expect(active).toHaveLength(1);
    // The same person twice at once: one post.
    const unit = await unitOf('NJLY0202', '2单元');
    const twice = await Promise.all(
      [0, 1, 2].map(() => call('appointments', 'appoint', { role: 'unit_head', scopeLevel: 'unit', scopeId: unit, phone: people[0].phone }, as('community_staff'))),
    );
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    // Two revocations at once: one ends it, the other is told.
    const post = twice.find((r) => r.ok)!;
    const revokes = await Promise.all([0, 1].map(() => call('appointments', 'revoke', { id: ok(post).id, reason: '并发撤销' }, as('community_staff'))));
    expect(revokes.map(errorCode).sort()).toEqual([null, 'INVALID_TRANSITION'].sort());
  });

  it('the appointee hears of an appointment, a revocation and being replaced, in the message centre', async () => {
    const first = await person('蒋一');
    const second = await person('蒋二');
    const unit = await idOf(
      `SELECT u.id AS id FROM units u JOIN buildings b ON b.id = u.buildingId JOIN compounds c ON c.id = b.compoundId
       WHERE c.communityId = ? AND u.id NOT IN (SELECT scopeId FROM role_assignments WHERE role = 'unit_head' AND endedAt IS NULL) ORDER BY u.id DESC`,
      [await community('南街社区')],
    );
    const inbox = async (openid: string) => ok(await call('notifications', 'list', {}, openid)).items.map((m) => [m.title, m.body]);
    const post = ok(await call('appointments', 'appoint', { role: 'unit_head', scopeLevel: 'unit', scopeId: unit, phone: first.phone, note: '热心邻里' }, as('community_staff')));
    expect(await inbox(first.openid)).toEqual([[`您已被任命为${post.placeName}单元长`, '任命人：杨晓燕：「热心邻里」']]);

    const next = ok(await call('appointments', 'appoint', { role: 'unit_head', scopeLevel: 'unit', scopeId: unit, phone: second.phone, replace: true }, as('community_staff')));
    expect((await inbox(first.openid))[0]).toEqual([`您的${post.placeName}单元长职务已由新任命接替`, '操作人：杨晓燕']);
    expect(await inbox(second.openid)).toEqual([[`您已被任命为${post.placeName}单元长`, '任命人：杨晓燕']]);

    ok(await call('appointments', 'revoke', { id: next.id, reason: '本人请辞' }, as('community_staff')));
    expect((await inbox(second.openid))[0]).toEqual([`您的${post.placeName}单元长职务已撤销`, '撤销人：杨晓燕；原因：本人请辞']);
    // A refused appointment tells nobody.
    const stranger = await person('蒋三');
    expect(errorCode(await call('appointments', 'appoint', { role: 'unit_head', scopeLevel: 'unit', scopeId: unit, phone: stranger.phone }, as('community_staff_nd')))).toBe('FORBIDDEN');
    expect(await inbox(stranger.openid)).toEqual([]);
  });

  it('the migration goes down and up again, keeping the posts held', async () => {
    const migration = new Appointments1766300000000();
    const q = db.ds.createQueryRunner();
    const held = async () => Number((await db.ds.query('SELECT COUNT(*) AS n FROM role_assignments WHERE endedAt IS NULL'))[0].n);
    const before = await held();
    try {
      await migration.down(q);
      expect(await q.hasColumn('role_assignments', 'endedAt')).toBe(false);
      expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM role_assignments'))[0].n)).toBe(before);
      await migration.up(q);
      expect(await q.hasColumn('role_assignments', 'headScopeId')).toBe(true);
      const indices = (await q.getTable('role_assignments'))!.indices.map((i) => i.name);
      expect(indices).toEqual(expect.arrayContaining(['UQ_role_assignments_holder_active', 'UQ_role_assignments_role_headScopeId']));
    } finally {
      await q.release();
    }
    expect(await held()).toBe(before);
    const heads = await db.ds.query("SELECT COUNT(*) AS n FROM role_assignments WHERE role IN ('compound_head','building_head','unit_head') AND headScopeId IS NOT NULL");
    expect(Number(heads[0].n)).toBeGreaterThan(0);
  });
});

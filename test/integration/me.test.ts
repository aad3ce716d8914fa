import { countRows, createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, callRaw, errorCode, newcomer, ok } from '../factories';

jest.setTimeout(60_000);

describe.each(DIALECTS)('me on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());

  it('registers a first-time openid once, even when its first calls arrive together', async () => {
    const openid = newcomer();
    const before = await countRows(db.ds, 'users');
    const results = await Promise.all(Array.from({ length: 8 }, () => call('me', 'get', {}, openid)));
    const ids = new Set(results.map((r) => ok(r).id));
    expect(ids.size).toBe(1);
    expect(await countRows(db.ds, 'users')).toBe(before + 1);
    expect(ok(results[0])).toMatchObject({ name: '', phone: null, roles: [], memberships: [], verifiedResident: false });
  });

  it('shows roles with the names of the places they are held on', async () => {
    const me = ok(await call('me', 'get', {}, as('building_head')));
    expect(me.roles).toEqual([expect.objectContaining({ role: 'building_head', roleLabel: '楼栋长', scopeName: '锦屏花园1栋' })]);
    const unitHead = ok(await call('me', 'get', {}, as('unit_head')));
    expect(unitHead.roles[0].scopeName).toBe('锦屏花园1栋1单元');
    const property = ok(await call('me', 'get', {}, as('property_staff')));
    expect(property.roles[0]).toMatchObject({ role: 'org_staff', organisation: { name: '阆苑物业服务有限公司' } });
    const admin = ok(await call('me', 'get', {}, as('admin')));
    expect(admin.roles[0]).toMatchObject({ scopeLevel: 'city', scopeId: null, scopeName: '阆中市' });
  });

  it("updates the caller's own name and phone, validating both", async () => {
    const openid = newcomer();
    const me = ok(await call('me', 'update', { name: '  李四  ', phone: '10000005555' }, openid));
    expect(me).toMatchObject({ name: '李四', phone: '10000005555' });
    expect(errorCode(await call('me', 'update', { phone: '110' }, openid))).toBe('INVALID_INPUT');
    expect(errorCode(await call('me', 'update', { name: 'x'.repeat(21) }, openid))).toBe('INVALID_INPUT');
    expect(errorCode(await callRaw('me', 'update', { userId: 1, name: '冒名' }, openid))).toBe('INVALID_INPUT');
    expect(ok(await call('me', 'get', {}, openid)).name).toBe('李四');
  });

  it('needs a trusted identity', async () => {
    expect(await call('me', 'get', {}, null)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });
});

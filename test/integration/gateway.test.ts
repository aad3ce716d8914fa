import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { LIMITS, type DemoUsersDTO, type Envelope, type SessionDTO } from '@hg/types';
import { createGateway } from '../../cloud/gateway/server';
import { signSession } from '../../cloud/gateway/session';
import { countRows, createTestDb, DIALECTS, type TestDb } from '../db';

jest.setTimeout(60_000);

const SECRET = 'test-secret-0123456789abcdef';

describe.each(DIALECTS)('local gateway on %s', (dialect) => {
  let db: TestDb;
  let server: http.Server;
  let base: string;
  let staticDir: string;

  beforeAll(async () => {
    db = await createTestDb(dialect);
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>红色管家</title>');
    fs.writeFileSync(path.join(os.tmpdir(), 'hg-secret.txt'), 'outside');
    server = createGateway({ ds: db.ds, secret: SECRET, demo: true, staticDir });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(staticDir, { recursive: true, force: true });
    await db.drop();
  });

  const post = async (route: string, body: string | object, token?: string) => {
    const res = await fetch(`${base}/api/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Envelope<unknown> };
  };

  async function loginAs(name: string): Promise<string> {
    const users = (await (await fetch(`${base}/api/_demo/users`)).json()) as Envelope<DemoUsersDTO>;
    if (!users.ok) throw new Error('demo users');
    const user = users.data.groups.flatMap((g) => g.users).find((u) => u.name === name)!;
    const res = await post('_demo/login', { userId: user.id });
    return (res.body as { ok: true; data: SessionDTO }).data.token;
  }

  it('answers business refusals with 200 and the envelope; requests that reach no action keep their HTTP status', async () => {
    const token = await loginAs('王秀兰');
    const res = await fetch(`${base}/api/needs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'queue' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-hg-error')).toBe('FORBIDDEN');
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The action's own schema refusing a field is a business answer too.
    expect(await post('needs', { action: 'get', needId: 'x' }, token)).toMatchObject({ status: 200, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(await post('needs', { action: 'get', needId: 987654 }, token)).toMatchObject({ status: 200, body: { ok: false, error: { code: 'NOT_FOUND' } } });
    // No login at all: 401, so API clients and the app's login redirect see it as before.
    expect(await post('needs', { action: 'mine' })).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });

  it('lists demo users by role and signs a session the functions trust', async () => {
    const res = (await (await fetch(`${base}/api/_demo/users`)).json()) as Envelope<DemoUsersDTO>;
    expect(res.ok && res.data.demo).toBe(true);
    const roles = res.ok ? res.data.groups.map((g) => g.role) : [];
    expect(roles).toEqual(
      expect.arrayContaining([
        'resident',
        'building_head',
        'compound_head',
        'community_staff',
        'org_staff',
        'care_staff',
        'assessor',
        'admin',
        'grid_worker',
        'party_member',
        'unit_head',
      ]),
    );
    expect(JSON.stringify(res)).not.toMatch(/1000000\d{4}/);

    const token = await loginAs('陈志强');
    const me = await post('me', { action: 'get' }, token);
    expect(me).toMatchObject({ status: 200, body: { ok: true, data: { name: '陈志强', roles: [{ role: 'building_head' }] } } });
  });

  it('answers malformed JSON, unknown functions and actions with the matching code and status', async () => {
    expect(await post('me', '{not json')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(await post('nosuchfunction', { action: 'get' })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await post('__proto__', { action: 'get' })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await post('community', { action: 'nope' })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await post('community', [1, 2, 3])).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    expect(await post('community', '"just a string"')).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    const get = await fetch(`${base}/api/me`);
    expect(get.status).toBe(404);
  });

  it('refuses an oversized body with PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const before = await countRows(db.ds, 'household_members');
    const huge = {
      action: 'bind',
      compoundId: 1,
      buildingId: 1,
      unitId: 1,
      room: '101',
      name: 'x'.repeat(LIMITS.bodyBytesMax),
      phone: '10000000001',
      relation: 'owner',
    };
    const res = await post('households', huge, await loginAs('王秀兰'));
    expect(res).toMatchObject({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(await countRows(db.ds, 'household_members')).toBe(before);
  });

  it('rejects forged, tampered and expired tokens with 401', async () => {
    const token = await loginAs('王秀兰');
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'demo:admin', exp: Date.now() + 1e6 })).toString('base64url');
    expect((await post('me', { action: 'get' }, `${forged}.${sig}`)).status).toBe(401);
    expect((await post('me', { action: 'get' }, `${body}.${sig}x`)).status).toBe(401);
    expect((await post('me', { action: 'get' }, 'garbage')).status).toBe(401);
    const expired = signSession(SECRET, 'demo:resident', Date.now() - 8 * 24 * 3600 * 1000).token;
    expect(await post('me', { action: 'get' }, expired)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect((await post('me', { action: 'get' }, signSession('another-secret-123456', 'demo:admin').token)).status).toBe(401);
  });

  it('ignores identity fields in the body: the actor comes from the token only', async () => {
    const token = await loginAs('王秀兰');
    const res = await post('me', { action: 'get', userInfo: { openId: 'demo:admin' } }, token);
    expect(res.body).toMatchObject({ ok: true, data: { name: '王秀兰' } });
    const spoof = await post('me', { action: 'get', openid: 'demo:admin' }, token);
    expect(spoof).toMatchObject({ status: 200, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
  });

  it('refuses demo login for users that are not demo users, and unknown ids', async () => {
    await db.ds.query("INSERT INTO users (openid, name, phone, createdAt) VALUES ('wx-real-openid', '真实用户', NULL, '2026-01-01 00:00:00.000')");
    const [{ id }] = await db.ds.query("SELECT id FROM users WHERE openid = 'wx-real-openid'");
    expect((await post('_demo/login', { userId: Number(id) })).status).toBe(404);
    expect((await post('_demo/login', { userId: 424242 })).status).toBe(404);
    expect((await post('_demo/login', { userId: 'admin' })).status).toBe(400);
  });

  it('serves the H5 app with a fallback to index.html, never outside its folder, and answers CORS preflights', async () => {
    const root = await fetch(`${base}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('红色管家');
    const traversal = await fetch(`${base}/..%2Fhg-secret.txt`);
    expect(await traversal.text()).not.toContain('outside');
    const pre = await fetch(`${base}/api/me`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('stores uploaded photos by content, serves them back, and refuses non-images, oversize and anonymous uploads', async () => {
    process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-up-'));
    const token = await loginAs('王秀兰');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
    const upload = (body: Buffer, auth = true) =>
      fetch(`${base}/api/_upload`, {
        method: 'POST',
        headers: { 'Content-Type': 'image/jpeg', ...(auth ? { Authorization: `Bearer ${token}` } : {}) },
        body: new Uint8Array(body),
      });
    const res = await upload(jpeg);
    const env = (await res.json()) as Envelope<{ fileId: string; url: string }>;
    expect(env).toMatchObject({ ok: true, data: { fileId: expect.stringMatching(/^local\/[0-9a-f]{64}\.jpg$/) } });
    const again = (await (await upload(jpeg)).json()) as Envelope<{ fileId: string }>;
    expect(again.ok && env.ok && again.data.fileId).toBe(env.ok && env.data.fileId);
    const served = await fetch(`${base}${env.ok ? env.data.url : ''}`);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(jpeg)).toBe(true);

    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.status).toBe(400);
    const big = await upload(Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect((await upload(jpeg, false)).status).toBe(401);
    expect((await fetch(`${base}/uploads/..%2F..%2Fsession-secret`)).status).toBe(404);
    expect((await fetch(`${base}/uploads/${'a'.repeat(64)}.jpg`)).status).toBe(404);
  });

  it('has no demo endpoints when demo login is off', async () => {
    const prod = createGateway({ ds: db.ds, secret: SECRET, demo: false });
    await new Promise<void>((r) => prod.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(prod.address() as AddressInfo).port}/api/_demo/users`;
    const res = await fetch(url);
    expect(res.status).toBe(404);
    await new Promise((r) => prod.close(r));
  });
});

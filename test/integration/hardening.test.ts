import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { DemoUsersDTO, Envelope, SessionDTO } from '@hg/types';
import { createGateway } from '../../cloud/gateway/server';
import { signSession } from '../../cloud/gateway/session';
import { OPENID_MAX } from '../../cloud/src/core/action';
import { exportFileName } from '../../cloud/src/modules/needs/queries/export-needs';
import { countRows, createTestDb, DIALECTS, snapshotCounts, type TestDb } from '../db';
import { as, call, callRaw, communityIdOf, errorCode, newcomer, ok } from '../factories';

jest.setTimeout(60_000);

const SECRET = 'test-secret-hardening-0123456789';
const DAY = 24 * 3600 * 1000;

/** Bad input of every kind is a 4xx envelope naming the problem, never INTERNAL or a 500. */
describe.each(DIALECTS)('hardening on %s', (dialect) => {
  let db: TestDb;
  let demoOn: http.Server;
  let demoOff: http.Server;
  let staticDir: string;
  const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const listen = async (server: http.Server) => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return server;
  };

  beforeAll(async () => {
    db = await createTestDb(dialect);
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>红色管家</title>');
    // The same database and secret, before and after a restart with DEMO_LOGIN=off.
    demoOn = await listen(createGateway({ ds: db.ds, secret: SECRET, demo: true, staticDir }));
    demoOff = await listen(createGateway({ ds: db.ds, secret: SECRET, demo: false, staticDir }));
  });
  afterAll(async () => {
    await new Promise((r) => demoOn.close(r));
    await new Promise((r) => demoOff.close(r));
    fs.rmSync(staticDir, { recursive: true, force: true });
    await db.drop();
  });

  const post = async (server: http.Server, route: string, body: object, token?: string) => {
    const res = await fetch(`${urlOf(server)}/api/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Envelope<unknown> };
  };

  async function demoLogin(name: string): Promise<string> {
    const users = (await (await fetch(`${urlOf(demoOn)}/api/_demo/users`)).json()) as Envelope<DemoUsersDTO>;
    if (!users.ok) throw new Error('demo users');
    const user = users.data.groups.flatMap((g) => g.users).find((u) => u.name === name)!;
    const res = await post(demoOn, '_demo/login', { userId: user.id });
    return (res.body as { ok: true; data: SessionDTO }).data.token;
  }

  describe('DEMO_LOGIN=off ends demo sessions', () => {
    it("refuses a demo token issued while demo login was on, the city-wide admin's included", async () => {
      const admin = await demoLogin('林峰');
      expect(await post(demoOn, 'me', { action: 'get' }, admin)).toMatchObject({ status: 200, body: { ok: true, data: { roles: [{ role: 'admin' }] } } });

      expect(await post(demoOff, 'me', { action: 'get' }, admin)).toMatchObject({
        status: 401,
        body: { ok: false, error: { code: 'UNAUTHENTICATED', message: '演示登录已关闭，请重新登录' } },
      });
      expect(await post(demoOff, 'escalation', { action: 'tick' }, admin)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
      const upload = await fetch(`${urlOf(demoOff)}/api/_upload`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}` },
        body: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      });
      expect(upload.status).toBe(401);
    });

    it('still accepts sessions of people who are not demo accounts', async () => {
      const { token } = signSession(SECRET, newcomer());
      expect(await post(demoOff, 'me', { action: 'get' }, token)).toMatchObject({ status: 200, body: { ok: true } });
    });
  });

  describe('over-long identities never reach the database', () => {
    it('the gateway refuses a validly signed token whose openid no user row can hold', async () => {
      const before = await countRows(db.ds, 'users');
      const { token } = signSession(SECRET, `o${'x'.repeat(OPENID_MAX)}`);
      expect(await post(demoOff, 'me', { action: 'get' }, token)).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
      expect(await post(demoOff, 'community', { action: 'resolveScene', scene: 'c=NJJP01' }, token)).toMatchObject({ status: 401 });
      expect(await countRows(db.ds, 'users')).toBe(before);
      // The longest that fits is an ordinary first contact.
      const fits = signSession(SECRET, `o${'y'.repeat(OPENID_MAX - 1)}`).token;
      expect(await post(demoOff, 'me', { action: 'get' }, fits)).toMatchObject({ status: 200, body: { ok: true } });
    });

    it('the action wrapper refuses it too, before the actor resolver', async () => {
      const before = await countRows(db.ds, 'users');
      expect(await call('me', 'get', {}, 'z'.repeat(OPENID_MAX + 1))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await countRows(db.ds, 'users')).toBe(before);
    });
  });

  describe('malformed request targets', () => {
    it.each(['/%E0%A4%A', '/%', '/packages/%ZZ/index.html', '/%00'])('GET %s is a 400 envelope, not a 500', async (target) => {
      const res = await fetch(`${urlOf(demoOff)}${target}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });

    it('well-formed paths are still served', async () => {
      const res = await fetch(`${urlOf(demoOff)}/%E7%BA%A2`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('红色管家');
    });
  });

  describe('dates are bounded at the edge', () => {
    const MAX_DATE = '9999-12-31T23:59:59.999Z';
    const FAR = '+275760-09-13T00:00:00.000Z';

    it.each([
      [FAR, 'now'],
      [MAX_DATE, 'now'],
      [new Date(Date.now() + 400 * DAY).toISOString(), 'now'],
      [new Date(Date.now() - 400 * DAY).toISOString(), 'now'],
      ['1', 'now'],
    ])('escalation.tick with now=%s is INVALID_INPUT and moves no deadline', async (now, field) => {
      const before = await db.ds.query('SELECT id, acceptDueAt, resolveDueAt, level FROM needs ORDER BY id');
      const res = await call('escalation', 'tick', { now }, as('admin'));
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      expect(await db.ds.query('SELECT id, acceptDueAt, resolveDueAt, level FROM needs ORDER BY id')).toEqual(before);
    });

    it('a tick at a time near the real clock still runs', async () => {
      ok(await call('escalation', 'tick', { now: new Date(Date.now() + 30 * DAY).toISOString() }, as('admin')));
    });

    it('holds, stats and exports refuse dates outside 2000–2100 with the field named, in Chinese', async () => {
      const staff = as('community_staff');
      const communityId = await communityIdOf(db.ds, '南街社区');
      const hold = await call('needs', 'hold', { needId: 1, resumeAt: MAX_DATE, reason: '等配件' }, as('property_staff'));
      expect(hold).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'resumeAt' } } });
      expect(!hold.ok && hold.error.message).toMatch(/^resumeAt: 时间须在2000年1月1日至2100年1月1日之间$/);

      const cases: [Record<string, unknown>, string][] = [
        [{ from: '9999-06-01T00:00:00.000Z', to: MAX_DATE }, 'from'],
        [{ from: '2099-06-01T00:00:00.000Z', to: MAX_DATE }, 'to'],
        [{ from: '2099-06-01T00:00:00.000Z', to: FAR }, 'to'],
        [{ from: '1970-01-01T00:00:00.000Z', to: '1970-06-01T00:00:00.000Z' }, 'from'],
        [{ from: 'March 7, 2026', to: '2026-04-01T00:00:00.000Z' }, 'from'],
      ];
      for (const [period, field] of cases) {
        const stats = await callRaw('needs', 'stats', { communityId, ...period }, staff);
        expect([period, stats]).toMatchObject([period, { ok: false, error: { code: 'INVALID_INPUT', details: { field } } }]);
        const file = await callRaw('needs', 'export', { communityId, ...period, format: 'csv' }, staff);
        expect([period, file]).toMatchObject([period, { ok: false, error: { code: 'INVALID_INPUT', details: { field } } }]);
      }
      // The last day the range allows still exports, with a plain file name.
      const last = ok(await call('needs', 'export', { communityId, from: '2099-06-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z', format: 'csv' }, staff));
      expect(last.filename).toBe('南街社区需求台账_2099-06-01至2100-01-01.csv');
      expect(errorCode(await call('needs', 'stats', { communityId, from: '2000-01-01', to: '2000-12-31' }, staff))).toBeNull();
    });

    it('writes nothing for a refused date', async () => {
      const tables = ['needs', 'subject_events', 'notifications'];
      const before = await snapshotCounts(db.ds, tables);
      await call('escalation', 'tick', { now: FAR }, as('admin'));
      expect(await snapshotCounts(db.ds, tables)).toEqual(before);
    });
  });
});

describe('export file names', () => {
  it('drop path separators and control characters and never throw on an unrepresentable date', () => {
    // January 2026 in China time (UTC+8), as the staff pick it.
    const from = new Date('2025-12-31T16:00:00.000Z');
    const to = new Date('2026-01-31T16:00:00.000Z');
    expect(exportFileName('南街社区', from, to, 'csv')).toBe('南街社区需求台账_2026-01-01至2026-01-31.csv');
    expect(exportFileName('../南街\\社区\n"x"', from, to, 'xlsx')).toBe('..南街社区x需求台账_2026-01-01至2026-01-31.xlsx');
    expect(exportFileName('南街社区', new Date(8.64e15), new Date(NaN), 'csv')).toBe('南街社区需求台账.csv');
    expect(exportFileName('///', from, to, 'csv')).toBe('社区需求台账_2026-01-01至2026-01-31.csv');
  });
});

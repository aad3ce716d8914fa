import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import {
  INBOX_TABS,
  OPEN_NEED_STATUSES,
  QUEUE_TABS,
  type Envelope,
  type InboxTab,
  type NeedDetailDTO,
  type NeedExportDTO,
  type NeedSummaryDTO,
  type Page,
  type QueueTab,
} from '@hg/types';
import { createGateway } from '../../cloud/gateway/server';
import { signSession } from '../../cloud/gateway/session';
import { clock } from '../../cloud/src/core/clock';
import { Need } from '../../cloud/src/modules/needs/need.entity';
import { EXPORT_INLINE_MAX_BYTES } from '../../cloud/src/core/spreadsheet';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { parseCsv } from '../csv';
import { as, call, callRaw, categoryId, communityIdOf, errorCode, homeOf, ok, orgId, personWithRole, residentOf, storedPhoto, createNeedAs } from '../factories';

jest.setTimeout(180_000);
process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-worklists-${process.pid}`);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SECRET = 'worklists-secret-0123456789abcdef';

/** Hanzi that do not repeat, so a compressed XLSX stays large too. */
function noise(n: number, seed: number): string {
  let x = seed >>> 0 || 1;
  let s = '';
  for (let i = 0; i < n; i++) {
    // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    s += String.fromCharCode(0x4e00 + (x % 0x5000));
  }
  return s;
}

describe.each(DIALECTS)('派单台 and 接单箱 work lists on %s', (dialect) => {
  let db: TestDb;
  let qili: number;
  let staff: string;
  let firm: number;
  let firmStaff: string;
  /** Residents of 七里还房小区 1栋 (two households) and 2栋. */
  let b1: { openid: string; householdId: number };
  let b1b: { openid: string; householdId: number };
  let b2: { openid: string; householdId: number };

  const create = async (who: { openid: string; householdId: number }, code: string, description: string) =>
    ok(await createNeedAs({ categoryId: await categoryId(db.ds, code), householdId: who.householdId, description }, who.openid));
  const step = async (action: string, input: Record<string, unknown>, who: string) => ok(await callRaw<NeedDetailDTO>('needs', action, input, who));
  const page = async (action: string, input: Record<string, unknown>, who: string) => ok(await callRaw<Page<NeedSummaryDTO>>('needs', action, input, who));
  /** Every row of a list, page by page (small pages cross the overdue-first boundary); fails on a repeat. */
  const walk = async (action: 'queue' | 'inbox', input: Record<string, unknown>, who: string, limit = 2) => {
    const rows: NeedSummaryDTO[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 300; pages++) {
      const p = await page(action, { ...input, limit, ...(cursor ? { cursor } : {}) }, who);
      expect(p.items.length).toBeLessThanOrEqual(limit);
      rows.push(...p.items);
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    return rows;
  };
  const ids = (rows: NeedSummaryDTO[]) => rows.map((r) => r.id);
  const setPast = (id: number, column: 'acceptDueAt' | 'resolveDueAt', hours: number) =>
    db.ds.manager.update(Need, { id }, { [column]: new Date(clock.now().getTime() - hours * HOUR) });
  /** A verified resident of the n-th household of a building of 七里还房小区. */
  const residentIn = async (buildingCode: string, nth: number) => {
    const rows: { buildingCode: string }[] = await db.ds.query(
      'SELECT b.code AS buildingCode FROM households h JOIN compounds c ON c.id = h.compoundId JOIN buildings b ON b.id = h.buildingId WHERE c.code = ? ORDER BY h.id',
      ['QLHF01'],
    );
    const index = rows.map((r, i) => [r.buildingCode, i] as const).filter(([code]) => code === buildingCode)[nth][1];
    return residentOf(db.ds, 'QLHF01', index);
  };

  beforeAll(async () => {
    db = await createTestDb(dialect);
    qili = await communityIdOf(db.ds, '七里社区');
    staff = await personWithRole(db.ds, 'community_staff', 'community', qili, 0, '七里社工');
    firm = await orgId(db.ds, '嘉陵物业管理有限公司');
    firmStaff = await personWithRole(db.ds, 'org_staff', 'community', qili, firm, '嘉陵维修工');
    b1 = await residentIn('QLHF0101', 0);
    b1b = await residentIn('QLHF0101', 1);
    b2 = await residentIn('QLHF0102', 0);
  });
  afterAll(() => db.drop());
  afterEach(() => clock.reset());

  describe('lists for work', () => {
    const n: Record<string, NeedDetailDTO> = {};
    let elsewhere: NeedDetailDTO;

    beforeAll(async () => {
      n.late = await create(b1, 'suggestion', '楼道声控灯坏了，晚上看不见');
      n.climbed = await create(b2, 'suggestion', '小区大门道闸经常卡住');
      n.lateWork = await create(b1, 'suggestion', '二楼井盖松动有危险');
      n.calm = await create(b2, 'suggestion', '希望增加晾衣架');
      n.done = await create(b1, 'suggestion', '垃圾桶满了没人清');
      n.percent = await create(b2, 'suggestion', '夜里噪音超过100%的人都受不了');
      n.plain = await create(b2, 'suggestion', '夜里噪音超过1000次');
      n.fresh = await create(b1, 'suggestion', '楼下花坛杂草很多');
      for (const key of ['climbed', 'lateWork', 'calm', 'done']) await step('dispatch', { needId: n[key].id, orgId: firm }, staff);
      for (const key of ['lateWork', 'done']) await step('accept', { needId: n[key].id }, firmStaff);
      await step('start', { needId: n.done.id }, firmStaff);
      await step('resolve', { needId: n.done.id, note: '已清运', photoIds: [storedPhoto('done')] }, firmStaff);
      await setPast(n.late.id, 'acceptDueAt', 2);
      await setPast(n.lateWork.id, 'resolveDueAt', 3);
      await db.ds.manager.update(Need, { id: n.climbed.id }, { level: 'community', leftBuilding: true });
      // The same words in 南街社区: never found from 七里社区.
      elsewhere = ok(
        await createNeedAs({ categoryId: await categoryId(db.ds, 'suggestion'), householdId: await homeOf(db.ds, 'resident'), description: '二楼井盖松动有危险' },
          as('resident'),
        ),
      );
    });

    it('派单台 opens on 待处理: overdue and escalated first, then what waits for dispatch; each row carries its deadline', async () => {
      const action = await walk('queue', { tab: 'action' }, staff);
      // Overdue (late, lateWork) or escalated to the community (climbed), newest first; then the rest waiting for dispatch.
      expect(ids(action)).toEqual([n.lateWork.id, n.climbed.id, n.late.id, n.fresh.id, n.plain.id, n.percent.id]);
      expect(ids(action)).not.toContain(n.calm.id);
      expect(ids(action)).not.toContain(n.done.id);

      const late = action.find((r) => r.id === n.late.id)!;
      expect(late.overdue).toBe(true);
      expect(Date.parse(late.dueAt!)).toBeLessThan(Date.now());
      const lateWork = action.find((r) => r.id === n.lateWork.id)!;
      expect(lateWork.dueAt).toBe((await db.ds.manager.findOneByOrFail(Need, { id: n.lateWork.id })).resolveDueAt!.toISOString());
      expect(Date.parse(action.find((r) => r.id === n.fresh.id)!.dueAt!)).toBeGreaterThan(Date.now());
      const done = (await walk('queue', { tab: 'resolved' }, staff)).find((r) => r.id === n.done.id)!;
      expect(done.dueAt).toBeNull();

      // Without a tab the API still lists every status (older clients and the admin's overview).
      expect(ids(await walk('queue', {}, staff, 20))).toEqual(expect.arrayContaining([n.calm.id, n.done.id, n.fresh.id]));
    });

    it('tab badges: one count per tab, each equal to the rows that tab lists, under the same filters', async () => {
      const counts = ok(await call('needs', 'queueCounts', {}, staff));
      expect(Object.keys(counts).sort()).toEqual([...QUEUE_TABS].sort());
      for (const tab of QUEUE_TABS) expect([tab, (await walk('queue', { tab }, staff, 3)).length]).toEqual([tab, counts[tab as QueueTab]]);
      const [{ total }] = await db.ds.query('SELECT COUNT(*) AS total FROM needs WHERE communityId = ?', [qili]);
      expect(counts.all).toBe(Number(total));
      expect(counts.action).toBe(6);
      expect(counts.assigned).toBe(2); // calm and climbed, dispatched
      expect(counts.working).toBe(1);
      expect(counts.resolved).toBe(1);

      // Filters narrow the badges as they narrow the list.
      const searched = ok(await call('needs', 'queueCounts', { q: '噪音' }, staff));
      expect(searched).toMatchObject({ action: 2, submitted: 2, all: 2, resolved: 0 });
      const overdue = ok(await call('needs', 'queueCounts', { overdue: true }, staff));
      expect(overdue).toMatchObject({ action: 2, all: 2 });
      expect(ids(await walk('queue', { tab: 'all', overdue: true }, staff))).toEqual([n.lateWork.id, n.late.id]);

      expect(errorCode(await call('needs', 'queueCounts', {}, as('resident')))).toBe('FORBIDDEN');
      expect(errorCode(await call('needs', 'queueCounts', { communityId: await communityIdOf(db.ds, '南街社区') }, staff))).toBe('FORBIDDEN');
    });

    it('search finds a number (#123 or 123) or words of the description, inside the scope only', async () => {
      for (const q of [`#${n.calm.id}`, String(n.calm.id), ` # ${n.calm.id} `]) expect(ids(await walk('queue', { q }, staff))).toEqual([n.calm.id]);
      // The number of a need in another community finds nothing, on every tab and in the badges.
      expect(await walk('queue', { q: `#${elsewhere.id}` }, staff)).toEqual([]);
      expect(ok(await call('needs', 'queueCounts', { q: `#${elsewhere.id}` }, staff)).all).toBe(0);
      expect(ids(await walk('queue', { q: '井盖松动' }, staff))).toEqual([n.lateWork.id]);
      expect(ids(await walk('queue', { q: '井盖松动' }, as('community_staff')))).toEqual([elsewhere.id]);
      // % and _ are searched as themselves, not as wildcards.
      expect(ids(await walk('queue', { q: '100%' }, staff))).toEqual([n.percent.id]);
      expect(ids(await walk('queue', { q: '超过1_0' }, staff))).toEqual([]);
      expect(ids(await walk('queue', { q: '噪音', tab: 'action' }, staff))).toEqual([n.plain.id, n.percent.id]);
      expect(await walk('queue', { q: '噪音', tab: 'resolved' }, staff)).toEqual([]);
      expect(errorCode(await callRaw('needs', 'queue', { q: '字'.repeat(51) }, staff))).toBe('INVALID_INPUT');
    });

    it('接单箱 opens on 待办 (overdue first), counts its tabs, and searches only what the receiver holds', async () => {
      const action = await walk('inbox', { tab: 'action' }, firmStaff);
      expect(ids(action)).toEqual([n.lateWork.id, n.calm.id, n.climbed.id]);
      expect(action[0]).toMatchObject({ overdue: true, statusLabel: '已接单' });
      const counts = ok(await call('needs', 'inboxCounts', {}, firmStaff));
      expect(Object.keys(counts).sort()).toEqual([...INBOX_TABS].sort());
      for (const tab of INBOX_TABS) expect([tab, (await walk('inbox', { tab }, firmStaff)).length]).toEqual([tab, counts[tab as InboxTab]]);
      expect(counts).toMatchObject({ action: 3, dispatched: 2, working: 1, on_hold: 0, resolved: 1, all: 4 });

      expect(ids(await walk('inbox', { q: `#${n.done.id}` }, firmStaff))).toEqual([n.done.id]);
      // Not dispatched to this firm (still waiting in the 派单台), or another community's: nothing.
      expect(await walk('inbox', { q: String(n.fresh.id) }, firmStaff)).toEqual([]);
      expect(await walk('inbox', { q: '井盖' }, as('property_staff'))).toEqual([]);
      expect(ids(await walk('inbox', { q: '井盖' }, firmStaff))).toEqual([n.lateWork.id]);
      expect(ok(await call('needs', 'inboxCounts', { q: '井盖' }, firmStaff))).toMatchObject({ action: 1, working: 1, all: 1 });
      // Someone who receives nothing has an empty inbox, not an error.
      expect(ok(await call('needs', 'inboxCounts', {}, as('resident2'))).all).toBe(0);
    });
    it('已办结 holds every finished need — resolved, rated and auto-closed — in the list and in the badge, on both desks', async () => {
      const before = {
        queue: ok(await call('needs', 'queueCounts', {}, staff)).resolved,
        inbox: ok(await call('needs', 'inboxCounts', {}, firmStaff)).resolved,
      };
      const finish = async (description: string) => {
        const need = await create(b1b, 'suggestion', description);
        await step('dispatch', { needId: need.id, orgId: firm }, staff);
        await step('accept', { needId: need.id }, firmStaff);
        await step('start', { needId: need.id }, firmStaff);
        return step('resolve', { needId: need.id, note: '已处理', photoIds: [storedPhoto(`fin${need.id}`)] }, firmStaff);
      };
      const rated = await finish('单元门禁坏了');
      expect(await step('rate', { needId: rated.id, stars: 4 }, b1b.openid)).toMatchObject({ status: 'closed', rating: 4 });
      const unrated = await finish('楼道扶手松了');
      // Closed by the timer after the rating window, unrated.
      await db.ds.manager.update(Need, { id: unrated.id }, { status: 'closed', closedAt: clock.now() });

      const queueCounts = ok(await call('needs', 'queueCounts', {}, staff));
      const inboxCounts = ok(await call('needs', 'inboxCounts', {}, firmStaff));
      expect(queueCounts.resolved).toBe(before.queue + 2);
      expect(inboxCounts.resolved).toBe(before.inbox + 2);
      for (const [rows, count] of [
        [await walk('queue', { tab: 'resolved' }, staff, 5), queueCounts.resolved],
        [await walk('inbox', { tab: 'resolved' }, firmStaff, 5), inboxCounts.resolved],
      ] as const) {
        expect(ids(rows)).toEqual(expect.arrayContaining([rated.id, unrated.id, n.done.id]));
        expect(rows.map((r) => r.status).every((st) => st === 'resolved' || st === 'closed')).toBe(true);
        expect(rows).toHaveLength(count);
      }
    });
  });

  describe('合并 candidates', () => {
    it('offers open needs of the same category and building from the last 14 days, never itself', async () => {
      const base = await create(b1, 'safety', '隔壁装修噪音很大');
      const dup = await create(b1b, 'safety', '楼上装修太吵了');
      const otherBuilding = await create(b2, 'safety', '2栋装修噪音');
      const otherCategory = await create(b1b, 'suggestion', '1栋装修垃圾乱堆');
      const cancelled = await create(b1b, 'safety', '装修噪音（已撤回）');
      await step('cancel', { needId: cancelled.id }, b1b.openid);
      const old = await create(b1b, 'safety', '上个月的装修噪音');
      await db.ds.manager.update(Need, { id: old.id }, { createdAt: new Date(Date.now() - 15 * DAY) });

      const candidates = ok(await call('needs', 'mergeCandidates', { needId: base.id }, staff));
      expect(ids(candidates)).toEqual([dup.id]);
      expect(candidates[0]).toMatchObject({ category: { id: base.category.id }, building: { id: base.building!.id }, excerpt: '楼上装修太吵了' });
      for (const excluded of [base, otherBuilding, otherCategory, cancelled, old]) expect(ids(candidates)).not.toContain(excluded.id);
      expect(ids(ok(await call('needs', 'mergeCandidates', { needId: otherBuilding.id }, staff)))).toEqual([]);

      // Picking the candidate: the existing merge action writes; the merged one is no longer offered.
      const merged = ok(await call('needs', 'merge', { needId: base.id, intoNeedId: dup.id }, staff));
      expect(merged.status).toBe('merged');
      expect(ids(ok(await call('needs', 'mergeCandidates', { needId: dup.id }, staff)))).toEqual([]);

      // Only whoever may merge sees candidates; to anyone else the need does not exist or is not theirs to merge.
      expect(errorCode(await call('needs', 'mergeCandidates', { needId: dup.id }, b1b.openid))).toBe('FORBIDDEN');
      expect(errorCode(await call('needs', 'mergeCandidates', { needId: dup.id }, as('community_staff')))).toBe('NOT_FOUND');
      expect(errorCode(await call('needs', 'mergeCandidates', { needId: 99_999_999 }, staff))).toBe('NOT_FOUND');
    });

    it('for a compound-wide need, offers the compound-wide ones', async () => {
      const sample = await create(b1, 'suggestion', '示例');
      // A compound-wide need has no building (buildingId 0); set two up directly from a filed one.
      const wide = await create(b1, 'safety', '广场舞音响太响');
      const wide2 = await create(b2, 'safety', '广场音响扰民');
      const inBuilding = await create(b2, 'safety', '楼道里有人放音响');
      await db.ds.manager.update(Need, { id: wide.id }, { buildingId: 0, unitId: 0, householdId: 0 });
      await db.ds.manager.update(Need, { id: wide2.id }, { buildingId: 0, unitId: 0, householdId: 0 });
      const candidates = ids(ok(await call('needs', 'mergeCandidates', { needId: wide.id }, staff)));
      expect(candidates).toEqual([wide2.id]);
      expect(candidates).not.toContain(inBuilding.id);
      expect(candidates).not.toContain(sample.id);
    });
  });

  describe('导出台账', () => {
    let server: http.Server;
    let base: string;
    beforeAll(async () => {
      server = createGateway({ ds: db.ds, secret: SECRET, demo: true });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((r) => server.close(r)));
    const period = () => ({ from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() });

    it('carries 需求内容, 位置, 处理结果 and 不予受理原因; a small file comes inline', async () => {
      const rejected = await create(b2, 'suggestion', '希望小区建游泳池');
      await step('reject', { needId: rejected.id, reasonCode: 'out_of_scope', note: '小区无场地' }, staff);
      const file = ok(await call('needs', 'export', { communityId: qili, ...period(), format: 'csv' }, staff));
      expect(file).toMatchObject({ url: null, fileId: null, base64: expect.any(String) });
      expect(file.bytes).toBeLessThanOrEqual(EXPORT_INLINE_MAX_BYTES);
      const rows = parseCsv(Buffer.from(file.base64!, 'base64').toString('utf8').slice(1));
      const col = (name: string) => rows[0].indexOf(name);
      for (const name of ['需求内容', '位置', '处理结果', '不予受理原因']) expect(col(name)).toBeGreaterThan(-1);
      const row = (id: number) => rows.find((r) => r[0] === String(id))!;
      expect(row(rejected.id)[col('不予受理原因')]).toBe('不属于受理范围：小区无场地');
      expect(row(rejected.id)[col('需求内容')]).toBe('希望小区建游泳池');
      expect(row(rejected.id)[col('位置')]).toBe('2栋');
      const done = rows.find((r) => r[col('需求内容')] === '垃圾桶满了没人清')!;
      expect([done[col('处理结果')], done[col('不予受理原因')]]).toEqual(['已清运', '']);
      expect(rows.length - 1).toBe(file.rows);
    });

    it('a large export is stored and returned as a link whose file holds every row', async () => {
      // 600 needs with long, non-repeating descriptions in 江南社区 (otherwise empty).
      const jiangnan = await communityIdOf(db.ds, '江南社区');
      const template = await db.ds.manager.findOneByOrFail(Need, { id: (await walk('queue', { tab: 'all' }, staff, 1))[0].id });
      const { id: _id, ...fields } = template;
      for (let chunk = 0; chunk < 6; chunk++) {
        const rows = Array.from({ length: 100 }, (_, i) => ({
          ...fields,
          communityId: jiangnan,
          description: `台账${chunk * 100 + i}：${noise(480, chunk * 100 + i + 1)}`,
        }));
        await db.ds.manager.insert(Need, rows);
      }
      const expected: number[] = (await db.ds.query('SELECT id FROM needs WHERE communityId = ? ORDER BY id', [jiangnan])).map((r: { id: string | number }) =>
        Number(r.id),
      );
      expect(expected).toHaveLength(600);
      const token = signSession(SECRET, as('admin')).token;
      const exportVia = async (format: 'csv' | 'xlsx') => {
        const res = await fetch(`${base}/api/needs`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ action: 'export', communityId: jiangnan, ...period(), format }),
        });
        const raw = await res.text();
        // The answer is a link, not megabytes of base64.
        expect(raw.length).toBeLessThan(2000);
        const file = ok(JSON.parse(raw) as Envelope<NeedExportDTO>);
        expect(file).toMatchObject({
          base64: null,
          fileId: null,
          rows: 600,
          url: expect.stringMatching(new RegExp(`^/uploads/exports/[0-9a-f]{32}\\.${format}$`)),
        });
        expect(file.bytes).toBeGreaterThan(EXPORT_INLINE_MAX_BYTES);
        const download = await fetch(`${base}${file.url}`);
        expect(download.status).toBe(200);
        expect(download.headers.get('content-type')).toBe(file.mime);
        const body = Buffer.from(await download.arrayBuffer());
        expect(body.length).toBe(file.bytes);
        return body;
      };

      const csv = parseCsv((await exportVia('csv')).toString('utf8').slice(1));
      expect(csv.slice(1).map((r) => Number(r[0]))).toEqual(expected);
      expect(csv[1][csv[0].indexOf('需求内容')]).toMatch(/^台账0：/);

      const parts = unzipSync(new Uint8Array(await exportVia('xlsx')));
      const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
      const numbers = [...sheet.matchAll(/<c r="A(\d+)"><v>(\d+)<\/v><\/c>/g)].map((m) => Number(m[2]));
      expect(numbers).toEqual(expected);

      // The link is unguessable and only serves stored exports.
      expect((await fetch(`${base}/uploads/exports/${'0'.repeat(32)}.csv`)).status).toBe(404);
      expect((await fetch(`${base}/uploads/exports/..%2F..%2Fsecret.csv`)).status).toBe(404);
    });
  });

  it('待处理 only ever lists open needs, whatever else the tests above added', async () => {
    const all = await walk('queue', { tab: 'action' }, staff, 50);
    expect(all.length).toBeGreaterThan(0);
    for (const row of all) expect(OPEN_NEED_STATUSES).toContain(row.status);
  });
});

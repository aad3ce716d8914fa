import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { EntityManager } from 'typeorm';
import type { NeedDetailDTO, NeedSummaryDTO, Page } from '@hg/types';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { clock } from '../../cloud/src/core/clock';
import { Need } from '../../cloud/src/modules/needs/need.entity';
import { localPlatform } from '../../cloud/src/core/platform';
import { timersOf } from '../../cloud/src/core/module';
import { MODULES } from '../../cloud/src/app';
import { runJobs } from '../../cloud/src/modules/timers/actions/run-tick';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { parseCsv } from '../csv';
import {
  as,
  call,
  callRaw,
  categoryId,
  communityIdOf,
  compoundIdOf,
  errorCode,
  homeOf,
  ok,
  orgId,
  personWithRole,
  residentOf,
  storedPhoto,
  createNeedAs,
} from '../factories';

jest.setTimeout(120_000);
process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.each(DIALECTS)('needs lists, board, dashboard and export on %s', (dialect) => {
  let db: TestDb;
  const createNeed = async (who: string, code: string, householdId: number, description: string, extra: Record<string, unknown> = {}) =>
    ok(await createNeedAs({ categoryId: await categoryId(db.ds, code), householdId, description, ...extra }, who));
  const step = async (action: string, input: Record<string, unknown>, who: string) => ok(await callRaw<NeedDetailDTO>('needs', action, input, who));
  const list = async (action: string, input: Record<string, unknown>, who: string) => ok(await callRaw<Page<NeedSummaryDTO>>('needs', action, input, who));
  /** Every id of a list, page by page; fails on a repeated id. */
  const walk = async (action: string, input: Record<string, unknown>, who: string, limit = 3) => {
    const ids: number[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 200; pages++) {
      const page = await list(action, { ...input, limit, ...(cursor ? { cursor } : {}) }, who);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((n) => n.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    return ids;
  };
  const idsWhere = async (sql: string, params: unknown[]) =>
    (await db.ds.query(`SELECT id FROM needs WHERE ${sql} ORDER BY id DESC`, params)).map((r: { id: number | string }) => Number(r.id));
  const userId = async (openid: string) => Number((await db.ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);

  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());
  afterEach(() => clock.reset());

  describe('我的需求 (mine)', () => {
    it('lists what I reported or filed, newest first, open and finished apart, pages without repeats', async () => {
      const home = await homeOf(db.ds, 'resident');
      const mine = [];
      for (let i = 0; i < 4; i++) mine.push(await createNeed(as('resident'), 'suggestion', home, `小区建议第${i + 1}条`));
      await step('cancel', { needId: mine[1].id }, as('resident'));
      const proxy = await createNeed(as('grid_worker'), 'suggestion', home, '网格员代报：楼道堆物', { contactName: '王秀兰', contactPhone: '10000000001' });
      const other = await createNeed(as('resident2'), 'suggestion', await homeOf(db.ds, 'resident2'), '别人的建议');

      const uid = await userId(as('resident'));
      const ids = await walk('mine', {}, as('resident'), 2);
      expect(ids).toEqual(await idsWhere('reporterId = ? OR createdById = ?', [uid, uid]));
      expect(ids).toEqual(expect.arrayContaining([...mine.map((n) => n.id), proxy.id]));
      expect(ids).not.toContain(other.id);

      const open = await walk('mine', { open: true }, as('resident'));
      const finished = await walk('mine', { open: false }, as('resident'));
      expect(finished).toEqual([mine[1].id]);
      expect(open).not.toContain(mine[1].id);
      expect([...open, ...finished].sort()).toEqual([...ids].sort());

      // The grid worker who filed it follows it too; the household's resident is the reporter.
      expect(await walk('mine', {}, as('grid_worker'))).toContain(proxy.id);
      expect(errorCode(await call('needs', 'mine', { cursor: 'bm9wZQ' }, as('resident')))).toBe('INVALID_INPUT');
    });
  });

  describe('接单箱 (inbox)', () => {
    it("shows the receiving organisation's staff their needs, inside their scope only", async () => {
      const home = await homeOf(db.ds, 'resident');
      const pipe = await createNeed(as('resident'), 'pipe', home, '厨房下水道堵塞');
      await step('dispatch', { needId: pipe.id, orgId: await orgId(db.ds, '管网疏通服务队') }, as('community_staff'));
      const repair = await createNeed(as('resident'), 'repair', home, '单元门禁损坏');
      expect(repair.receiver?.name).toBe('阆苑物业服务有限公司');
      // Same firm, another community: 书院名邸 is also served by 阆苑物业.
      const shuyuan = await residentOf(db.ds, 'SYMD01');
      const elsewhere = await createNeed(shuyuan.openid, 'repair', shuyuan.householdId, '书院名邸路灯不亮');
      expect(elsewhere.receiver?.name).toBe('阆苑物业服务有限公司');

      const team = await walk('inbox', {}, as('team_staff'));
      expect(team).toContain(pipe.id);
      expect(team).not.toContain(repair.id);
      const firm = await walk('inbox', {}, as('property_staff'));
      expect(firm).toContain(repair.id);
      expect(firm).not.toContain(pipe.id);
      expect(firm).not.toContain(elsewhere.id);
      expect(await walk('inbox', {}, as('resident2'))).toEqual([]);

      const shuyuanFirmStaff = await personWithRole(
        db.ds,
        'org_staff',
        'community',
        await communityIdOf(db.ds, '书院街社区'),
        await orgId(db.ds, '阆苑物业服务有限公司'),
      );
      expect(await walk('inbox', {}, shuyuanFirmStaff)).toEqual([elsewhere.id]);

      // Status filter follows the need through the flow.
      expect(await walk('inbox', { status: 'accepted' }, as('team_staff'))).not.toContain(pipe.id);
      await step('accept', { needId: pipe.id }, as('team_staff'));
      expect(await walk('inbox', { status: 'accepted' }, as('team_staff'))).toContain(pipe.id);
      expect(await walk('inbox', { status: 'dispatched' }, as('team_staff'))).not.toContain(pipe.id);
    });
  });

  describe('待认领 (claimable)', () => {
    it('offers open needs to party members of the compound only, in claimable categories', async () => {
      const need = await createNeed(as('resident'), 'elderly', await homeOf(db.ds, 'resident'), '独居老人需要代买药品');
      expect(need.status).toBe('open_for_claim');
      expect(await walk('claimable', {}, as('party_member'))).toContain(need.id);
      const communityMember = await personWithRole(db.ds, 'party_member', 'community', await communityIdOf(db.ds, '南街社区'));
      expect(await walk('claimable', {}, communityMember)).toContain(need.id);
      const otherCompound = await personWithRole(db.ds, 'party_member', 'compound', await compoundIdOf(db.ds, 'NJLY02'));
      expect(await walk('claimable', {}, otherCompound)).toEqual([]);
      expect(errorCode(await call('needs', 'claimable', {}, as('resident')))).toBe('FORBIDDEN');

      // A category switched off for claiming disappears from the list.
      await db.ds.query("UPDATE need_categories SET partyClaimable = ? WHERE code = 'elderly'", [false]);
      expect(await walk('claimable', {}, as('party_member'))).not.toContain(need.id);
      await db.ds.query("UPDATE need_categories SET partyClaimable = ? WHERE code = 'elderly'", [true]);

      await step('claim', { needId: need.id }, as('party_member'));
      expect(await walk('claimable', {}, as('party_member'))).not.toContain(need.id);
      expect(await walk('inbox', {}, as('party_member'))).toContain(need.id);
    });
  });

  describe('社区派单台 (queue)', () => {
    it('is for staff, and shows each of them their communities only', async () => {
      const nanjie = await communityIdOf(db.ds, '南街社区');
      const neidong = await communityIdOf(db.ds, '内东街社区');
      const ndHousehold = Number(
        (await db.ds.query("SELECT h.id FROM households h JOIN compounds c ON c.id = h.compoundId WHERE c.code = 'NDJ301' ORDER BY h.id"))[0].id,
      );
      const nd = await createNeed(as('community_staff_nd'), 'suggestion', ndHousehold, '内东街3号院：健身器材损坏', {
        contactName: '刘大爷',
        contactPhone: '10000008888',
      });
      await createNeed(as('resident'), 'suggestion', await homeOf(db.ds, 'resident'), '南街：增加晾衣架');

      for (const who of ['resident', 'team_staff', 'party_member', 'building_head']) {
        expect([who, errorCode(await call('needs', 'queue', {}, as(who)))]).toEqual([who, 'FORBIDDEN']);
      }
      const nanjieIds = await walk('queue', {}, as('community_staff'));
      expect(nanjieIds).toEqual(await idsWhere('communityId = ?', [nanjie]));
      expect(nanjieIds).not.toContain(nd.id);
      expect(await walk('queue', {}, as('community_staff_nd'))).toEqual([nd.id]);
      expect(errorCode(await call('needs', 'queue', { communityId: neidong }, as('community_staff')))).toBe('FORBIDDEN');
      expect(errorCode(await call('needs', 'queue', { compoundId: await compoundIdOf(db.ds, 'NDJ301') }, as('community_staff')))).toBe('FORBIDDEN');

      // Street staff see every community of their street (one keyset walk across them); admin all.
      const street = await walk('queue', {}, as('street_staff'), 4);
      expect(street).toEqual(
        await idsWhere('communityId IN (SELECT id FROM communities WHERE streetId = (SELECT streetId FROM communities WHERE id = ?))', [nanjie]),
      );
      expect(street).toContain(nd.id);
      expect(await walk('queue', { communityId: neidong }, as('admin'))).toEqual([nd.id]);
      expect(await walk('queue', {}, as('admin'), 10)).toEqual(await idsWhere('1 = 1', []));
    });

    it('filters by status, level, category, compound and overdue', async () => {
      const home = await homeOf(db.ds, 'resident');
      const safety = await createNeed(as('resident'), 'safety', home, '消防通道被占用');
      await step('dispatch', { needId: safety.id, orgId: await orgId(db.ds, '阆中市综合行政执法局') }, as('community_staff'));
      const jinping = await compoundIdOf(db.ds, 'NJJP01');

      const byStatus = await list('queue', { status: 'submitted', limit: 100 }, as('community_staff'));
      expect(byStatus.items.length).toBeGreaterThan(0);
      expect(byStatus.items.every((n) => n.status === 'submitted')).toBe(true);
      const safetyCategory = await categoryId(db.ds, 'safety');
      expect((await list('queue', { categoryId: safetyCategory }, as('community_staff'))).items.map((n) => n.id)).toEqual([safety.id]);
      expect((await list('queue', { compoundId: jinping, limit: 100 }, as('community_staff'))).items.every((n) => n.compound.id === jinping)).toBe(true);
      expect((await list('queue', { level: 'street' }, as('community_staff'))).items).toEqual([]);
      expect((await list('queue', { overdue: true }, as('community_staff'))).items).toEqual([]);

      // Ninety minutes later only the one-hour safety need has missed its accept deadline.
      clock.advance(90 * MINUTE);
      const overdue = await list('queue', { overdue: true }, as('community_staff'));
      expect(overdue.items.map((n) => [n.id, n.overdue])).toEqual([[safety.id, true]]);
    });
  });

  describe('七里社区: board, dashboard and export', () => {
    const MARK = '隐私描述勿公开';
    let qili: number;
    let staff: string;
    let resident: { openid: string; householdId: number };
    let firm: number;
    let firmStaff: string;
    const n: Record<string, NeedDetailDTO> = {};

    beforeAll(async () => {
      qili = await communityIdOf(db.ds, '七里社区');
      staff = await personWithRole(db.ds, 'community_staff', 'community', qili, 0, '七里社工');
      resident = await residentOf(db.ds, 'QLHF01', 0, '钱多多', '10000007777');
      firm = await orgId(db.ds, '嘉陵物业管理有限公司');
      firmStaff = await personWithRole(db.ds, 'org_staff', 'community', qili, firm, '嘉陵维修工');

      for (const key of ['fixed', 'rejected', 'cancelled', 'merged', 'open', 'escalated']) {
        n[key] = await createNeed(resident.openid, 'suggestion', resident.householdId, `${MARK}：${key}`);
      }
      // Three counted urges (one per five minutes) lift one need off the building level — urges
      // count toward escalation only once the accept deadline has passed, so this one is overdue.
      await db.ds.manager.update(Need, { id: n.escalated.id }, { acceptDueAt: new Date(clock.now().getTime() - MINUTE) });
      for (let i = 0; i < 3; i++) {
        await step('urge', { needId: n.escalated.id }, resident.openid);
        clock.advance(6 * MINUTE);
      }
      clock.advance(12 * MINUTE); // t0 + 30 min: first response
      for (const key of ['fixed', 'escalated']) {
        await step('dispatch', { needId: n[key].id, orgId: firm }, staff);
        await step('accept', { needId: n[key].id }, firmStaff);
      }
      await step('reject', { needId: n.rejected.id, reasonCode: 'out_of_scope' }, staff);
      await step('cancel', { needId: n.cancelled.id }, resident.openid);
      await step('merge', { needId: n.merged.id, intoNeedId: n.open.id }, staff);
      clock.advance(90 * MINUTE); // t0 + 120 min: resolved
      for (const key of ['fixed', 'escalated']) {
        await step('start', { needId: n[key].id }, firmStaff);
        await step('resolve', { needId: n[key].id, note: '已处理', photoIds: [storedPhoto(key)] }, firmStaff);
      }
      await step('rate', { needId: n.fixed.id, stars: 4, comment: '师傅很专业' }, resident.openid);
      // Sent back once, resolved again two hours later: completion counts to the last 办结.
      clock.advance(60 * MINUTE);
      await step('reopen', { needId: n.escalated.id, reason: '还是漏水' }, resident.openid);
      clock.advance(60 * MINUTE); // t0 + 240 min
      await step('resolve', { needId: n.escalated.id, note: '再次处理', photoIds: [storedPhoto('again')] }, firmStaff);
      clock.reset();
    });

    const period = () => ({ from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + 30 * DAY).toISOString() });

    it('board: counts per category, fixed and unfixed apart, and nothing personal', async () => {
      const compound = await compoundIdOf(db.ds, 'QLHF01');
      // Any signed-in user may read it, a resident of another compound too.
      const board = ok(await call('needs', 'board', { compoundId: compound }, as('resident')));
      expect(board).toEqual({
        compound: { id: compound, name: '七里还房小区' },
        building: null,
        days: 30,
        // The merged duplicate counts nowhere: its problem is the surviving (open) need's.
        rows: [{ categoryId: await categoryId(db.ds, 'suggestion'), categoryName: '意见建议', open: 1, resolved: 2, unfixed: 2 }],
        totals: { open: 1, resolved: 2, unfixed: 2, settledInBuilding: 1 },
      });
      const json = JSON.stringify(board);
      for (const secret of ['钱多多', '10000007777', MARK, '师傅很专业', '还是漏水', '嘉陵维修工', '七里社工']) expect(json).not.toContain(secret);
      expect(json).not.toMatch(/1\d{10}/);

      const [{ buildingId }] = await db.ds.query('SELECT buildingId FROM households WHERE id = ?', [resident.householdId]);
      const inBuilding = ok(await call('needs', 'board', { compoundId: compound, buildingId: Number(buildingId), days: 7 }, as('resident')));
      expect(inBuilding).toMatchObject({ building: { id: Number(buildingId), name: '1栋' }, days: 7, totals: board.totals });
      const [{ id: otherBuilding }] = await db.ds.query('SELECT id FROM buildings WHERE compoundId = ? AND id <> ? ORDER BY id', [compound, buildingId]);
      expect(ok(await call('needs', 'board', { compoundId: compound, buildingId: Number(otherBuilding) }, as('resident')))).toMatchObject({
        rows: [],
        totals: { open: 0, resolved: 0, unfixed: 0, settledInBuilding: 0 },
      });
      const jinpingBuilding = Number((await db.ds.query("SELECT b.id FROM buildings b JOIN compounds c ON c.id = b.compoundId WHERE c.code = 'NJJP01'"))[0].id);
      expect(errorCode(await call('needs', 'board', { compoundId: compound, buildingId: jinpingBuilding }, as('resident')))).toBe('NOT_FOUND');
      expect(errorCode(await call('needs', 'board', { compoundId: 999999 }, as('resident')))).toBe('NOT_FOUND');
      expect(errorCode(await call('needs', 'board', { compoundId: compound }))).toBe('UNAUTHENTICATED');
    });

    it('dashboard: solved and unfixed apart, medians, building share, ratings given', async () => {
      const stats = ok(await call('needs', 'stats', period(), staff));
      expect(stats).toMatchObject({ created: 6, solved: 2, unfixed: 2, merged: 1, open: 1, buildingLevelShare: 0.5, averageRating: 4, ratedCount: 1 });
      expect(stats).toMatchObject({ escalated: 1, overdue: 0 });
      expect(stats.medianFirstResponseMinutes).toBeCloseTo(30, 0);
      // fixed: 120 min; escalated: reopened and resolved again at 240 min → median 180.
      expect(stats.medianCompletionMinutes).toBeCloseTo(180, 0);
      expect(stats.byCommunity).toEqual([{ id: qili, name: '七里社区', created: 6, solved: 2, unfixed: 2, buildingLevelShare: 0.5 }]);
      expect(stats.byReceiver).toEqual([
        { kind: 'org', id: firm, name: '嘉陵物业管理有限公司', solved: 2, medianCompletionMinutes: expect.closeTo(180, 0), averageRating: 4 },
      ]);

      expect(ok(await call('needs', 'stats', { ...period(), communityId: qili }, as('admin')))).toMatchObject({ created: 6, solved: 2, unfixed: 2 });
      const street = ok(await call('needs', 'stats', period(), as('street_staff')));
      expect(street.byCommunity.map((c) => c.name)).toEqual(['南街社区', '内东街社区', '书院街社区']);

      expect(errorCode(await call('needs', 'stats', { ...period(), communityId: await communityIdOf(db.ds, '南街社区') }, staff))).toBe('FORBIDDEN');
      expect(errorCode(await call('needs', 'stats', { ...period(), communityId: qili }, as('community_staff')))).toBe('FORBIDDEN');
      for (const who of ['resident', 'property_staff', 'compound_head']) expect(errorCode(await call('needs', 'stats', period(), as(who)))).toBe('FORBIDDEN');
      const { from } = period();
      expect(errorCode(await call('needs', 'stats', { from, to: from }, staff))).toBe('INVALID_INPUT');
      expect(errorCode(await call('needs', 'stats', { from, to: new Date(Date.now() + 400 * DAY).toISOString() }, staff))).toBe('INVALID_INPUT');
    });

    it('export CSV: BOM, RFC 4180 quoting, formula guard, what was asked and how it ended, no names or phones', async () => {
      // A name that a spreadsheet would run as a formula, with a comma and quotes to quote.
      const evil = '=HYPERLINK("http://x.example","点我")';
      await db.ds.query("UPDATE compounds SET name = ? WHERE code = 'QLHF01'", [evil]);
      try {
        const file = ok(await call('needs', 'export', { communityId: qili, ...period(), format: 'csv' }, staff));
        expect(file).toMatchObject({
          mime: 'text/csv; charset=utf-8',
          rows: 6,
          filename: expect.stringMatching(/^七里社区需求台账_\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.csv$/),
        });
        const bytes = Buffer.from(file.base64!, 'base64');
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.toString('utf8').slice(1);
        expect(text).toContain('"\'=HYPERLINK(""http://x.example"",""点我"")"');
        const rows = parseCsv(text);
        expect(rows[0]).toEqual([
          '编号',
          '类别',
          '清单',
          '小区',
          '楼栋',
          '位置',
          '需求内容',
          '状态',
          '层级',
          '渠道',
          '接单方',
          '创建时间',
          '首次响应时间',
          '办结时间',
          '评分',
          '催办次数',
          '重开次数',
          '处理结果',
          '不予受理原因',
        ]);
        expect(rows).toHaveLength(7);
        const fixed = rows.find((r) => r[0] === String(n.fixed.id))!;
        expect(fixed).toEqual([
          String(n.fixed.id),
          '意见建议',
          '问题清单',
          `'${evil}`,
          '1栋',
          '1栋',
          `${MARK}：fixed`,
          '已评单',
          '楼栋',
          '居民自报',
          '嘉陵物业管理有限公司',
          expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
          expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
          expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
          '4',
          '0',
          '0',
          '已处理',
          '',
        ]);
        expect(rows.find((r) => r[0] === String(n.escalated.id))).toEqual(expect.arrayContaining(['小区', '3', '1', '再次处理']));
        expect(rows.find((r) => r[0] === String(n.open.id))![13]).toBe('');
        expect(rows.find((r) => r[0] === String(n.rejected.id))!.slice(-2)).toEqual(['', '不属于受理范围']);
        for (const secret of ['钱多多', '10000007777', '师傅很专业']) expect(text).not.toContain(secret);
      } finally {
        await db.ds.query("UPDATE compounds SET name = '七里还房小区' WHERE code = 'QLHF01'");
      }
    });

    it('export XLSX: a zip with the workbook parts and one row per need', async () => {
      const file = ok(await call('needs', 'export', { communityId: qili, ...period(), format: 'xlsx' }, as('admin')));
      expect(file).toMatchObject({
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        rows: 6,
        filename: expect.stringMatching(/\.xlsx$/),
      });
      const bytes = Buffer.from(file.base64!, 'base64');
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      const parts = unzipSync(new Uint8Array(bytes));
      expect(Object.keys(parts).sort()).toEqual([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ]);
      const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
      expect(sheet.match(/<row /g)).toHaveLength(7);
      expect(sheet).toContain('<t xml:space="preserve">编号</t>');
      expect(sheet).toContain(`<v>${n.fixed.id}</v>`);
      expect(sheet).toContain('七里还房小区');
      expect(sheet).not.toContain('钱多多');
      expect(strFromU8(parts['xl/workbook.xml'])).toContain('name="需求台账"');
    });

    it('export is for staff over the community', async () => {
      const input = { communityId: qili, ...period(), format: 'csv' };
      for (const who of ['resident', 'community_staff', 'street_staff', 'property_staff']) {
        expect([who, errorCode(await callRaw('needs', 'export', input, as(who)))]).toEqual([who, 'FORBIDDEN']);
      }
      expect(errorCode(await callRaw('needs', 'export', { ...input, format: 'pdf' }, staff))).toBe('INVALID_INPUT');
    });

    it('an auto-closed unrated need stays solved and never counts as stars', async () => {
      const before = ok(await call('needs', 'stats', period(), staff));
      clock.advance(8 * DAY);
      const result = await runJobs(
        { ds: db.ds, tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work), platform: localPlatform('http://test.local/') },
        timersOf(MODULES),
        clock.now(),
      );
      expect(result.autoClosed).toBeGreaterThanOrEqual(1);
      const [{ status, rating }] = await db.ds.query('SELECT status, rating FROM needs WHERE id = ?', [n.escalated.id]);
      expect([status, rating]).toEqual(['closed', null]);
      const after = ok(await call('needs', 'stats', period(), staff));
      expect(after).toMatchObject({ solved: 2, averageRating: 4, ratedCount: 1 });
      expect(after.averageRating).toBe(before.averageRating);
      const board = ok(await call('needs', 'board', { compoundId: await compoundIdOf(db.ds, 'QLHF01'), days: 30 }, as('resident')));
      expect(board.totals).toMatchObject({ resolved: 2, unfixed: 2 });
    });
  });

  // Last: it adds 65,536 rows that every list above would otherwise walk through.
  describe('export cap', () => {
    it('refuses an export over 50,000 rows and asks for a shorter period', async () => {
      // 2^16 copies of one need, in an otherwise empty community.
      const jiangnan = await communityIdOf(db.ds, '江南社区');
      const [first] = await db.ds.query('SELECT * FROM needs ORDER BY id LIMIT 1');
      const columns = Object.keys(first)
        .filter((c) => c !== 'id' && c !== 'communityId')
        .map((c) => `\`${c}\``)
        .join(', ');
      await db.ds.query(`INSERT INTO needs (communityId, ${columns}) SELECT ?, ${columns} FROM needs WHERE id = ?`, [jiangnan, first.id]);
      for (let i = 0; i < 16; i++)
        await db.ds.query(`INSERT INTO needs (communityId, ${columns}) SELECT communityId, ${columns} FROM needs WHERE communityId = ?`, [jiangnan]);

      const empty = ok(
        await call('needs', 'export', { communityId: jiangnan, from: '2000-01-01T00:00:00Z', to: '2000-12-31T00:00:00Z', format: 'xlsx' }, as('admin')),
      );
      expect(empty.rows).toBe(0);
      const tooMany = await call(
        'needs',
        'export',
        { communityId: jiangnan, from: new Date(Date.now() - 300 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString(), format: 'csv' },
        as('admin'),
      );
      expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'to' }, message: expect.stringContaining('65536') } });
    });
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction } from '../../cloud/src/core/action';
import { clock } from '../../cloud/src/core/clock';
import { localPlatform } from '../../cloud/src/core/platform';
import { FUNCTIONS } from '../../cloud/src/app';
import { Grids1766600000100 } from '../../cloud/src/modules/grids/migrations/1766600000100-Grids';
import { planVisits } from '../../cloud/src/modules/grids/plans';
import { GridScopes1766600000000 } from '../../cloud/src/modules/identity/migrations/1766600000000-GridScopes';
import { localDay } from '@hg/types/local-time';
import { countRows, createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, callRaw, errorCode, newcomer, ok, storedPhoto } from '../factories';

jest.setTimeout(180_000);

const HOUR = 3600 * 1000;
const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());
const rid = () => `visit-${crypto.randomBytes(6).toString('hex')}`;

/**
 * 红色网格 (issue 19 items 2–3): community staff draw grids, cover buildings and units and put grid
 * workers on them; a grid worker's 代办 reaches their grids' households only, and a coverage or
 * assignment change counts from the next call; visits are idempotent by request id, locked after
 * 24 hours and corrected with a reason; a finding becomes a need exactly once under parallel taps.
 */
describe.each(DIALECTS)('grids on %s', (dialect) => {
  let db: TestDb;
  const one = async <T>(sql: string, params: unknown[] = []) => ((await db.ds.query(sql, params)) as T[])[0];
  const idOf = async (sql: string, params: unknown[]) => Number((await one<{ id: number | string }>(sql, params)).id);
  const building = (code: string) => idOf('SELECT id FROM buildings WHERE code = ?', [code]);
  const unitOf = (buildingCode: string, name: string) =>
    idOf('SELECT u.id AS id FROM units u JOIN buildings b ON b.id = u.buildingId WHERE b.code = ? AND u.name = ?', [buildingCode, name]);
  const community = (name: string) => idOf('SELECT id FROM communities WHERE name = ?', [name]);
  const staff = as('community_staff');

  let phoneSeq = 0;
  async function person(name: string) {
    const openid = newcomer();
    const phone = `1391000${String(++phoneSeq + (dialect === 'mysql' ? 5000 : 0)).padStart(4, '0')}`;
    const me = ok(await call('me', 'update', { name, phone }, openid));
    return { openid, phone, id: me.id };
  }
  /** A grid worker of 南街社区, appointed through 人员任命. */
  async function gridWorker(name: string) {
    const p = await person(name);
    ok(await call('appointments', 'appoint', { role: 'grid_worker', scopeLevel: 'community', scopeId: await community('南街社区'), phone: p.phone }, staff));
    return p;
  }
  const lookup = async (buildingCode: string, unit: string, room: string, openid: string) => call('households', 'lookup', { unitId: await unitOf(buildingCode, unit), room }, openid);

  let nanjie: number;
  let category: number;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    nanjie = await community('南街社区');
    category = await idOf('SELECT id FROM need_categories WHERE active = ? ORDER BY id', [true]);
  });
  afterAll(() => db.drop());
  afterEach(() => clock.reset());

  it('a worker reaches only their grids’ households; coverage and assignment changes count at the next call', async () => {
    const w = await gridWorker('赵网格');
    // Before this community draws grids, its grid workers act across it (as the demo's 张丽 does).
    ok(await lookup('NJJP0102', '2单元', '301', w.openid));

    const grid = ok(await call('grids', 'create', { communityId: nanjie, kind: 'visits', name: '锦屏一网格' }, staff));
    expect(grid).toMatchObject({ kind: 'visits', kindLabel: '民情走访', communityName: '南街社区', coverage: [], workers: [], can: ['manage'] });
    ok(await call('grids', 'addCoverage', { gridId: grid.id, buildingId: await building('NJJP0101') }, staff));
    const withUnit = ok(await call('grids', 'addCoverage', { gridId: grid.id, buildingId: await building('NJJP0102'), unitId: await unitOf('NJJP0102', '1单元') }, staff));
    expect(withUnit.coverage.map((c) => c.placeName)).toEqual(['锦屏花园 1栋', '锦屏花园 2栋1单元']);

    // Grids drawn, but not on one yet: nothing.
    expect(errorCode(await lookup('NJJP0101', '1单元', '101', w.openid))).toBe('FORBIDDEN');
    const assigned = ok(await call('grids', 'assign', { gridId: grid.id, phone: w.phone, note: '负责锦屏花园' }, staff));
    expect(assigned.workers).toEqual([expect.objectContaining({ userId: w.id, name: '赵网格', endedAt: null, note: '负责锦屏花园' })]);

    ok(await lookup('NJJP0101', '1单元', '101', w.openid));
    ok(await lookup('NJJP0102', '1单元', '101', w.openid));
    expect(errorCode(await lookup('NJJP0102', '2单元', '301', w.openid))).toBe('FORBIDDEN');
    // 代办 in needs reads the same rule.
    const inside = ok(await lookup('NJJP0102', '1单元', '102', staff)).householdId;
    const far = ok(await lookup('NJJP0102', '2单元', '302', staff)).householdId;
    const filed = ok(await call('needs', 'create', { categoryId: category, householdId: inside, description: '楼道灯坏了', contactName: '刘大妈', contactPhone: '10000000301' }, w.openid));
    expect(filed.id).toBeGreaterThan(0);
    expect(errorCode(await call('needs', 'create', { categoryId: category, householdId: far, description: '楼道灯坏了', contactName: '刘大妈', contactPhone: '10000000301' }, w.openid))).toBe(
      'FORBIDDEN',
    );
    // The grids list of the worker: their grid, to visit.
    expect(ok(await call('grids', 'list', {}, w.openid)).items).toEqual([expect.objectContaining({ id: grid.id, can: ['visit'] })]);

    // Coverage taken away: refused at the very next call; the row stays as history.
    const b1 = withUnit.coverage.find((c) => c.placeName === '锦屏花园 1栋')!;
    const ended = ok(await call('grids', 'endCoverage', { gridId: grid.id, coverageId: b1.id, reason: '划入二网格' }, staff));
    expect(ended.coverage.find((c) => c.id === b1.id)).toMatchObject({ endReason: '划入二网格' });
    expect(errorCode(await lookup('NJJP0101', '1单元', '101', w.openid))).toBe('FORBIDDEN');
    expect(errorCode(await call('grids', 'endCoverage', { gridId: grid.id, coverageId: b1.id, reason: '再结束一次' }, staff))).toBe('NOT_FOUND');
    ok(await call('grids', 'addCoverage', { gridId: grid.id, buildingId: await building('NJJP0101') }, staff));
    ok(await lookup('NJJP0101', '1单元', '101', w.openid));

    // Off the grid: nothing again.
    const row = ok(await call('grids', 'get', { gridId: grid.id }, staff)).workers[0];
    ok(await call('grids', 'unassign', { gridId: grid.id, assignmentId: row.id, reason: '调往内东街' }, staff));
    expect(errorCode(await lookup('NJJP0102', '1单元', '101', w.openid))).toBe('FORBIDDEN');
    expect(errorCode(await call('grids', 'get', { gridId: grid.id }, w.openid))).toBe('NOT_FOUND');
  });

  it('only the community’s staff change grids; bad input writes nothing', async () => {
    const grid = ok(await call('grids', 'create', { communityId: nanjie, kind: 'safety', name: '平安网格' }, staff));
    for (const who of [as('grid_worker'), as('resident'), as('community_staff_nd')])
      expect(errorCode(await call('grids', 'create', { communityId: nanjie, kind: 'policy', name: '越权' }, who))).toBe('FORBIDDEN');
    expect(errorCode(await call('grids', 'addCoverage', { gridId: grid.id, buildingId: await building('NJJP0101') }, as('community_staff_nd')))).toBe('FORBIDDEN');
    const before = await countRows(db.ds, 'grid_coverage');
    const otherCommunity = await idOf('SELECT b.id AS id FROM buildings b JOIN compounds c ON c.id = b.compoundId WHERE c.communityId <> ? ORDER BY b.id', [nanjie]);
    const res = await call('grids', 'addCoverage', { gridId: grid.id, buildingId: otherCommunity }, staff);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'buildingId' } } });
    expect(errorCode(await call('grids', 'addCoverage', { gridId: grid.id, buildingId: await building('NJJP0101'), unitId: await unitOf('NJJP0102', '1单元') }, staff))).toBe(
      'INVALID_INPUT',
    );
    expect(errorCode(await callRaw('grids', 'create', { communityId: nanjie, kind: 'sports', name: 'x' }, staff))).toBe('INVALID_INPUT');
    expect(await countRows(db.ds, 'grid_coverage')).toBe(before);
    // Not a grid worker of the community: cannot be put on a grid.
    const stranger = await person('钱路人');
    expect(errorCode(await call('grids', 'assign', { gridId: grid.id, phone: stranger.phone }, staff))).toBe('INVALID_INPUT');
  });

  it('one live assignment per worker and grid, and one coverage row per place, under parallel calls', async () => {
    const w = await gridWorker('孙并发');
    const grid = ok(await call('grids', 'create', { communityId: nanjie, kind: 'service', name: '服务网格' }, staff));
    const assigns = await Promise.all(Array.from({ length: 5 }, () => call('grids', 'assign', { gridId: grid.id, phone: w.phone }, staff)));
    expect(assigns.filter((r) => r.ok)).toHaveLength(1);
    expect(assigns.filter((r) => !r.ok).map(errorCode)).toEqual(Array(4).fill('CONFLICT'));
    const b = await building('NJJP0101');
    const adds = await Promise.all(Array.from({ length: 4 }, () => call('grids', 'addCoverage', { gridId: grid.id, buildingId: b }, staff)));
    expect(adds.filter((r) => r.ok)).toHaveLength(1);
    const live = await one<{ n: number | string }>('SELECT COUNT(1) AS n FROM grid_assignments WHERE gridId = ? AND endedAt IS NULL', [grid.id]);
    expect(Number(live.n)).toBe(1);
    const cov = await one<{ n: number | string }>('SELECT COUNT(1) AS n FROM grid_coverage WHERE gridId = ? AND endedAt IS NULL', [grid.id]);
    expect(Number(cov.n)).toBe(1);
  });

  describe('visits', () => {
    let w: { openid: string; phone: string; id: number };
    let gridId: number;
    let home: number;
    beforeAll(async () => {
      w = await gridWorker('周走访');
      const grid = ok(await call('grids', 'create', { communityId: nanjie, kind: 'visits', name: '走访网格' }, staff));
      gridId = grid.id;
      ok(await call('grids', 'addCoverage', { gridId, buildingId: await building('NJJP0102') }, staff));
      ok(await call('grids', 'assign', { gridId, phone: w.phone }, staff));
      home = ok(await lookup('NJJP0102', '2单元', '501', staff)).householdId;
    });
    const visit = (over: Record<string, unknown> = {}) => ({
      requestId: rid(),
      gridId,
      householdId: home,
      kind: 'routine' as const,
      way: 'home' as const,
      visitedAt: clock.now().toISOString(),
      minutes: 20,
      contactMade: true,
      findings: [] as { category: 'facility' | 'hardship'; count: number; text?: string; solved: boolean }[],
      ...over,
    });

    it('a visit with no findings records without typing; a retried request gets the same visit, once', async () => {
      const input = visit();
      const [a, b] = await Promise.all([call('grids', 'recordVisit', input, w.openid), call('grids', 'recordVisit', input, w.openid)]);
      expect(ok(a).id).toBe(ok(b).id);
      expect(ok(a)).toMatchObject({ wayLabel: '入户', kindLabel: '日常走访', contactMade: true, findings: [], locked: false, can: ['edit', 'correct'], worker: { name: '周走访' } });
      expect(ok(a).placeName).toBe('锦屏花园 2栋2单元501');
      const rows = await one<{ n: number | string }>('SELECT COUNT(1) AS n FROM grid_visits WHERE requestId = ?', [input.requestId]);
      expect(Number(rows.n)).toBe(1);
    });

    it('refuses places outside the grid and workers not on it, writing nothing', async () => {
      const before = await countRows(db.ds, 'grid_visits');
      const elsewhere = ok(await lookup('NJJP0101', '1单元', '101', staff)).householdId;
      expect(await call('grids', 'recordVisit', visit({ householdId: elsewhere }), w.openid)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'householdId' } } });
      expect(errorCode(await call('grids', 'recordVisit', visit(), as('grid_worker')))).toBe('FORBIDDEN');
      expect(errorCode(await call('grids', 'recordVisit', visit({ minutes: 0 }), w.openid))).toBe('INVALID_INPUT');
      expect(errorCode(await callRaw('grids', 'recordVisit', { ...visit(), householdId: undefined }, w.openid))).toBe('INVALID_INPUT');
      expect(await countRows(db.ds, 'grid_visits')).toBe(before);
    });

    it('is edited within 24 hours, locked after; a correction is appended with before and after', async () => {
      const v = ok(await call('grids', 'recordVisit', visit({ findings: [{ category: 'facility', count: 1, solved: true }] }), w.openid));
      const edited = ok(await call('grids', 'editVisit', { visitId: v.id, minutes: 35, notes: '老人腿脚不便' }, w.openid));
      expect(edited).toMatchObject({ minutes: 35, notes: '老人腿脚不便' });
      expect(errorCode(await call('grids', 'editVisit', { visitId: v.id, minutes: 40 }, as('grid_worker')))).toBe('NOT_FOUND');

      clock.advance(25 * HOUR);
      expect(errorCode(await call('grids', 'editVisit', { visitId: v.id, minutes: 50 }, w.openid))).toBe('INVALID_TRANSITION');
      const locked = ok(await call('grids', 'visit', { visitId: v.id }, w.openid));
      expect(locked).toMatchObject({ minutes: 35, locked: true, can: ['correct'] });

      expect(errorCode(await callRaw('grids', 'correctVisit', { visitId: v.id, minutes: 50 }, w.openid))).toBe('INVALID_INPUT');
      const corrected = ok(await call('grids', 'correctVisit', { visitId: v.id, minutes: 50, contactMade: false, reason: '记录有误：实际未见到本人' }, w.openid));
      expect(corrected).toMatchObject({ minutes: 50, contactMade: false });
      expect(corrected.corrections).toEqual([
        expect.objectContaining({ reason: '记录有误：实际未见到本人', byName: '周走访', before: { minutes: 35, contactMade: true }, after: { minutes: 50, contactMade: false } }),
      ]);
      // Staff over the grid may correct too; a stranger may not even see it.
      ok(await call('grids', 'correctVisit', { visitId: v.id, notes: '已电话核实', reason: '补充核实情况' }, staff));
      expect(ok(await call('grids', 'visit', { visitId: v.id }, staff)).corrections).toHaveLength(2);
      expect(errorCode(await call('grids', 'correctVisit', { visitId: v.id, minutes: 1, reason: '乱改' }, as('community_staff_nd')))).toBe('NOT_FOUND');
      // The worker's visits as staff see them.
      const list = ok(await call('grids', 'visits', { workerId: w.id }, staff));
      expect(list.items.map((x) => x.id)).toContain(v.id);
      expect(ok(await call('grids', 'visits', { workerId: w.id }, as('community_staff_nd'))).items).toEqual([]);
    });

    it('a finding not solved on the spot becomes one need under parallel taps — the worker filing, the household called back', async () => {
      const v = ok(
        await call(
          'grids',
          'recordVisit',
          visit({ findings: [{ category: 'hardship', count: 1, text: '独居老人家中水管漏水', solved: false }, { category: 'facility', count: 2, solved: true }] }),
          w.openid,
        ),
      );
      expect(v.can).toContain('fileNeed');
      const [open, solved] = v.findings;
      const needsBefore = await countRows(db.ds, 'needs');
      const taps = await Promise.all(
        Array.from({ length: 6 }, () => call('grids', 'fileFinding', { findingId: open.id, categoryId: category, contactName: '陈奶奶', contactPhone: '10000000502' }, w.openid)),
      );
      const needIds = new Set(taps.map((t) => ok(t).needId));
      expect(needIds.size).toBe(1);
      expect(taps.filter((t) => ok(t).created)).toHaveLength(1);
      expect(await countRows(db.ds, 'needs')).toBe(needsBefore + 1);
      const [needId] = [...needIds];
      const need = await one<{ householdId: number; createdById: number; channel: string; description: string }>(
        'SELECT householdId, createdById, channel, description FROM needs WHERE id = ?',
        [needId],
      );
      expect({ ...need, householdId: Number(need.householdId), createdById: Number(need.createdById) }).toEqual({
        householdId: home,
        createdById: w.id,
        channel: 'grid_worker',
        description: '网格走访发现（生活困难）：独居老人家中水管漏水',
      });
      const after = ok(await call('grids', 'visit', { visitId: v.id }, w.openid));
      expect(after.findings[0].needId).toBe(needId);
      expect(after.can).not.toContain('fileNeed');
      expect(errorCode(await call('grids', 'fileFinding', { findingId: solved.id, categoryId: category }, w.openid))).toBe('INVALID_TRANSITION');
      expect(errorCode(await call('grids', 'fileFinding', { findingId: open.id, categoryId: category }, as('grid_worker')))).toBe('NOT_FOUND');
    });

    it('keeps photos and a voice note with the visit; an upload that is not there is refused; the voice timer marks notes skipped while transcription is off', async () => {
      process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-grids-'));
      const photo = storedPhoto('grid-visit-photo');
      const sha = crypto.createHash('sha256').update('grid-visit-voice').digest('hex');
      fs.writeFileSync(path.join(process.env.UPLOAD_DIR, `${sha}.wav`), Buffer.from('RIFF'));
      const note = { fileId: `local/${sha}.wav`, durationSec: 6 };
      const before = await countRows(db.ds, 'grid_visits');
      expect(await call('grids', 'recordVisit', visit({ photoIds: [storedPhoto('a').replace(/.{8}\.jpg$/, '00000000.jpg')] }), w.openid)).toMatchObject({
        ok: false,
        error: { details: { field: 'photoIds' } },
      });
      expect(await call('grids', 'recordVisit', visit({ voiceNote: { fileId: `local/${'c'.repeat(64)}.wav`, durationSec: 3 } }), w.openid)).toMatchObject({
        ok: false,
        error: { details: { field: 'voiceNote' } },
      });
      expect(await countRows(db.ds, 'grid_visits')).toBe(before);
      const v = ok(await call('grids', 'recordVisit', visit({ photoIds: [photo], voiceNote: note }), w.openid));
      expect(v.photos.map((p) => p.fileId)).toEqual([photo]);
      expect(v.voiceNote).toMatchObject({ fileId: note.fileId, durationSec: 6, transcript: null });
      await tick();
      const row = await one<{ transcriptStatus: string }>('SELECT transcriptStatus FROM grid_visit_voice_notes WHERE visitId = ?', [v.id]);
      expect(row.transcriptStatus).toBe('skipped');
    });

    it('a household without a verified member needs a name and phone to call back, and nothing is filed without them', async () => {
      const empty = ok(await lookup('NJJP0102', '1单元', '1601', staff)).householdId;
      const v = ok(await call('grids', 'recordVisit', visit({ householdId: empty, findings: [{ category: 'hardship', count: 1, solved: false }] }), w.openid));
      const needsBefore = await countRows(db.ds, 'needs');
      expect(await call('grids', 'fileFinding', { findingId: v.findings[0].id, categoryId: category }, w.openid)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'contactName' } },
      });
      expect(errorCode(await call('grids', 'fileFinding', { findingId: v.findings[0].id, categoryId: 999999, contactName: '李爷爷', contactPhone: '10000000503' }, w.openid))).toBe('NOT_FOUND');
      expect(await countRows(db.ds, 'needs')).toBe(needsBefore);
      const f = await one<{ filedAt: unknown; needId: unknown }>('SELECT filedAt, needId FROM grid_findings WHERE id = ?', [v.findings[0].id]);
      expect(f).toEqual({ filedAt: null, needId: null });
    });
  });

  describe('planned visits', () => {
    it('target households get one planned visit per month under overlapping ticks; a visit closes it, a cancellation needs a reason; late ones are overdue', async () => {
      const w = await gridWorker('吴计划');
      const grid = ok(await call('grids', 'create', { communityId: nanjie, kind: 'visits', name: '计划网格' }, staff));
      ok(await call('grids', 'addCoverage', { gridId: grid.id, buildingId: await building('NJJP0101'), unitId: await unitOf('NJJP0101', '2单元') }, staff));
      ok(await call('grids', 'assign', { gridId: grid.id, phone: w.phone }, staff));
      const alone = ok(await lookup('NJJP0101', '2单元', '701', staff)).householdId;
      const alsoAlone = ok(await lookup('NJJP0101', '2单元', '702', staff)).householdId;

      expect(errorCode(await call('grids', 'flagTarget', { householdId: alone, reason: '独居老人' }, w.openid))).toBe('FORBIDDEN');
      const flags = await Promise.all([1, 2, 3].map(() => call('grids', 'flagTarget', { householdId: alone, reason: '独居老人' }, staff)));
      expect(flags.filter((f) => f.ok)).toHaveLength(1);
      expect(flags.filter((f) => !f.ok).map(errorCode)).toEqual(['CONFLICT', 'CONFLICT']);
      ok(await call('grids', 'flagTarget', { householdId: alsoAlone, reason: '独居老人，子女在外地' }, staff));
      expect(ok(await call('grids', 'targets', { communityId: nanjie }, staff)).items.map((t) => t.placeName)).toEqual(
        expect.arrayContaining(['锦屏花园 1栋2单元701', '锦屏花园 1栋2单元702']),
      );

      // Overlapping ticks and a direct run of the job at once: this month's and next month's plan, once each.
      await Promise.all([tick(), tick(), planVisits(db.ds.manager, clock.now()), planVisits(db.ds.manager, clock.now())]);
      const count = async (h: number) => Number((await one<{ n: number | string }>('SELECT COUNT(1) AS n FROM grid_plans WHERE householdId = ?', [h])).n);
      expect(await count(alone)).toBe(2);
      expect(await count(alsoAlone)).toBe(2);

      const today = localDay(clock.now());
      const plans = ok(await call('grids', 'plans', {}, w.openid));
      expect(plans.overdue).toEqual([]);
      expect(plans.due.map((p) => [p.placeName, p.reason, p.period, p.earliest <= today && today <= p.latest])).toEqual(
        expect.arrayContaining([
          ['锦屏花园 1栋2单元701', '独居老人', today.slice(0, 7), true],
          ['锦屏花园 1栋2单元702', '独居老人，子女在外地', today.slice(0, 7), true],
        ]),
      );
      const planOf = (h: number) => plans.due.find((p) => p.householdId === h)!;

      // Cancellation only with a reason, once.
      expect(errorCode(await callRaw('grids', 'cancelPlan', { planId: planOf(alsoAlone).id }, w.openid))).toBe('INVALID_INPUT');
      expect(errorCode(await call('grids', 'cancelPlan', { planId: planOf(alsoAlone).id, reason: '' }, w.openid))).toBe('INVALID_INPUT');
      expect(ok(await call('grids', 'cancelPlan', { planId: planOf(alsoAlone).id, reason: '住院，下月再访' }, w.openid))).toMatchObject({ status: 'cancelled', cancelReason: '住院，下月再访' });
      expect(errorCode(await call('grids', 'cancelPlan', { planId: planOf(alsoAlone).id, reason: '再取消' }, w.openid))).toBe('INVALID_TRANSITION');
      expect(errorCode(await call('grids', 'cancelPlan', { planId: planOf(alone).id, reason: '越权' }, as('grid_worker')))).toBe('NOT_FOUND');

      // A visit to the household closes its plan.
      const v = ok(
        await call(
          'grids',
          'recordVisit',
          { requestId: rid(), gridId: grid.id, householdId: alone, kind: 'care', way: 'home', visitedAt: clock.now().toISOString(), minutes: 15, contactMade: true, findings: [] },
          w.openid,
        ),
      );
      const done = await one<{ status: string; visitId: number | string }>('SELECT status, visitId FROM grid_plans WHERE id = ?', [planOf(alone).id]);
      expect({ status: done.status, visitId: Number(done.visitId) }).toEqual({ status: 'done', visitId: v.id });
      expect(ok(await call('grids', 'plans', {}, w.openid)).due).toEqual([]);

      // Two months on, nobody visited: next month's plan for 701 is overdue; the tick plans the new month once.
      clock.advance(62 * 24 * HOUR);
      await Promise.all([tick(), tick()]);
      const later = ok(await call('grids', 'plans', {}, w.openid));
      expect(later.overdue.map((p) => [p.householdId, p.statusLabel, p.overdue])).toEqual(
        expect.arrayContaining([
          [alone, '待走访', true],
          [alsoAlone, '待走访', true],
        ]),
      );
      expect(later.due.map((p) => p.period)).toEqual([localDay(clock.now()).slice(0, 7), localDay(clock.now()).slice(0, 7)]);
    });

    it('the cadence is a city setting with fields for 城市配置', async () => {
      const grids = ok(await call('settings', 'list', {}, as('admin'))).find((x) => x.key === 'grids');
      expect(grids?.fields?.map((f) => f.key)).toEqual(['planVisits', 'cadenceMonths']);
    });
  });

  it('the migrations go down and up again (run last: down drops the grids’ rows)', async () => {
    const q = db.ds.createQueryRunner();
    const tables = ['grids', 'grid_visits', 'grid_findings', 'grid_visit_corrections', 'grid_visit_voice_notes', 'grid_targets', 'grid_plans', 'grid_coverage', 'grid_assignments'];
    try {
      await new Grids1766600000100().down(q);
      await new GridScopes1766600000000().down(q);
      for (const t of tables) expect(await q.hasTable(t)).toBe(false);
      await new GridScopes1766600000000().up(q);
      await new Grids1766600000100().up(q);
      for (const t of tables) expect(await q.hasTable(t)).toBe(true);
    } finally {
      await q.release();
    }
    // The kernel reads a worker's reach from the recreated tables.
    const w = await gridWorker('郑回滚');
    ok(await lookup('NJJP0101', '1单元', '101', w.openid));
  });
});

import os from 'node:os';
import path from 'node:path';
import type { NeedDetailDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { localPlatform } from '../../cloud/src/core/platform';
import { runAction } from '../../cloud/src/core/action';
import { createTimerMain, setWxSdk, type WxSdk } from '../../cloud/src/core/wechat';
import { FUNCTIONS } from '../../cloud/src/app';

const escalationActions = FUNCTIONS.escalation;
import { ALL_TABLES, createTestDb, DIALECTS, snapshotCounts, type TestDb } from '../db';
import { as, call, callRaw, categoryId, createNeedAs, errorCode, homeOf, newcomer, ok, orgId, storedPhoto, verifiedResident } from '../factories';

jest.setTimeout(90_000);
process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);

const HOUR = 3600 * 1000;
const tick = () => runAction(escalationActions, { action: 'tick' }, { openid: null, system: true }, localPlatform());

describe.each(DIALECTS)('need lifecycle, escalation and privacy on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());
  afterEach(() => clock.reset());
  /** Each test's resident: a fresh verified person, so the daily filing limit never interferes. */
  let me: { openid: string; householdId: number };
  beforeEach(async () => {
    me = await verifiedResident(db.ds);
  });

  const create = async (code: string, who?: string, extra: Record<string, unknown> = {}) =>
    ok(
      await createNeedAs(
        { categoryId: await categoryId(db.ds, code), householdId: me.householdId, description: `${code} 测试需求`, ...extra } as never,
        who ? as(who) : me.openid,
      ),
    );
  const notificationsOf = async (key: string, needId: number) =>
    Number(
      (
        await db.ds.query(
          "SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.userId WHERE u.openid = ? AND n.subjectKind = 'need' AND n.subjectId = ?",
          [as(key), needId],
        )
      )[0].n,
    );

  /** A pipe need taken by the pipe team and started. */
  async function inProgress(): Promise<NeedDetailDTO> {
    const need = await create('pipe');
    ok(await call('needs', 'dispatch', { needId: need.id, orgId: await orgId(db.ds, '管网疏通服务队') }, as('community_staff')));
    ok(await call('needs', 'accept', { needId: need.id }, as('team_staff')));
    return ok(await call('needs', 'start', { needId: need.id }, as('team_staff')));
  }

  it('退单: the receiver hands it back with a reason; the community is told', async () => {
    const need = await create('pipe');
    ok(await call('needs', 'dispatch', { needId: need.id, orgId: await orgId(db.ds, '管网疏通服务队') }, as('community_staff')));
    expect(errorCode(await call('needs', 'decline', { needId: need.id, reason: '' }, as('team_staff')))).toBe('INVALID_INPUT');
    const back = ok(await call('needs', 'decline', { needId: need.id, reason: '不属于管网问题' }, as('team_staff')));
    expect(back).toMatchObject({ status: 'submitted', receiver: null });
    expect(await notificationsOf('community_staff', need.id)).toBeGreaterThanOrEqual(2);
    // Once handed back it is no longer theirs to see.
    expect(errorCode(await call('needs', 'get', { needId: need.id }, as('team_staff')))).toBe('NOT_FOUND');
  });

  it('转单: staff move a need in progress to another receiver, who must accept it again', async () => {
    const need = await inProgress();
    const firm = await orgId(db.ds, '阆苑物业服务有限公司');
    ok(await call('needs', 'transfer', { needId: need.id, orgId: firm }, as('community_staff')));
    expect(ok(await call('needs', 'get', { needId: need.id }, as('community_staff')))).toMatchObject({ status: 'dispatched', receiver: { name: '阆苑物业服务有限公司' } });
    expect(errorCode(await call('needs', 'resolve', { needId: need.id, note: 'x', photoIds: [storedPhoto('t')] }, as('team_staff')))).toBe('NOT_FOUND');
    ok(await call('needs', 'accept', { needId: need.id }, as('property_staff')));
    expect(errorCode(await call('needs', 'transfer', { needId: need.id, orgId: 999999 }, as('community_staff')))).toBe('INVALID_INPUT');
  });

  it('挂起 needs a future resume time; the timer resumes it when the time comes', async () => {
    const need = await inProgress();
    const past = new Date(Date.now() - HOUR).toISOString();
    expect(errorCode(await call('needs', 'hold', { needId: need.id, resumeAt: past, reason: '等配件' }, as('team_staff')))).toBe('INVALID_INPUT');
    const held = ok(
      await call('needs', 'hold', { needId: need.id, resumeAt: new Date(Date.now() + 2 * HOUR).toISOString(), reason: '等配件' }, as('team_staff')),
    );
    expect(held.status).toBe('on_hold');
    clock.advance(3 * HOUR);
    const result = ok(await tick());
    expect(result).toMatchObject({ resumed: expect.any(Number) });
    const after = ok(await call('needs', 'get', { needId: need.id }, as('team_staff')));
    expect(after.status).toBe('in_progress');
    expect(after.events.at(-1)).toMatchObject({ type: 'resumed', actor: '系统' });
  });

  it('重新打开 goes back to the receiver; the second reopen escalates; there is no third', async () => {
    const need = await inProgress();
    const resolve = () => call('needs', 'resolve', { needId: need.id, note: '已处理', photoIds: [storedPhoto(`r${Math.random()}`)] }, as('team_staff'));
    ok(await resolve());
    const first = ok(await call('needs', 'reopen', { needId: need.id, reason: '还是堵' }, me.openid));
    expect(first).toMatchObject({ status: 'in_progress', reopenCount: 1, level: 'building' });
    expect(await notificationsOf('team_staff', need.id)).toBeGreaterThanOrEqual(2);
    ok(await resolve());
    const second = ok(await call('needs', 'reopen', { needId: need.id, reason: '又堵了' }, me.openid));
    expect(second).toMatchObject({ reopenCount: 2, level: 'compound' });
    expect(await notificationsOf('compound_head', need.id)).toBeGreaterThanOrEqual(1);
    ok(await resolve());
    expect(errorCode(await call('needs', 'reopen', { needId: need.id, reason: '第三次' }, me.openid))).toBe('INVALID_TRANSITION');
  });

  it('reopen is refused more than 7 days after 办结', async () => {
    const need = await inProgress();
    ok(await call('needs', 'resolve', { needId: need.id, note: '已处理', photoIds: [storedPhoto('late')] }, as('team_staff')));
    clock.advance(8 * 24 * HOUR);
    expect(errorCode(await call('needs', 'reopen', { needId: need.id, reason: '晚了' }, me.openid))).toBe('INVALID_TRANSITION');
  });

  it("撤销 only before acceptance; 不予受理 carries a reason code; 合并 tells the duplicate's reporter", async () => {
    const a = await create('suggestion');
    ok(await call('needs', 'cancel', { needId: a.id }, me.openid));
    const b = await create('repair'); // routed to the property firm
    ok(await call('needs', 'accept', { needId: b.id }, as('property_staff')));
    expect(errorCode(await call('needs', 'cancel', { needId: b.id }, me.openid))).toBe('INVALID_TRANSITION');

    const c = await create('suggestion');
    const rejected = ok(await call('needs', 'reject', { needId: c.id, reasonCode: 'out_of_scope', note: '请咨询12345' }, as('community_staff')));
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'out_of_scope', rejectReasonLabel: '不属于受理范围' });
    expect(errorCode(await callRaw('needs', 'reject', { needId: c.id, reasonCode: 'nonsense' }, as('community_staff')))).toBe('INVALID_INPUT');

    const original = await create('suggestion');
    const dup = await create('suggestion', 'resident2', { householdId: await homeOf(db.ds, 'resident2') });
    const merged = ok(await call('needs', 'merge', { needId: dup.id, intoNeedId: original.id }, as('community_staff')));
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: original.id });
    const [msg] = await db.ds.query("SELECT n.title FROM notifications n JOIN users u ON u.id = n.userId WHERE u.openid = ? AND n.title = '需求已合并'", [
      as('resident2'),
    ]);
    expect(msg).toBeDefined();
    expect(errorCode(await call('needs', 'merge', { needId: original.id, intoNeedId: original.id }, as('community_staff')))).toBe('INVALID_INPUT');
  });

  describe('escalation ladder', () => {
    it('an unaccepted need climbs building → compound → community → street, then stays', async () => {
      const need = await create('suggestion'); // assign mode, accept SLA 24 h
      const levels: string[] = [];
      for (let i = 0; i < 4; i++) {
        clock.advance(25 * HOUR);
        ok(await tick());
        levels.push(ok(await call('needs', 'get', { needId: need.id }, as('community_staff'))).level);
      }
      expect(levels).toEqual(['compound', 'community', 'street', 'street']);
      expect(await notificationsOf('compound_head', need.id)).toBeGreaterThanOrEqual(1);
      expect(await notificationsOf('street_staff', need.id)).toBeGreaterThanOrEqual(1);
      const detail = ok(await call('needs', 'get', { needId: need.id }, me.openid));
      expect(detail.events.filter((e) => e.type === 'escalated').map((e) => e.label)).toEqual(['升级至小区', '升级至社区', '升级至街道']);
    });

    it('an accepted need not resolved in time climbs too', async () => {
      const need = await inProgress(); // resolve SLA 24 h
      clock.advance(25 * HOUR);
      ok(await tick());
      expect(ok(await call('needs', 'get', { needId: need.id }, as('team_staff'))).level).toBe('compound');
    });

    it('urges before the deadline remind the receiver and are recorded, nothing more; once it passed, repeated urges climb one rung', async () => {
      const need = await create('suggestion');
      for (let i = 0; i < 3; i++) {
        ok(await call('needs', 'urge', { needId: need.id }, me.openid));
        clock.advance(6 * 60 * 1000);
      }
      expect(ok(await call('needs', 'get', { needId: need.id }, me.openid))).toMatchObject({ urgeCount: 3, level: 'building' });
      const [{ n }] = await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id = ? AND action = 'urged' AND data LIKE '%未超时，仅提醒%'", [need.id]);
      expect(Number(n)).toBe(3);
      // The accept deadline passes (the timer is not run here): now urges count.
      const [{ acceptDueAt }] = await db.ds.query('SELECT acceptDueAt FROM needs WHERE id = ?', [need.id]);
      clock.advance(new Date(acceptDueAt).getTime() - clock.now().getTime() + 60_000);
      for (let i = 0; i < 3; i++) {
        ok(await call('needs', 'urge', { needId: need.id }, me.openid));
        clock.advance(6 * 60 * 1000);
      }
      expect(ok(await call('needs', 'get', { needId: need.id }, me.openid))).toMatchObject({ urgeCount: 6, level: 'compound' });
    });

    it('resolved and unrated for 7 days closes without a rating', async () => {
      const need = await inProgress();
      ok(await call('needs', 'resolve', { needId: need.id, note: '已处理', photoIds: [storedPhoto('auto')] }, as('team_staff')));
      clock.advance(7 * 24 * HOUR + 60_000);
      ok(await tick());
      const closed = ok(await call('needs', 'get', { needId: need.id }, me.openid));
      expect(closed).toMatchObject({ status: 'closed', rating: null });
      expect(closed.events.at(-1)).toMatchObject({ type: 'auto_closed', actor: '系统' });
      expect(errorCode(await call('needs', 'rate', { needId: need.id, stars: 5 }, me.openid))).toBe('INVALID_TRANSITION');
    });

    it('two overlapping ticks raise a due need once', async () => {
      const need = await create('suggestion');
      clock.advance(25 * HOUR);
      await Promise.all([tick(), tick(), tick()]);
      const [{ n }] = await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id = ? AND action = 'escalated'", [need.id]);
      expect(Number(n)).toBe(1);
    });

    it('only the timer or an admin may run the tick', async () => {
      expect(errorCode(await call('escalation', 'tick', {}, as('community_staff')))).toBe('FORBIDDEN');
      expect(errorCode(await call('escalation', 'tick', {}, null))).toBe('FORBIDDEN');
      ok(await call('escalation', 'tick', {}, as('admin')));
      const fake: WxSdk = {
        init: () => undefined,
        DYNAMIC_CURRENT_ENV: 'e',
        getWXContext: () => ({}),
        openapi: { wxacode: { getUnlimited: async () => ({ buffer: Buffer.alloc(0) }) } },
      };
      setWxSdk(fake);
      try {
        const main = createTimerMain(escalationActions, 'tick');
        expect(await main({ Type: 'Timer', TriggerName: 'escalation-every-5-minutes', Time: '2026-11-27T00:00:00Z' })).toMatchObject({ ok: true });
        // Pretending to be a timer from a client (with an OPENID) does not make one the system.
        setWxSdk({ ...fake, getWXContext: () => ({ OPENID: me.openid }) });
        expect(await main({ Type: 'Timer' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(await main({ action: 'tick' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      } finally {
        setWxSdk(null);
      }
    });
  });

  describe('who files, and what is refused', () => {
    it('a grid worker files for a resident without a phone; contact details are required', async () => {
      const household = await homeOf(db.ds, 'resident2');
      const cat = await categoryId(db.ds, 'elderly');
      expect(await call('needs', 'create', { categoryId: cat, householdId: household, description: '老人行动不便需要买药' }, as('grid_worker'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'contactName' } },
      });
      const need = ok(
        await createNeedAs(
          { categoryId: cat, householdId: household, description: '老人行动不便需要买药', contactName: '赵大爷', contactPhone: '10000006666' },
          as('grid_worker'),
        ),
      );
      expect(need).toMatchObject({ channel: 'grid_worker', reporter: { name: '赵大爷' } });
      // The household's own app user follows it as the reporter.
      expect(ok(await call('needs', 'get', { needId: need.id }, as('resident2'))).id).toBe(need.id);
    });

    it('an unverified person cannot file for a household', async () => {
      expect(
        errorCode(
          await call('needs', 'create', { categoryId: await categoryId(db.ds, 'suggestion'), householdId: me.householdId, description: '想点单' }, newcomer()),
        ),
      ).toBe('FORBIDDEN');
    });

    const bad: [string, Record<string, unknown>, string][] = [
      ['a huge description', { description: '长'.repeat(501) }, 'description'],
      ['an empty description', { description: '   ' }, 'description'],
      ['ten photos', { photoIds: Array.from({ length: 10 }, (_, i) => `local/${String(i).repeat(64).slice(0, 64)}.jpg`) }, 'photoIds'],
      ['a photo that was never uploaded', { photoIds: [`local/${'a'.repeat(64)}.jpg`] }, 'photoIds'],
      ['a foreign photo URL', { photoIds: ['https://evil.example/x.jpg'] }, 'photoIds.0'],
      ['a category of the wrong type', { categoryId: 'pipe' }, 'categoryId'],
      ['an unknown field', { status: 'closed' }, 'status'],
    ];
    it.each(bad)('%s is INVALID_INPUT and writes nothing', async (_label, patch, field) => {
      // usage_counters holds one lock row per person (created before the first limited write, not data).
      const tables = ALL_TABLES.filter((t) => t !== 'usage_counters');
      const before = await snapshotCounts(db.ds, tables);
      const res = await call(
        'needs',
        'create',
        { categoryId: await categoryId(db.ds, 'pipe'), householdId: me.householdId, description: '测试', ...patch },
        me.openid,
      );
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      expect(await snapshotCounts(db.ds, tables)).toEqual(before);
    });

    it('an unknown category is NOT_FOUND', async () => {
      expect(errorCode(await call('needs', 'create', { categoryId: 99999, householdId: me.householdId, description: '测试' }, me.openid))).toBe('NOT_FOUND');
    });
  });

  describe('each action refuses the wrong people', () => {
    it.each([
      ['dispatch', 'me', 'FORBIDDEN'],
      ['dispatch', 'team_staff', 'NOT_FOUND'],
      ['publish', 'building_head', 'FORBIDDEN'],
      ['reject', 'grid_worker', 'FORBIDDEN'],
      ['accept', 'community_staff', 'FORBIDDEN'],
      ['cancel', 'community_staff', 'FORBIDDEN'],
      // The need is still at building level: the compound head sees it but has no power over it yet.
      ['urge', 'compound_head', 'FORBIDDEN'],
      ['dispatch', 'compound_head', 'FORBIDDEN'],
      ['get', 'community_staff_nd', 'NOT_FOUND'],
      ['comment', 'resident2', 'NOT_FOUND'],
    ])('%s by %s → %s', async (action, who, code) => {
      const need = await create('suggestion');
      const input: Record<string, unknown> = { needId: need.id };
      if (action === 'dispatch') input.orgId = await orgId(db.ds, '阆苑物业服务有限公司');
      if (action === 'reject') input.reasonCode = 'other';
      if (action === 'comment') input.body = '你好';
      expect(errorCode(await callRaw('needs', action, input, who === 'me' ? me.openid : as(who)))).toBe(code);
    });
  });
});

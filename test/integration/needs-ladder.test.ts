import os from 'node:os';
import path from 'node:path';
import type { NeedActionName, NeedDetailDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { localPlatform } from '../../cloud/src/core/platform';
import { runAction } from '../../cloud/src/core/action';
import { FUNCTIONS } from '../../cloud/src/app';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, callRaw, categoryId, errorCode, ok, orgId, residentOf, storedPhoto, verifiedResident, createNeedAs } from '../factories';

jest.setTimeout(120_000);
process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());

/**
 * Issue #9 item 1: escalation gives power to act. A need climbs building → compound → community →
 * street; whoever it reached (and the rungs below, in scope) may dispatch, transfer and 催办 (督办)
 * the receiver; heads, grid workers and staff have an 升级待办 list; escalation never makes an
 * overdue need look on time again.
 */
describe.each(DIALECTS)('the escalation ladder on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());
  afterEach(() => clock.reset());

  /** A 意见建议 (assign mode, accept SLA 24 h) need of a fresh resident of 锦屏花园 1栋1单元. */
  async function fileNeed(text = '楼道灯坏了'): Promise<NeedDetailDTO> {
    const me = await verifiedResident(db.ds);
    return ok(await createNeedAs({ categoryId: await categoryId(db.ds, 'suggestion'), householdId: me.householdId, description: text }, me.openid));
  }
  /** Let the accept deadline (24 h) or the ladder's clock pass and run the timer: one rung up. */
  async function climb(): Promise<void> {
    clock.advance(25 * HOUR);
    ok(await tick());
  }
  const get = (needId: number, who: string) => call('needs', 'get', { needId }, who);
  const ladderIds = async (who: string, input: { overdue?: boolean } = {}) => {
    const ids: number[] = [];
    let cursor: string | null | undefined;
    do {
      const page = ok(await call('needs', 'ladder', { ...input, limit: 50, ...(cursor ? { cursor } : {}) }, who));
      ids.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };
  const period = () => ({ from: new Date(clock.now().getTime() - 5 * DAY).toISOString(), to: new Date(clock.now().getTime() + DAY).toISOString() });

  describe('the can list per level (a submitted need, nobody took it)', () => {
    // [level, role, may dispatch, may 催办/督办]
    const table: [string, string, boolean, boolean][] = [
      ['building', 'building_head', true, true],
      ['building', 'compound_head', false, false],
      ['building', 'grid_worker', false, false],
      ['building', 'community_staff', true, false],
      ['compound', 'building_head', true, true],
      ['compound', 'compound_head', true, true],
      ['compound', 'grid_worker', false, false],
      ['compound', 'community_staff', true, false],
      ['community', 'compound_head', true, true],
      ['community', 'community_staff', true, true],
      ['community', 'street_staff', true, false],
      ['street', 'street_staff', true, true],
      ['street', 'compound_head', true, true],
    ];
    let need: NeedDetailDTO;
    const levels = ['building', 'compound', 'community', 'street'];
    const canAt = new Map<string, Record<string, NeedActionName[]>>();

    beforeAll(async () => {
      need = await fileNeed('升级测试：各级权限');
      for (const level of levels) {
        const row: Record<string, NeedActionName[]> = {};
        for (const who of ['building_head', 'compound_head', 'grid_worker', 'community_staff', 'street_staff']) row[who] = ok(await get(need.id, as(who))).can;
        expect(ok(await get(need.id, as('community_staff'))).level).toBe(level);
        canAt.set(level, row);
        if (level !== 'street') await climb();
      }
      clock.reset();
    });

    it.each(table)('at %s, %s: dispatch %s, 催办 %s', (level, who, dispatch, urge) => {
      const can = canAt.get(level)![who];
      expect(can.includes('dispatch')).toBe(dispatch);
      expect(can.includes('urge')).toBe(urge);
      expect(can).toContain('comment');
      // Heads never get the console's own actions.
      if (!who.endsWith('_staff')) expect(can.filter((a) => ['publish', 'reject', 'merge'].includes(a))).toEqual([]);
    });

    it('heads get exactly dispatch, 催办 and comment', () => {
      expect(canAt.get('compound')!.compound_head).toEqual(['dispatch', 'urge', 'comment']);
      expect(canAt.get('building')!.compound_head).toEqual(['comment']);
      expect(canAt.get('street')!.grid_worker).toEqual(['comment']);
    });
  });

  describe('a need that climbed to the compound head', () => {
    it('shows in the compound head’s 升级待办, overdue first; the head dispatches, transfers and presses the receiver', async () => {
      const quiet = await fileNeed('升级测试：还在楼栋');
      const need = await fileNeed('升级测试：小区长处理');
      await climb();
      const fresh = await fileNeed('升级测试：新的一条'); // filed after the climb: at building level, on time
      const head = as('compound_head');
      expect(ok(await get(need.id, head))).toMatchObject({ level: 'compound', overdue: true, can: ['dispatch', 'urge', 'comment'] });

      const list = await ladderIds(head);
      expect(list).toContain(need.id);
      expect(list).toContain(quiet.id); // climbed with it (same deadline)
      expect(list).not.toContain(fresh.id); // still the building head's
      expect(await ladderIds(as('building_head'))).toEqual(expect.arrayContaining([need.id, fresh.id]));
      // Overdue first, then newest: the fresh (on-time) need of the building head comes after every overdue one.
      const buildingList = await ladderIds(as('building_head'));
      expect(buildingList.indexOf(need.id)).toBeLessThan(buildingList.indexOf(fresh.id));
      expect(await ladderIds(head, { overdue: true })).toEqual(expect.arrayContaining([need.id, quiet.id]));
      // Grid workers follow what left the building in their grid; street staff only what reached the street.
      expect(await ladderIds(as('grid_worker'))).toContain(need.id);
      expect(await ladderIds(as('grid_worker'))).not.toContain(fresh.id);
      expect(await ladderIds(as('street_staff'))).not.toContain(need.id);
      // 我的 offers 升级待办 to exactly these people (MeDTO.can).
      for (const who of ['building_head', 'compound_head', 'grid_worker', 'community_staff', 'street_staff'])
        expect([who, ok(await call('me', 'get', {}, as(who))).can.handleEscalations]).toEqual([who, true]);
      for (const who of ['resident', 'property_staff', 'unit_head', 'admin'])
        expect([who, ok(await call('me', 'get', {}, as(who))).can.handleEscalations]).toEqual([who, false]);
      // A resident or a receiver has no such list: it is empty, never someone else's needs.
      expect(ok(await call('needs', 'ladder', {}, as('resident'))).items).toEqual([]);
      // 首页's tile and the page's tabs count exactly what each tab lists, in one statement per call.
      for (const who of ['building_head', 'compound_head', 'grid_worker', 'community_staff', 'street_staff', 'resident', 'property_staff']) {
        const counts = ok(await call('needs', 'ladderCounts', {}, as(who)));
        const listed = { all: (await ladderIds(as(who))).length, overdue: (await ladderIds(as(who), { overdue: true })).length };
        expect([who, counts]).toEqual([who, listed]);
      }
      expect(ok(await call('needs', 'ladderCounts', {}, head)).overdue).toBeGreaterThanOrEqual(2);
      expect(ok(await call('needs', 'ladderCounts', {}, as('resident')))).toEqual({ all: 0, overdue: 0 });
      expect(errorCode(await callRaw('needs', 'ladderCounts', { overdue: true }, head))).toBe('INVALID_INPUT');

      // The compound head opening a need still at 楼栋 is told why he has no buttons yet and when it climbs to him.
      const waiting = ok(await get(fresh.id, head));
      expect(waiting.can).toEqual(['comment']);
      expect(waiting.awaitingRung).toEqual({ holder: '楼栋长', next: 'compound', nextLabel: '小区', escalatesAt: fresh.acceptDueAt });
      // Nobody else is told to wait: the building head acts on it, staff act from the console, the climbed need is the head's own.
      expect(ok(await get(fresh.id, as('building_head'))).awaitingRung).toBeNull();
      expect(ok(await get(fresh.id, as('community_staff'))).awaitingRung).toBeNull();
      expect(ok(await get(need.id, head)).awaitingRung).toBeNull();

      // Receivers in scope, then 派单.
      const receivers = ok(await call('needs', 'receivers', { needId: need.id }, head));
      const firm = await orgId(db.ds, '阆苑物业服务有限公司');
      const team = await orgId(db.ds, '管网疏通服务队');
      expect(receivers.map((r) => r.id)).toEqual(expect.arrayContaining([firm, team]));
      const other = await residentOf(db.ds, 'QLHF01', 0);
      expect(errorCode(await call('needs', 'dispatch', { needId: need.id, orgId: await orgId(db.ds, '嘉陵物业管理有限公司') }, head))).toBe('INVALID_INPUT');
      ok(await call('needs', 'dispatch', { needId: need.id, orgId: firm }, head));
      const dispatched = ok(await get(need.id, head));
      expect(dispatched).toMatchObject({ status: 'dispatched', receiver: { id: firm }, can: ['transfer', 'urge', 'comment'] });
      expect(dispatched.events.at(-1)).toMatchObject({ type: 'dispatched', actor: expect.stringContaining('李明华') });

      // 催办 by the head is 督办: recorded, the receiver is told, the resident's count is untouched.
      const before = Number(
        (
          await db.ds.query('SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.userId WHERE u.openid = ? AND n.subjectId = ?', [
            as('property_staff'),
            need.id,
          ])
        )[0].n,
      );
      const pressed = ok(await call('needs', 'urge', { needId: need.id }, head));
      expect(pressed).toMatchObject({ urgeCount: 0, level: 'compound' });
      expect(pressed.events.at(-1)).toMatchObject({ type: 'supervised', label: '督办', note: '小区督办' });
      const after = Number(
        (
          await db.ds.query('SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.userId WHERE u.openid = ? AND n.subjectId = ?', [
            as('property_staff'),
            need.id,
          ])
        )[0].n,
      );
      expect(after).toBe(before + 1);
      expect(errorCode(await call('needs', 'urge', { needId: need.id }, head))).toBe('RATE_LIMITED');

      // 转单 to the pipe team; the team accepts.
      ok(await call('needs', 'transfer', { needId: need.id, orgId: team, seenAt: pressed.updatedAt }, head));
      expect(ok(await get(need.id, head))).toMatchObject({ status: 'dispatched', receiver: { id: team } });
      ok(await call('needs', 'accept', { needId: need.id }, as('team_staff')));
      // Outside the scope: the head of 锦屏花园 knows nothing of a need in 七里还房小区.
      const elsewhere = ok(
        await createNeedAs({ categoryId: await categoryId(db.ds, 'suggestion'), householdId: other.householdId, description: '别的小区' },
          other.openid,
        ),
      );
      expect(errorCode(await get(elsewhere.id, head))).toBe('NOT_FOUND');
      expect(errorCode(await call('needs', 'receivers', { needId: elsewhere.id }, head))).toBe('NOT_FOUND');
      expect(errorCode(await call('needs', 'dispatch', { needId: elsewhere.id, orgId: firm }, head))).toBe('NOT_FOUND');
      // Still at building level in their own compound: visible, but not theirs to move yet.
      expect(errorCode(await call('needs', 'dispatch', { needId: fresh.id, orgId: firm }, head))).toBe('FORBIDDEN');
      expect(errorCode(await call('needs', 'urge', { needId: fresh.id }, head))).toBe('FORBIDDEN');
      expect(errorCode(await call('needs', 'receivers', { needId: fresh.id }, head))).toBe('FORBIDDEN');
    });

    it('the building head acts at building level already (小事不出楼栋)', async () => {
      const need = await fileNeed('升级测试：楼栋长派单');
      const head = as('building_head');
      expect(ok(await get(need.id, head)).can).toEqual(['dispatch', 'urge', 'comment']);
      const team = await orgId(db.ds, '管网疏通服务队');
      ok(await call('needs', 'dispatch', { needId: need.id, orgId: team }, head));
      expect(ok(await get(need.id, head))).toMatchObject({ status: 'dispatched', level: 'building', receiver: { id: team } });
      ok(await call('needs', 'accept', { needId: need.id }, as('team_staff')));
      ok(await call('needs', 'start', { needId: need.id }, as('team_staff')));
      ok(await call('needs', 'resolve', { needId: need.id, note: '已更换灯泡', photoIds: [storedPhoto('ladder-b')] }, as('team_staff')));
      expect(ok(await get(need.id, head))).toMatchObject({ status: 'resolved', level: 'building' });
    });

    it('two heads re-dispatch at once: exactly one wins, the other is told it moved', async () => {
      const need = await fileNeed('升级测试：并发转单');
      await climb();
      const firm = await orgId(db.ds, '阆苑物业服务有限公司');
      const team = await orgId(db.ds, '管网疏通服务队');
      const seen = ok(await call('needs', 'dispatch', { needId: need.id, orgId: firm }, as('compound_head')));
      const results = await Promise.all([
        call('needs', 'transfer', { needId: need.id, orgId: team, seenAt: seen.updatedAt }, as('compound_head')),
        call('needs', 'transfer', { needId: need.id, orgId: team, seenAt: seen.updatedAt }, as('building_head')),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(errorCode(results.find((r) => !r.ok)!));
      const [{ n }] = await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id = ? AND action = 'transferred'", [
        need.id,
      ]);
      expect(Number(n)).toBe(1);
      // Two first dispatches race on the status itself.
      const other = await fileNeed('升级测试：并发派单');
      await climb();
      const both = await Promise.all([
        call('needs', 'dispatch', { needId: other.id, orgId: firm }, as('compound_head')),
        call('needs', 'dispatch', { needId: other.id, orgId: team }, as('building_head')),
      ]);
      expect(both.filter((r) => r.ok)).toHaveLength(1);
      expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(errorCode(both.find((r) => !r.ok)!));
    });
  });

  describe('honest overdue: escalation never resets the deadline', () => {
    it('stays overdue in 只看超时, in the summary and on the dashboard; the ladder climbs on its own clock', async () => {
      const need = await fileNeed('升级测试：超时如实');
      clock.advance(25 * HOUR);
      const dashBefore = ok(await call('needs', 'stats', period(), as('community_staff')));
      ok(await tick());
      const detail = ok(await get(need.id, as('community_staff')));
      expect(detail).toMatchObject({ level: 'compound', overdue: true, acceptDueAt: need.acceptDueAt });

      const queue = ok(await call('needs', 'queue', { overdue: true, limit: 100 }, as('community_staff')));
      expect(queue.items.find((n) => n.id === need.id)).toMatchObject({ overdue: true, level: 'compound' });
      const ladder = ok(await call('needs', 'ladder', { overdue: true, limit: 100 }, as('compound_head')));
      expect(ladder.items.find((n) => n.id === need.id)).toMatchObject({ overdue: true });

      const dash = ok(await call('needs', 'stats', period(), as('community_staff')));
      expect(dash.overdue).toBe(dashBefore.overdue); // it was overdue before the climb and still is
      expect(dash.escalated).toBeGreaterThanOrEqual(dashBefore.escalated + 1);

      // An hour later the timer leaves it be; a full SLA period after the climb it climbs again.
      clock.advance(HOUR);
      ok(await tick());
      expect(ok(await get(need.id, as('community_staff'))).level).toBe('compound');
      clock.advance(24 * HOUR);
      ok(await tick());
      expect(ok(await get(need.id, as('community_staff')))).toMatchObject({ level: 'community', overdue: true, acceptDueAt: need.acceptDueAt });
    });

    it('a climb by the resident’s urges restarts the ladder’s clock too: the next tick does not climb again', async () => {
      const me = await verifiedResident(db.ds);
      const need = ok(
        await createNeedAs({ categoryId: await categoryId(db.ds, 'suggestion'), householdId: me.householdId, description: '升级测试：催办升级' },
          me.openid,
        ),
      );
      clock.advance(24 * HOUR + 60_000); // past the accept deadline; the timer has not run yet
      for (let i = 0; i < 3; i++) {
        ok(await call('needs', 'urge', { needId: need.id }, me.openid));
        clock.advance(6 * 60 * 1000);
      }
      expect(ok(await get(need.id, me.openid))).toMatchObject({ level: 'compound', overdue: true, acceptDueAt: need.acceptDueAt });
      ok(await tick());
      expect(ok(await get(need.id, me.openid)).level).toBe('compound');
      clock.advance(24 * HOUR);
      ok(await tick());
      expect(ok(await get(need.id, me.openid)).level).toBe('community');
    });

    it('小事不出楼栋 leaves out a need that climbed, even once it is solved', async () => {
      const team = await orgId(db.ds, '管网疏通服务队');
      const finish = async (n: NeedDetailDTO) => {
        ok(await call('needs', 'accept', { needId: n.id }, as('team_staff')));
        ok(await call('needs', 'start', { needId: n.id }, as('team_staff')));
        ok(await call('needs', 'resolve', { needId: n.id, note: '已处理', photoIds: [storedPhoto(`s${n.id}`)] }, as('team_staff')));
      };
      const inBuilding = (s: { solved: number; buildingLevelShare: number | null }) => Math.round((s.buildingLevelShare ?? 0) * s.solved);
      const before = ok(await call('needs', 'stats', period(), as('community_staff')));

      const settled = await fileNeed('升级测试：楼栋内办结');
      ok(await call('needs', 'dispatch', { needId: settled.id, orgId: team }, as('building_head')));
      await finish(settled);
      const climbed = await fileNeed('升级测试：升级后办结');
      await climb();
      ok(await call('needs', 'dispatch', { needId: climbed.id, orgId: team }, as('compound_head')));
      await finish(climbed);

      const after = ok(await call('needs', 'stats', period(), as('community_staff')));
      expect(after.solved).toBe(before.solved + 2);
      expect(inBuilding(after)).toBe(inBuilding(before) + 1);
      expect(after.escalated).toBeGreaterThanOrEqual(before.escalated + 1);
    });
  });
});

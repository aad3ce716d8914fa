import type { EntityManager } from 'typeorm';
import { addDays, localDay, localTime } from '@hg/types';
import type { ActivityDTO, PartyReportDTO } from '@hg/types/party';
import { FUNCTIONS } from '../../cloud/src/app';
import { runAction } from '../../cloud/src/core/action';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { PARTY_TIMERS } from '../../cloud/src/modules/party/party-timers';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, callRaw, communityIdOf, compoundIdOf, errorCode, ok, personWithRole } from '../factories';

jest.setTimeout(300_000);

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());

describe.each(DIALECTS)('party members: 双报到, commitments, activities and hours on %s', (dialect) => {
  let db: TestDb;
  let jp: number; // 锦屏花园
  let lyz: number; // 南街老院子 (same community)
  let nj: number; // 南街社区
  const q = (sql: string, params: unknown[] = []) => db.ds.query(sql, params) as Promise<Record<string, unknown>[]>;
  const n = async (sql: string, params: unknown[] = []) => Number((await q(sql, params))[0].n);
  const timerCtx = () => ({ em: db.ds.manager, platform: localPlatform(), tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work) });
  const job = (name: string) => PARTY_TIMERS.find((j) => j.name === name)!;
  const member = (name: string) => personWithRole(db.ds, 'party_member', 'compound', jp, 0, name);
  const userIdOf = async (openid: string) => Number((await q('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);
  const buildingId = async (code: string) => Number((await q('SELECT id FROM buildings WHERE code = ?', [code]))[0].id);
  const events = async (kind: string, id: number) =>
    (await q('SELECT action, from_status AS fromStatus, to_status AS toStatus, actor_id AS actorId, data FROM subject_events WHERE subject_kind = ? AND subject_id = ? ORDER BY id', [kind, id])) as {
      action: string;
      fromStatus: string | null;
      toStatus: string | null;
      actorId: number | null;
      data: string | null;
    }[];
  /** A member reported to 锦屏花园 3栋 and confirmed by 南街社区's staff. */
  const confirmedMember = async (name: string) => {
    const openid = await member(name);
    const r = ok(await call('party', 'report', { compoundId: jp, buildingId: await buildingId('NJJP0103'), workUnit: '阆中市税务局机关党支部' }, openid));
    ok(await call('party', 'confirm', { reportId: r.id }, as('community_staff')));
    return openid;
  };
  /** Move the clock to a Beijing wall time (only forward). */
  const moveTo = (at: Date) => {
    const delta = at.getTime() - clock.now().getTime();
    if (delta < 0) throw new Error('the test clock only moves forward');
    clock.advance(delta);
  };

  beforeAll(async () => {
    db = await createTestDb(dialect);
    jp = await compoundIdOf(db.ds, 'NJJP01');
    lyz = await compoundIdOf(db.ds, 'NJLY02');
    nj = await communityIdOf(db.ds, '南街社区');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  describe('双报到', () => {
    it('keeps one active report per member: of parallel reports to two compounds exactly one wins', async () => {
      const openid = await member('李红梅');
      const tries = await Promise.all(
        [jp, lyz, jp, lyz, jp, lyz].map((compoundId) => call('party', 'report', { compoundId, workUnit: '阆中市教育局机关党支部' }, openid)),
      );
      expect(tries.filter((t) => t.ok)).toHaveLength(1);
      expect(tries.filter((t) => !t.ok).map(errorCode)).toEqual(Array(5).fill('CONFLICT'));
      const userId = await userIdOf(openid);
      expect(await n('SELECT COUNT(*) AS n FROM party_reports WHERE userId = ?', [userId])).toBe(1);
      expect(await n("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'party-report' AND actor_id = ?", [userId])).toBe(1);
      // Withdrawn, the member may report elsewhere.
      const won = (tries.find((t) => t.ok) as { data: PartyReportDTO }).data;
      ok(await call('party', 'withdraw', { reportId: won.id }, openid));
      const again = ok(await call('party', 'report', { compoundId: lyz, workUnit: '阆中市教育局机关党支部' }, openid));
      expect(again).toMatchObject({ status: 'pending', branch: { branchName: '南街老院子党支部', groupName: null } });
    });

    it('refuses bad input and people who are not party members, writing nothing', async () => {
      const openid = await member('周建华');
      const before = await n('SELECT COUNT(*) AS n FROM party_reports');
      const otherBuilding = await buildingId('NJLY0201');
      expect(errorCode(await call('party', 'report', { compoundId: jp, buildingId: otherBuilding, workUnit: '市卫健局' }, openid))).toBe('INVALID_INPUT');
      expect(errorCode(await call('party', 'report', { compoundId: jp, workUnit: '  ' }, openid))).toBe('INVALID_INPUT');
      expect(errorCode(await callRaw('party', 'report', { compoundId: 'x', workUnit: '市卫健局' }, openid))).toBe('INVALID_INPUT');
      expect(errorCode(await call('party', 'report', { compoundId: 999999, workUnit: '市卫健局' }, openid))).toBe('NOT_FOUND');
      expect(errorCode(await call('party', 'report', { compoundId: jp, workUnit: '市卫健局' }, as('resident')))).toBe('FORBIDDEN');
      expect(await n('SELECT COUNT(*) AS n FROM party_reports')).toBe(before);
    });

    it('is confirmed by the branch over the compound only, with the building group it sees; a decline carries its reason', async () => {
      const openid = await member('陈志强');
      const r = ok(await call('party', 'report', { compoundId: jp, buildingId: await buildingId('NJJP0102'), workUnit: '阆中市公安局机关党委' }, openid));
      expect(r).toMatchObject({ status: 'pending', branch: { branchName: '锦屏花园党支部', groupName: '2栋党小组' }, can: { withdraw: true, confirm: false } });
      // Staff of another community: the report does not exist for them; the member may not confirm it.
      expect(errorCode(await call('party', 'confirm', { reportId: r.id }, as('community_staff_nd')))).toBe('NOT_FOUND');
      expect(errorCode(await call('party', 'reports', { compoundId: jp }, as('community_staff_nd')))).toBe('NOT_FOUND');
      expect(errorCode(await call('party', 'confirm', { reportId: r.id }, openid))).toBe('FORBIDDEN');
      const list = ok(await call('party', 'reports', { compoundId: jp }, as('community_staff')));
      const row = list.items.find((x) => x.id === r.id)!;
      expect(row).toMatchObject({ memberName: '陈志强', workUnit: '阆中市公安局机关党委', branch: { groupName: '2栋党小组' }, can: { confirm: true, decline: true } });
      const done = ok(await call('party', 'confirm', { reportId: r.id }, as('community_staff')));
      expect(done.status).toBe('confirmed');
      expect(Date.parse(done.validUntil!) - Date.parse(done.decidedAt!)).toBeGreaterThanOrEqual(365 * DAY);
      expect(errorCode(await call('party', 'confirm', { reportId: r.id }, as('community_staff')))).toBe('INVALID_TRANSITION');
      expect((await events('party-report', r.id)).map((e) => e.action)).toEqual(['reported', 'confirmed']);
      const userId = await userIdOf(openid);
      expect(await n("SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND pushKind = 'party_update' AND subjectKind = 'party-report' AND subjectId = ?", [userId, r.id])).toBe(1);

      const other = await member('孙丽');
      const d = ok(await call('party', 'report', { compoundId: jp, workUnit: '个体' }, other));
      expect(errorCode(await call('party', 'decline', { reportId: d.id, reason: '' }, as('community_staff')))).toBe('INVALID_INPUT');
      const declined = ok(await call('party', 'decline', { reportId: d.id, reason: '未提供组织关系证明' }, as('community_staff')));
      expect(declined).toMatchObject({ status: 'declined', declineReason: '未提供组织关系证明' });
      // A declined report holds no active key: the member may report again.
      ok(await call('party', 'report', { compoundId: jp, workUnit: '阆中市个体劳动者协会党支部' }, other));
    });
  });

  describe('履职承诺书', () => {
    it('needs a confirmed report, takes its lists from the city settings, and keeps one current per year under parallel signatures', async () => {
      const pending = await member('吴敏');
      ok(await call('party', 'report', { compoundId: jp, workUnit: '市自然资源局' }, pending));
      const form = { postCategory: '环境卫生岗', roles: ['环境监督员', '志愿服务员'], plannedHours: 48, items: ['每月参加一次楼栋清洁', '监督垃圾分类'] };
      expect(errorCode(await call('party', 'signCommitment', form, pending))).toBe('INVALID_TRANSITION');

      const openid = await confirmedMember('郑国庆');
      const userId = await userIdOf(openid);
      const before = await n('SELECT COUNT(*) AS n FROM party_commitments');
      expect(errorCode(await call('party', 'signCommitment', { ...form, roles: ['宣传委员'] }, openid))).toBe('INVALID_INPUT');
      expect(errorCode(await call('party', 'signCommitment', { ...form, postCategory: '财务岗' }, openid))).toBe('INVALID_INPUT');
      expect(errorCode(await call('party', 'signCommitment', { ...form, plannedHours: 500 }, openid))).toBe('INVALID_INPUT');
      expect(errorCode(await call('party', 'signCommitment', { ...form, items: [] }, openid))).toBe('INVALID_INPUT');
      expect(await n('SELECT COUNT(*) AS n FROM party_commitments')).toBe(before);

      const fresh = ok(await call('party', 'myCommitment', {}, openid));
      expect(fresh).toMatchObject({ commitment: null, plannedHours: null, recordedHours: null, approvedHours: null, plannedHoursMax: 200 });
      expect(fresh.roles).toHaveLength(6);

      const signed = await Promise.all([1, 2, 3, 4].map((i) => call('party', 'signCommitment', { ...form, plannedHours: 40 + i }, openid)));
      expect(signed.filter((s) => s.ok).length).toBeGreaterThanOrEqual(1);
      for (const s of signed.filter((x) => !x.ok)) expect(errorCode(s)).toBe('CONFLICT');
      expect(await n("SELECT COUNT(*) AS n FROM party_commitments WHERE userId = ? AND status = 'current'", [userId])).toBe(1);
      ok(await call('party', 'signCommitment', { ...form, plannedHours: 60 }, openid));
      expect(await n("SELECT COUNT(*) AS n FROM party_commitments WHERE userId = ? AND status = 'current'", [userId])).toBe(1);
      const mine = ok(await call('party', 'myCommitment', {}, openid));
      expect(mine).toMatchObject({ plannedHours: 60, recordedHours: null, approvedHours: null, commitment: { postCategory: '环境卫生岗', roles: ['环境监督员', '志愿服务员'] } });
    });
  });

  describe('an activity and its hours', () => {
    let a: ActivityDTO;
    let first: string;
    let second: string;
    let day: string;

    beforeAll(async () => {
      first = await confirmedMember('刘海波');
      second = await confirmedMember('黄晓梅');
      day = addDays(localDay(clock.now()), 1);
    });

    it('is a slot of kind activity published by the community staff; confirmed members sign up, others are refused', async () => {
      const input = { communityId: nj, title: '锦屏花园环境整治', place: '锦屏花园中心广场', startsAt: localTime(day, '09:00').toISOString(), endsAt: localTime(day, '11:00').toISOString(), capacity: 2 };
      expect(errorCode(await call('party', 'publishActivity', input, as('community_staff_nd')))).toBe('FORBIDDEN');
      expect(errorCode(await call('party', 'publishActivity', input, first))).toBe('FORBIDDEN');
      expect(errorCode(await call('party', 'publishActivity', { ...input, endsAt: input.startsAt }, as('community_staff')))).toBe('INVALID_INPUT');
      expect(errorCode(await call('party', 'publishActivity', { ...input, compoundId: await compoundIdOf(db.ds, 'NDJ301') }, as('community_staff')))).toBe('INVALID_INPUT');
      a = ok(await call('party', 'publishActivity', input, as('community_staff')));
      expect(a).toMatchObject({ capacity: 2, taken: 0, status: 'published', can: { run: true } });
      expect((await q('SELECT kind, venueId FROM slots WHERE id = ?', [a.slotId]))[0]).toMatchObject({ kind: 'activity', venueId: -nj });

      const outsider = await member('钱进');
      expect(errorCode(await call('party', 'signUp', { activityId: a.id, requestId: 'r1' }, outsider))).toBe('FORBIDDEN');
      const listed = ok(await call('party', 'activities', {}, first));
      expect(listed.find((x) => x.id === a.id)?.can.signUp).toBe(true);
      const mine = ok(await call('party', 'signUp', { activityId: a.id, requestId: 'r1' }, first));
      expect(mine.mine).toMatchObject({ status: 'booked' });
      expect(mine.mine!.code).toMatch(/^[A-Z2-9]{6}$/);
      ok(await call('party', 'signUp', { activityId: a.id, requestId: 'r2' }, second));
      expect(errorCode(await call('party', 'signUp', { activityId: a.id, requestId: 'r3' }, await confirmedMember('冯雪')))).toBe('CAPACITY_FULL');
    });

    it('opens hours at check-in by code, makes them pending at check-out, and counts them only once approved', async () => {
      const code = async (openid: string) => ok(await call('party', 'activities', {}, openid)).find((x) => x.id === a.id)!.mine!.code;
      const [c1, c2] = [await code(first), await code(second)];
      moveTo(localTime(day, '09:05'));
      expect(errorCode(await call('party', 'checkIn', { activityId: a.id, code: c1 }, as('community_staff_nd')))).toBe('FORBIDDEN');
      expect(errorCode(await call('party', 'checkIn', { activityId: a.id, code: 'ZZZZZZ' }, as('community_staff')))).toBe('NOT_FOUND');
      const open = ok(await call('party', 'checkIn', { activityId: a.id, code: c1.toLowerCase() }, as('community_staff')));
      expect(open).toMatchObject({ status: 'open', hours: null, memberName: '刘海波', title: '锦屏花园环境整治' });
      ok(await call('party', 'checkIn', { activityId: a.id, code: c2 }, as('community_staff')));
      expect(errorCode(await call('party', 'checkIn', { activityId: a.id, code: c1 }, as('community_staff')))).toBe('NOT_FOUND');

      moveTo(localTime(day, '10:35'));
      const out = ok(await call('party', 'checkOut', { activityId: a.id, code: c1 }, as('community_staff')));
      expect(out).toMatchObject({ status: 'pending', minutes: 90, hours: 1.5, flag: null });
      // Recorded, not approved: recorded 1.5, approved 0 (something is recorded, so not null).
      expect(ok(await call('party', 'myCommitment', {}, first))).toMatchObject({ recordedHours: 1.5, approvedHours: 0, pendingRecords: 1 });
      // The member cannot approve their own hours; staff of another community do not see them.
      expect(errorCode(await call('party', 'decideHours', { hoursId: out.id, approve: true }, first))).toBe('FORBIDDEN');
      expect(errorCode(await call('party', 'decideHours', { hoursId: out.id, approve: true }, as('community_staff_nd')))).toBe('NOT_FOUND');
      expect(errorCode(await call('party', 'decideHours', { hoursId: out.id, approve: false }, as('community_staff')))).toBe('INVALID_INPUT');
      const queue = ok(await call('party', 'hours', { communityId: nj }, as('community_staff')));
      expect(queue.items.map((h) => h.id)).toContain(out.id);
      const approved = ok(await call('party', 'decideHours', { hoursId: out.id, approve: true }, as('community_staff')));
      expect(approved).toMatchObject({ status: 'approved', can: { decide: false, correct: true } });
      expect(errorCode(await call('party', 'decideHours', { hoursId: out.id, approve: true }, as('community_staff')))).toBe('INVALID_TRANSITION');
      expect(ok(await call('party', 'myCommitment', {}, first))).toMatchObject({ recordedHours: 1.5, approvedHours: 1.5, pendingRecords: 0 });
      expect((await events('party-hours', out.id)).map((e) => e.action)).toEqual(['opened', 'checked_out', 'approved']);
    });

    it('closes a missed check-out at the activity end and flags it, exactly once under overlapping ticks; never counted until approved', async () => {
      const secondId = await userIdOf(second);
      const [row] = await q("SELECT id FROM party_hours WHERE userId = ? AND status = 'open'", [secondId]);
      const hoursId = Number(row.id);
      moveTo(localTime(day, '11:30'));
      const runs = await Promise.all([job('party.closeMissedCheckouts').run(timerCtx(), clock.now()), job('party.closeMissedCheckouts').run(timerCtx(), clock.now())]);
      expect(runs.reduce((s, r) => s + r.partyCheckoutsClosed, 0)).toBe(1);
      await Promise.all([tick(), tick()]);
      const closed = (await q('SELECT status, flag, minutes, endedAt FROM party_hours WHERE id = ?', [hoursId]))[0];
      expect(closed).toMatchObject({ status: 'pending', flag: 'missed_checkout' });
      expect(Number(closed.minutes)).toBe(115);
      expect((await events('party-hours', hoursId)).filter((e) => e.action === 'closed_at_end')).toHaveLength(1);
      const summary = ok(await call('party', 'myCommitment', {}, second));
      expect(summary).toMatchObject({ recordedHours: 1.9, approvedHours: 0 });
      const mine = ok(await call('party', 'myHours', {}, second));
      expect(mine[0]).toMatchObject({ id: hoursId, flag: 'missed_checkout', status: 'pending' });
      expect(mine[0].flagLabel).toContain('未签退');
    });

    it('keeps a correction with before, after, actor and reason; refuses bad input and strangers, writing nothing', async () => {
      const secondId = await userIdOf(second);
      const hoursId = Number((await q('SELECT id FROM party_hours WHERE userId = ?', [secondId]))[0].id);
      const eventsBefore = (await events('party-hours', hoursId)).length;
      expect(errorCode(await call('party', 'correctHours', { hoursId, minutes: 0, reason: '按实际离场时间' }, as('community_staff')))).toBe('INVALID_INPUT');
      expect(errorCode(await call('party', 'correctHours', { hoursId, minutes: 90, reason: '' }, as('community_staff')))).toBe('INVALID_INPUT');
      expect(errorCode(await call('party', 'correctHours', { hoursId, minutes: 90, reason: '按实际离场时间' }, as('community_staff_nd')))).toBe('NOT_FOUND');
      expect(errorCode(await call('party', 'correctHours', { hoursId, minutes: 90, reason: '自己改' }, second))).toBe('FORBIDDEN');
      expect((await events('party-hours', hoursId)).length).toBe(eventsBefore);
      expect(Number((await q('SELECT minutes FROM party_hours WHERE id = ?', [hoursId]))[0].minutes)).toBe(115);

      const fixed = ok(await call('party', 'correctHours', { hoursId, minutes: 90, reason: '10:35离场，按签到表更正' }, as('community_staff')));
      expect(fixed).toMatchObject({ minutes: 90, hours: 1.5, status: 'pending' });
      const corrected = (await events('party-hours', hoursId)).find((e) => e.action === 'corrected')!;
      expect(corrected.actorId).toBe(await userIdOf(as('community_staff')));
      expect(JSON.parse(corrected.data!)).toEqual({ before: 115, after: 90, reason: '10:35离场，按签到表更正' });
      ok(await call('party', 'decideHours', { hoursId, approve: true }, as('community_staff')));
      expect(ok(await call('party', 'myCommitment', {}, second))).toMatchObject({ recordedHours: 1.5, approvedHours: 1.5 });
    });
  });

  describe('renewed yearly', () => {
    it('lapses a confirmed report after its year once under overlapping ticks, tells the member, and renews in one action', async () => {
      const openid = await confirmedMember('何文');
      const userId = await userIdOf(openid);
      const report = ok(await call('party', 'myReport', {}, openid))!;
      moveTo(new Date(Date.parse(report.validUntil!) + MIN));
      const runs = await Promise.all([job('party.lapseReports').run(timerCtx(), clock.now()), job('party.lapseReports').run(timerCtx(), clock.now())]);
      expect(runs.reduce((s, r) => s + r.partyReportsLapsed, 0)).toBeGreaterThanOrEqual(1);
      await Promise.all([tick(), tick()]);
      expect((await events('party-report', report.id)).filter((e) => e.action === 'lapsed')).toHaveLength(1);
      expect(await n("SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND title = '双报到已到期'", [userId])).toBe(1);
      const lapsed = ok(await call('party', 'myReport', {}, openid))!;
      expect(lapsed).toMatchObject({ status: 'lapsed', can: { renew: true } });
      // A lapsed member no longer signs up or commits until renewed and confirmed again.
      expect(errorCode(await call('party', 'signCommitment', { postCategory: '综合服务岗', roles: ['志愿服务员'], plannedHours: 20, items: ['助老'] }, openid))).toBe('INVALID_TRANSITION');
      const renewed = ok(await call('party', 'renew', { reportId: report.id }, openid));
      expect(renewed).toMatchObject({ id: report.id, status: 'pending', validUntil: null });
      expect(errorCode(await call('party', 'renew', { reportId: report.id }, openid))).toBe('INVALID_TRANSITION');
      ok(await call('party', 'confirm', { reportId: report.id }, as('community_staff')));
      expect((await events('party-report', report.id)).map((e) => e.action)).toEqual(['reported', 'confirmed', 'lapsed', 'renewed', 'confirmed']);
    });

    it('refuses to renew a lapsed report once the member reported elsewhere, writing nothing', async () => {
      const openid = await confirmedMember('吕芳');
      const report = ok(await call('party', 'myReport', {}, openid))!;
      moveTo(new Date(Date.parse(report.validUntil!) + MIN));
      await job('party.lapseReports').run(timerCtx(), clock.now());
      const elsewhere = ok(await call('party', 'report', { compoundId: lyz, workUnit: '阆中市文化广播电视和旅游局' }, openid));
      const before = (await events('party-report', report.id)).length;
      expect(errorCode(await call('party', 'renew', { reportId: report.id }, openid))).toBe('CONFLICT');
      expect((await events('party-report', report.id)).length).toBe(before);
      expect((await q('SELECT status, activeKey FROM party_reports WHERE id = ?', [report.id]))[0]).toMatchObject({ status: 'lapsed', activeKey: null });
      expect(ok(await call('party', 'myReport', {}, openid))!.id).toBe(elsewhere.id);
    });
  });
});

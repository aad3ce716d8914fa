import os from 'node:os';
import path from 'node:path';
import type { NeedDetailDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { localOutbox } from '../../cloud/src/core/platform';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { deliverPushes, resetPushes } from '../pushes';
import { as, call, categoryId, errorCode, ok, orgId, storedPhoto, verifiedResident, createNeedAs } from '../factories';

jest.setTimeout(90_000);
process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const pageOf = (needId: number) => `packages/needs/pages/detail/index?id=${needId}`;

describe.each(DIALECTS)('residents follow every outcome on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());
  afterEach(() => clock.reset());

  type Person = { openid: string; householdId: number };
  const file = async (who: Person, description: string, code = 'pipe') =>
    ok(await createNeedAs({ categoryId: await categoryId(db.ds, code), householdId: who.householdId, description }, who.openid));

  /** The in-app messages a person got about one need, oldest first (title, body). */
  const messagesOf = async (openid: string, needId: number): Promise<{ title: string; body: string }[]> =>
    db.ds.query(
      "SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.userId WHERE u.openid = ? AND n.subjectKind = 'need' AND n.subjectId = ? ORDER BY n.id",
      [openid, needId],
    );
  /** The subscribe messages pushed to a person since the outbox was last emptied (the sender runs first, as the timer would). */
  const pushedTo = async (openid: string) => {
    await deliverPushes(db.ds);
    return localOutbox.filter((m) => m.openid === openid);
  };

  async function inProgress(need: NeedDetailDTO): Promise<NeedDetailDTO> {
    ok(await call('needs', 'dispatch', { needId: need.id, orgId: await orgId(db.ds, '管网疏通服务队') }, as('community_staff')));
    ok(await call('needs', 'accept', { needId: need.id }, as('team_staff')));
    return ok(await call('needs', 'start', { needId: need.id }, as('team_staff')));
  }
  const resolve = (needId: number) => call('needs', 'resolve', { needId, note: '已疏通', photoIds: [storedPhoto(`r${Math.random()}`)] }, as('team_staff'));

  it('a merged reporter follows the surviving need: opens it, gets its resolution, may comment but not rate', async () => {
    const first = await verifiedResident(db.ds);
    const second = await verifiedResident(db.ds);
    const third = await verifiedResident(db.ds);
    const stranger = await verifiedResident(db.ds);
    const surviving = await file(first, '1单元楼道下水管漏水');
    const dup = await file(second, '楼道水管一直在滴水，地面很滑');
    const dupOfDup = await file(third, '楼道漏水');

    // Before the merge the surviving need is someone else's: invisible.
    expect(errorCode(await call('needs', 'get', { needId: surviving.id }, second.openid))).toBe('NOT_FOUND');

    // A chain: third's need merged into second's, then second's into the surviving one.
    ok(await call('needs', 'merge', { needId: dupOfDup.id, intoNeedId: dup.id }, as('community_staff')));
    await resetPushes(db.ds);
    ok(await call('needs', 'merge', { needId: dup.id, intoNeedId: surviving.id }, as('community_staff')));
    // The merge message links to the surviving need, and the link now opens.
    expect(await messagesOf(second.openid, surviving.id)).toEqual([expect.objectContaining({ title: '需求已合并' })]);
    expect(await pushedTo(second.openid)).toEqual([expect.objectContaining({ template: 'need_update', page: pageOf(surviving.id) })]);

    for (const follower of [second, third]) {
      const seen = ok(await call('needs', 'get', { needId: surviving.id }, follower.openid));
      // The other resident's name and number stay hidden from a follower.
      expect(seen).toMatchObject({ id: surviving.id, following: true, reporting: false, reporter: { name: '其他居民', phone: null, phoneMasked: '' } });
      // The timeline reader applies the same rule: the reporter's own steps are 其他居民's.
      expect(seen.events.find((e) => e.type === 'created')?.actor).toBe('其他居民');
      expect(seen.can).toEqual(['comment']);
    }
    expect(errorCode(await call('needs', 'get', { needId: surviving.id }, stranger.openid))).toBe('NOT_FOUND');

    // The surviving need lists what was merged into it; another resident's words only for those who may read them.
    const asReporter = ok(await call('needs', 'get', { needId: surviving.id }, first.openid));
    expect(asReporter).toMatchObject({ following: false, reporting: true });
    expect(asReporter.mergedFrom).toEqual([{ id: dup.id, excerpt: null, linkable: false }]);
    const asSecond = ok(await call('needs', 'get', { needId: surviving.id }, second.openid));
    expect(asSecond.mergedFrom).toEqual([{ id: dup.id, excerpt: '楼道水管一直在滴水，地面很滑', linkable: true }]);
    const asStaff = ok(await call('needs', 'get', { needId: surviving.id }, as('community_staff')));
    expect(asStaff.mergedFrom).toEqual([{ id: dup.id, excerpt: '楼道水管一直在滴水，地面很滑', linkable: true }]);
    expect(ok(await call('needs', 'get', { needId: dup.id }, as('community_staff'))).mergedFrom).toEqual([
      { id: dupOfDup.id, excerpt: '楼道漏水', linkable: true },
    ]);

    // 我的需求 lists the followed need beside the person's own merged report, and only for followers.
    for (const follower of [second, third]) {
      const mine = ok(await call('needs', 'mine', {}, follower.openid)).items.map((n) => n.id);
      expect(mine).toContain(surviving.id);
    }
    expect(ok(await call('needs', 'mine', { open: true }, second.openid)).items.map((n) => n.id)).toEqual([surviving.id]);
    expect(ok(await call('needs', 'mine', {}, stranger.openid)).items.map((n) => n.id)).not.toContain(surviving.id);

    const commented = ok(await call('needs', 'comment', { needId: surviving.id, body: '我家门口也在漏' }, second.openid));
    expect(commented.comments.at(-1)).toMatchObject({ body: '我家门口也在漏', mine: true, side: 'resident' });

    await inProgress(surviving);
    // The team's reply in the thread reaches the followers too.
    ok(await call('needs', 'comment', { needId: surviving.id, body: '明天上午来疏通' }, as('team_staff')));
    for (const follower of [second, third]) expect((await messagesOf(follower.openid, surviving.id)).map((m) => m.title)).toContain('新留言');
    await resetPushes(db.ds);
    ok(await resolve(surviving.id));
    for (const follower of [second, third]) {
      expect((await messagesOf(follower.openid, surviving.id)).map((m) => m.title)).toContain('需求已办结');
      expect(await pushedTo(follower.openid)).toEqual([expect.objectContaining({ page: pageOf(surviving.id) })]);
    }
    expect((await messagesOf(first.openid, surviving.id)).at(-1)).toMatchObject({ title: '需求已办结', body: expect.stringContaining('请评价') });
    const resolvedForSecond = ok(await call('needs', 'get', { needId: surviving.id }, second.openid));
    expect(resolvedForSecond).toMatchObject({ status: 'resolved', resolutionNote: '已疏通' });
    expect(resolvedForSecond.can).not.toContain('rate');
    expect(errorCode(await call('needs', 'rate', { needId: surviving.id, stars: 1 }, second.openid))).toBe('FORBIDDEN');
    expect(errorCode(await call('needs', 'reopen', { needId: surviving.id, reason: '还漏' }, second.openid))).toBe('FORBIDDEN');
    ok(await call('needs', 'rate', { needId: surviving.id, stars: 5 }, first.openid));
  });

  it('a merged need never tells one resident who another is: timeline and thread alike, for the follower of either need and the reporter', async () => {
    const named = async (name: string) => {
      const who = await verifiedResident(db.ds);
      await db.ds.query('UPDATE users SET name = ? WHERE openid = ?', [name, who.openid]);
      return who;
    };
    const first = await named('甲报事人');
    const second = await named('乙跟进人');
    const third = await named('丙跟进人');
    const surviving = await file(first, '2单元电梯门关不上');
    const dup = await file(second, '电梯门一直开着');
    const dupOfDup = await file(third, '电梯坏了');
    // Each speaks on their own need before the merges.
    ok(await call('needs', 'comment', { needId: dup.id, body: '乙：早上又卡住了' }, second.openid));
    ok(await call('needs', 'merge', { needId: dupOfDup.id, intoNeedId: dup.id }, as('community_staff')));
    ok(await call('needs', 'merge', { needId: dup.id, intoNeedId: surviving.id }, as('community_staff')));
    ok(await call('needs', 'comment', { needId: surviving.id, body: '甲：请尽快修' }, first.openid));
    ok(await call('needs', 'comment', { needId: surviving.id, body: '乙：我家老人出不了门' }, second.openid));
    ok(await call('needs', 'comment', { needId: surviving.id, body: '已联系电梯公司' }, as('community_staff')));

    /** What a person reads of a need, timeline and thread, as the page shows it (who · what). */
    const read = async (needId: number, openid: string) => {
      const d = ok(await call('needs', 'get', { needId }, openid));
      return { d, text: JSON.stringify(d), comment: (body: string) => d.comments.find((c) => c.body === body)! };
    };

    // The duplicate's reporter (a follower) looking at the original: the reporter's steps and words are 其他居民's.
    const asSecond = await read(surviving.id, second.openid);
    expect(asSecond.d.events.find((e) => e.type === 'created')?.actor).toBe('其他居民');
    expect(asSecond.comment('甲：请尽快修')).toMatchObject({ author: '其他居民', side: 'resident', mine: false });
    expect(asSecond.comment('乙：我家老人出不了门')).toMatchObject({ author: '居民 乙跟进人', mine: true });
    expect(asSecond.comment('已联系电梯公司').author).toMatch(/^社区工作人员 /);
    expect(asSecond.text).not.toContain('甲报事人');
    expect(asSecond.text).not.toContain('丙跟进人');

    // A follower of the chain (third's need went into second's): neither the original's nor the duplicate's residents are named.
    const asThird = await read(surviving.id, third.openid);
    expect(asThird.comment('甲：请尽快修').author).toBe('其他居民');
    expect(asThird.comment('乙：我家老人出不了门').author).toBe('其他居民');
    expect(asThird.text).not.toContain('甲报事人');
    expect(asThird.text).not.toContain('乙跟进人');
    // ... and on the duplicate it follows too (merged, still readable): its reporter's step and words are 其他居民's.
    const thirdOnDup = await read(dup.id, third.openid);
    expect(thirdOnDup.d).toMatchObject({ status: 'merged', following: true, reporter: { name: '其他居民' } });
    expect(thirdOnDup.d.events.find((e) => e.type === 'created')?.actor).toBe('其他居民');
    expect(thirdOnDup.comment('乙：早上又卡住了').author).toBe('其他居民');
    expect(thirdOnDup.text).not.toContain('乙跟进人');

    // The original's reporter does not learn who followed either: a neighbour with the same problem.
    const asFirst = await read(surviving.id, first.openid);
    expect(asFirst.comment('乙：我家老人出不了门').author).toBe('其他居民');
    expect(asFirst.comment('甲：请尽快修')).toMatchObject({ author: '居民 甲报事人', mine: true });
    expect(asFirst.text).not.toContain('乙跟进人');
    // The duplicate's own reporter still reads their own need as theirs.
    expect((await read(dup.id, second.openid)).comment('乙：早上又卡住了').author).toBe('居民 乙跟进人');

    // Those who handle the need see who is who.
    const asStaff = await read(surviving.id, as('community_staff'));
    expect(asStaff.comment('甲：请尽快修').author).toBe('居民 甲报事人');
    expect(asStaff.comment('乙：我家老人出不了门').author).toBe('居民 乙跟进人');
    expect(asStaff.d.events.find((e) => e.type === 'created')?.actor).toBe('居民 甲报事人');
  });

  it('the resident (reporter and followers) is told on 退单, 挂起, 转单 and 升级, each message opening the need', async () => {
    const me = await verifiedResident(db.ds);
    const follower = await verifiedResident(db.ds);
    const need = await file(me, '厨房下水道堵了');
    ok(await call('needs', 'merge', { needId: (await file(follower, '下水道堵')).id, intoNeedId: need.id }, as('community_staff')));
    const lastTo = async (who: Person) => (await messagesOf(who.openid, need.id)).at(-1);

    ok(await call('needs', 'dispatch', { needId: need.id, orgId: await orgId(db.ds, '管网疏通服务队') }, as('community_staff')));
    await resetPushes(db.ds);
    ok(await call('needs', 'decline', { needId: need.id, reason: '不属于管网问题' }, as('team_staff')));
    for (const who of [me, follower]) {
      expect(await lastTo(who)).toEqual({ title: '需求已退回社区重新派单', body: expect.stringContaining('不属于管网问题') });
      expect(await pushedTo(who.openid)).toEqual([expect.objectContaining({ template: 'need_update', page: pageOf(need.id) })]);
    }

    await inProgress(need);
    // 06:30 UTC is 14:30 in Beijing, the same calendar day.
    const resumeAt = new Date(Date.now() + 2 * DAY);
    resumeAt.setUTCHours(6, 30, 0, 0);
    const year = resumeAt.getUTCFullYear() === new Date(Date.now() + 8 * HOUR).getUTCFullYear() ? '' : `${resumeAt.getUTCFullYear()}年`;
    ok(await call('needs', 'hold', { needId: need.id, resumeAt: resumeAt.toISOString(), reason: '等配件' }, as('team_staff')));
    // The resume time in Beijing time, as the resident reads it.
    const expected = `#${need.id} 等配件，预计${year}${resumeAt.getUTCMonth() + 1}月${resumeAt.getUTCDate()}日 14:30恢复办理`;
    for (const who of [me, follower]) expect(await lastTo(who)).toEqual({ title: '需求暂时挂起', body: expected });
    ok(await call('needs', 'resume', { needId: need.id }, as('team_staff')));

    await resetPushes(db.ds);
    ok(await call('needs', 'transfer', { needId: need.id, orgId: await orgId(db.ds, '阆苑物业服务有限公司') }, as('community_staff')));
    for (const who of [me, follower]) {
      expect(await lastTo(who)).toEqual({ title: '需求已转单', body: `#${need.id} 已转给阆苑物业服务有限公司办理` });
      expect(await pushedTo(who.openid)).toEqual([expect.objectContaining({ page: pageOf(need.id) })]);
    }

    // Escalation: the second reopen climbs to the compound; both residents hear of it.
    ok(await call('needs', 'accept', { needId: need.id }, as('property_staff')));
    ok(await call('needs', 'start', { needId: need.id }, as('property_staff')));
    const done = () => call('needs', 'resolve', { needId: need.id, note: '已处理', photoIds: [storedPhoto(`p${Math.random()}`)] }, as('property_staff'));
    ok(await done());
    ok(await call('needs', 'reopen', { needId: need.id, reason: '还是堵' }, me.openid));
    ok(await done());
    await resetPushes(db.ds);
    expect(ok(await call('needs', 'reopen', { needId: need.id, reason: '又堵了' }, me.openid)).level).toBe('compound');
    for (const who of [me, follower]) {
      expect((await messagesOf(who.openid, need.id)).map((m) => m.title)).toContain('您的需求已升级至小区');
      expect(await pushedTo(who.openid)).toEqual(expect.arrayContaining([expect.objectContaining({ title: '您的需求已升级至小区', page: pageOf(need.id) })]));
    }
  });

  it('shows who is coming, with a number to call for the residents only while it is open', async () => {
    const me = await verifiedResident(db.ds);
    const need = await file(me, '卫生间地漏反水');
    expect(need.handler).toBeNull();
    ok(await call('needs', 'dispatch', { needId: need.id, orgId: await orgId(db.ds, '管网疏通服务队') }, as('community_staff')));
    expect(ok(await call('needs', 'get', { needId: need.id }, me.openid)).handler).toEqual({
      name: '管网疏通服务队',
      kindLabel: expect.any(String),
      person: null,
      phone: '0817-0000204',
    });
    ok(await call('needs', 'accept', { needId: need.id }, as('team_staff')));
    expect(ok(await call('needs', 'get', { needId: need.id }, me.openid)).handler).toMatchObject({ person: '何勇', phone: '10000000022' });
    // Staff and the receiver see who it is, never a number through this block.
    expect(ok(await call('needs', 'get', { needId: need.id }, as('community_staff'))).handler).toMatchObject({ person: '何勇', phone: null });
    ok(await call('needs', 'start', { needId: need.id }, as('team_staff')));
    ok(await resolve(need.id));
    expect(ok(await call('needs', 'get', { needId: need.id }, me.openid)).handler).toMatchObject({ person: '何勇', phone: null });
  });

  it('重新打开 after 评单 within the window: once clears the rating, twice escalates, late is refused', async () => {
    const me = await verifiedResident(db.ds);
    const need = await inProgress(await file(me, '阳台下水管堵了'));
    ok(await resolve(need.id));
    const rated = ok(await call('needs', 'rate', { needId: need.id, stars: 5, comment: '很快' }, me.openid));
    expect(rated).toMatchObject({ status: 'closed', rating: 5 });
    expect(rated.can).toEqual(['reopen']);

    clock.advance(2 * DAY);
    const reopened = ok(await call('needs', 'reopen', { needId: need.id, reason: '又堵了' }, me.openid));
    expect(reopened).toMatchObject({ status: 'in_progress', reopenCount: 1, rating: null, ratingComment: null, closedAt: null, resolvedAt: null });
    // The stars stay in the history, not on the need (service statistics average `rating`).
    expect(reopened.events.map((e) => e.type).slice(-2)).toEqual(['rated', 'reopened']);
    expect(reopened.events.find((e) => e.type === 'rated')?.note).toBe('5星：很快');

    ok(await resolve(need.id));
    ok(await call('needs', 'rate', { needId: need.id, stars: 2 }, me.openid));
    const second = ok(await call('needs', 'reopen', { needId: need.id, reason: '第三天又堵' }, me.openid));
    expect(second).toMatchObject({ reopenCount: 2, level: 'compound', rating: null });
    ok(await resolve(need.id));
    ok(await call('needs', 'rate', { needId: need.id, stars: 3 }, me.openid));
    expect(errorCode(await call('needs', 'reopen', { needId: need.id, reason: '第三次' }, me.openid))).toBe('INVALID_TRANSITION');

    // Outside the window a rated need stays closed.
    const late = await inProgress(await file(me, '厨房水槽堵了'));
    ok(await resolve(late.id));
    ok(await call('needs', 'rate', { needId: late.id, stars: 4 }, me.openid));
    clock.advance(8 * DAY);
    expect(ok(await call('needs', 'get', { needId: late.id }, me.openid)).can).toEqual([]);
    expect(errorCode(await call('needs', 'reopen', { needId: late.id, reason: '晚了' }, me.openid))).toBe('INVALID_TRANSITION');
  });

  it('two reopens of one rated need at once: exactly one wins', async () => {
    const me = await verifiedResident(db.ds);
    const need = await inProgress(await file(me, '洗手池下水慢'));
    ok(await resolve(need.id));
    ok(await call('needs', 'rate', { needId: need.id, stars: 4 }, me.openid));
    const results = await Promise.all([1, 2].map((i) => call('needs', 'reopen', { needId: need.id, reason: `第${i}下` }, me.openid)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.map(errorCode).filter(Boolean)).toEqual([expect.stringMatching(/^(CONFLICT|INVALID_TRANSITION)$/)]);
    const after = ok(await call('needs', 'get', { needId: need.id }, me.openid));
    expect(after).toMatchObject({ status: 'in_progress', reopenCount: 1, level: 'building' });
    expect(after.events.filter((e) => e.type === 'reopened')).toHaveLength(1);
  });
});

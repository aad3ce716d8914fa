import { compoundIdOf, as, call, categoryId, homeOf, ok } from '../factories';
import { DIALECTS } from '../db';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * Issue 16 item 6, needs left over from the last field walk, at phone size: a follower of a merged
 * need never learns who reported it (timeline and thread say 其他居民; large text, he is a resident);
 * the compound head is told why a need still at 楼栋 has no buttons for him and when it climbs, and
 * 升级待办 shows exact counts on 首页 and on its tabs; a newcomer's 绑定房屋 survives the login
 * redirect. Axe on every page.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect, { uploads: 'needs-left' });
  const detailRoute = (id: number) => `/packages/needs/pages/detail/index?id=${id}`;

  it('赵建国 follows a merged need in large text and never reads 王秀兰’s name', async () => {
    const ds = env.stack.db.ds;
    const pipe = await categoryId(ds, 'pipe');
    const file = async (key: string, description: string) =>
      ok(await call('needs', 'create', { categoryId: pipe, householdId: await homeOf(ds, key), description, place: 'compound' }, as(key))).id;
    const surviving = await file('resident', '小区北门雨水井堵了，一下雨就积水');
    const duplicate = await file('resident2', '北门积水很深，老人过不去');
    ok(await call('needs', 'merge', { needId: duplicate, intoNeedId: surviving }, as('community_staff')));
    ok(await call('needs', 'comment', { needId: surviving, body: '我家就在北门边上，积水进了车库' }, as('resident')));

    const j = new Journey(await env.context.newPage(), env.stack.base, `needs-left-follow-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('赵建国');
    await j.setLargeText(true);
    await j.open(detailRoute(surviving));
    await j.byTestId('need-following').waitFor();
    await j.byTestId('need-thread').getByText('我家就在北门边上，积水进了车库').waitFor();
    await j.root().locator('textarea[aria-label="回复"]').fill('我也是，孩子上学要绕路');
    await j.byTestId('comment-send').click();
    await j.byTestId('need-thread').getByText('我也是，孩子上学要绕路').waitFor();
    const thread = await j.byTestId('need-thread').innerText();
    const timeline = await j.byTestId('need-timeline').innerText();
    const reporter = await j.byTestId('need-reporter').innerText();
    expect(thread).toContain('其他居民');
    expect(timeline).toContain('其他居民');
    expect(reporter).toContain('其他居民');
    for (const text of [thread, timeline, reporter, await j.root().innerText()]) expect(text).not.toContain('王秀兰');
    await j.audit('follower-thread-large');

    // 王秀兰, the reporter, reads the follower's words without his name either.
    await j.loginAs('王秀兰');
    await j.open(detailRoute(surviving));
    await j.byTestId('need-thread').getByText('我也是，孩子上学要绕路').waitFor();
    expect(await j.root().innerText()).not.toContain('赵建国');
    await j.audit('reporter-thread-large');
    expect(j.failures()).toEqual([]);
  });

  it('李明华 sees exact 升级待办 counts and is told why a need still at 楼栋 is not his yet', async () => {
    const ds = env.stack.db.ds;
    const id = ok(
      await call(
        'needs',
        'create',
        { categoryId: await categoryId(ds, 'suggestion'), householdId: await homeOf(ds, 'resident'), description: '3楼楼道声控灯不亮，晚上上下楼看不见' },
        as('resident'),
      ),
    ).id;
    const counts = ok(await call('needs', 'ladderCounts', {}, as('compound_head')));
    const building = ok(await call('needs', 'get', { needId: id }, as('compound_head')));
    expect(building.awaitingRung).toMatchObject({ holder: '楼栋长', nextLabel: '小区' });

    const j = new Journey(await env.context.newPage(), env.stack.base, `needs-left-ladder-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/home/index`);
    await j.loginAs('李明华');
    await j.tapTab('首页');
    await j.byTestId('home-entry-ladder-count').getByText(`待处理 ${counts.all}`, { exact: true }).waitFor();
    await j.audit('home-ladder-count');
    await j.byTestId('home-entry-ladder').click();
    await j.byTestId('ladder-tab-all-count').getByText(String(counts.all), { exact: true }).waitFor();
    await j.byTestId('ladder-tab-overdue-count').getByText(String(counts.overdue), { exact: true }).waitFor();
    await j.audit('ladder-tabs-counted');

    await j.open(detailRoute(id));
    await j.byTestId('need-detail').waitFor();
    const note = j.byTestId('need-awaiting-rung');
    await note.getByText('楼栋长处理中，超时后升级至小区').waitFor();
    const when = await j.byTestId('need-awaiting-rung-at').innerText();
    // The accept deadline in Beijing time, as formatLocalTime writes it.
    const due = new Date(Date.parse(building.acceptDueAt!) + 8 * 3600 * 1000);
    const hhmm = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
    expect(when).toContain(`${due.getUTCMonth() + 1}月${due.getUTCDate()}日 ${hhmm}`);
    expect(when).toContain('升级至小区');
    await expect(j.byTestId('action-dispatch').count()).resolves.toBe(0);
    await j.audit('detail-awaiting-rung');
    expect(j.failures()).toEqual([]);
  });

  it('a newcomer’s 绑定房屋 comes back filled in after the login redirect', async () => {
    const ds = env.stack.db.ds;
    const compoundId = await compoundIdOf(ds, 'NJJP01');
    const j = new Journey(await env.context.newPage(), env.stack.base, `needs-left-bind-${dialect}`);
    // Not signed in: the newcomer opens 绑定房屋 from the compound's code and fills it in.
    await j.page.goto(`${env.stack.base}/#/packages/household/pages/bind/index?compoundId=${compoundId}`);
    const room = j.root().locator('input[aria-label="房号"]');
    await room.waitFor();
    await j.root().locator('[role="radio"]', { hasText: /^1栋$/ }).first().click();
    await j
      .root()
      .locator('[role="radio"]', { hasText: /^1单元$/ })
      .first()
      .click();
    await room.fill('1802');
    await j.root().locator('input[aria-label="姓名"]').fill('周小梅');
    await j.root().locator('input[aria-label="手机号"]').fill('13900001802');
    await j.root().locator('[role="radio"]', { hasText: '租户' }).first().click();
    await j.audit('bind-anonymous');
    await j.root().locator('[role="button"]', { hasText: '提交认证' }).first().click();

    // The app sends the newcomer to sign in, and back to the form afterwards.
    await j.root().getByText('演示模式：仅用于本地体验').waitFor();
    await j.root().locator('[role="button"]', { hasText: '新用户（未填写姓名）' }).filter({ visible: true }).first().click();
    await j.page.waitForFunction(() => window.location.hash.includes('/packages/household/pages/bind/index'));
    await j.byTestId('bind-draft-restored').waitFor();
    await expect(j.root().locator('input[aria-label="房号"]').inputValue()).resolves.toBe('1802');
    await expect(j.root().locator('input[aria-label="姓名"]').inputValue()).resolves.toBe('周小梅');
    await expect(j.root().locator('input[aria-label="手机号"]').inputValue()).resolves.toBe('13900001802');
    await j.audit('bind-after-login');
    const keys = await j.page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('hg.draft.')));
    expect(keys.some((k) => k.includes('hg.draft.wx.'))).toBe(false);
    await j.root().locator('[role="button"]', { hasText: '提交认证' }).first().click();
    await j.root().getByText('已提交，等待楼栋长或社区审核').waitFor();
    await j.audit('bind-submitted');
    expect(j.failures()).toEqual([]);
  });
});

import { PAGES } from '@hg/types/links';
import { as, call, categoryId, homeOf, ok, orgId, storedPhoto } from '../factories';
import { DIALECTS } from '../db';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * Issue #9 item 4: a merged reporter follows the surviving need to its resolution. 王秀兰 and 赵建国
 * report the same blocked main drain (小区公共区域); community staff merge 赵建国's report into 王秀兰's from the
 * console; 赵建国 opens the merge message, lands on the surviving need, sees who is coming and can
 * call them, and later opens the resolution message and sees it resolved. Axe on every page, in
 * normal and large-text mode.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect, { uploads: 'follow' });

  const detailRoute = (id: number) => `/packages/needs/pages/detail/index?id=${id}`;

  async function openMessage(j: Journey, title: string) {
    await j.tapTab('我的');
    await j.byTestId('entry-messages').click();
    await j.page.waitForFunction((r) => window.location.hash.startsWith(`#${r}`), PAGES.messages);
    const message = j.root().locator('[role="link"]', { hasText: title }).first();
    await message.waitFor();
    return message;
  }

  it('赵建国 follows the need his report was merged into, from the merge message to its resolution', async () => {
    const pipe = await categoryId(env.stack.db.ds, 'pipe');
    const file = async (key: string, description: string) =>
      ok(await call('needs', 'create', { categoryId: pipe, householdId: await homeOf(env.stack.db.ds, key), description, place: 'compound' }, as(key))).id;
    const surviving = await file('resident', '小区主下水管堵塞，地下室一直在返水');
    const duplicate = await file('resident2', '地下室返水很臭，好像是总管道堵了');

    const j = new Journey(await env.context.newPage(), env.stack.base, `follow-merged-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);

    // Community staff find the duplicate in the console and merge it with the console's merge action.
    await j.loginAs('杨晓燕');
    await j.tapTab('需求');
    await j.byTestId('entry-console').click();
    await j.byTestId(`need-row-${duplicate}`).waitFor();
    await j.open(detailRoute(duplicate));
    await j.byTestId('need-detail').waitFor();
    await j.byTestId('action-merge').click();
    await j.byTestId('action-form-merge').waitFor();
    // The form offers the open needs of the same category and place as candidates.
    await j
      .byTestId('action-form-merge')
      .locator('[role="radio"]', { hasText: new RegExp(`^#${surviving} `) })
      .first()
      .click();
    await j.audit('merge-form');
    await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('已合并').waitFor();

    // 赵建国 opens the merge message: it leads to the surviving need, which he may now see.
    await j.loginAs('赵建国');
    const merged = await openMessage(j, '需求已合并');
    await j.audit('messages-merged');
    await merged.click();
    await j.page.waitForFunction((id) => window.location.hash.includes(`detail/index?id=${id}`), surviving);
    await j.byTestId('need-following').waitFor();
    await j.byTestId('need-description').getByText('小区主下水管堵塞').waitFor();
    await j.audit('follower-detail');

    // The team takes it on: 赵建国 sees who is coming and can call them.
    const team = await orgId(env.stack.db.ds, '管网疏通服务队');
    ok(await call('needs', 'dispatch', { needId: surviving, orgId: team }, as('community_staff')));
    ok(await call('needs', 'accept', { needId: surviving }, as('team_staff')));
    ok(await call('needs', 'start', { needId: surviving }, as('team_staff')));
    await j.page.reload();
    await j.byTestId('need-handler-person').getByText('何勇').waitFor();
    const callButton = j.byTestId('need-handler-call');
    await callButton.waitFor();
    await expect(callButton.getAttribute('aria-label')).resolves.toBe('拨打 联系何勇 10000000022');
    await j.audit('follower-who-is-coming');

    // Large-text mode, then the resolution message.
    await j.tapTab('我的');
    await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
    await j.page.locator('.page--large:visible').first().waitFor();
    ok(await call('needs', 'resolve', { needId: surviving, note: '总管道已疏通，地下室已清理消毒', photoIds: [storedPhoto('follow')] }, as('team_staff')));
    const resolved = await openMessage(j, '需求已办结');
    await j.audit('messages-resolved-large');
    await resolved.click();
    await j.page.waitForFunction((id) => window.location.hash.includes(`detail/index?id=${id}`), surviving);
    await j.byTestId('need-status').getByText('已办结').waitFor();
    await j.byTestId('need-resolution').getByText('总管道已疏通，地下室已清理消毒').waitFor();
    await expect(j.byTestId('need-handler-call').count()).resolves.toBe(0);
    await expect(j.root().locator('[data-testid="action-rate"]').count()).resolves.toBe(0);
    await j.audit('follower-resolved-large');

    // The reporter of the surviving need sees that another report was merged into hers, without its text.
    await j.loginAs('王秀兰');
    await j.open(detailRoute(surviving));
    await j.byTestId(`merged-${duplicate}`).getByText('其他居民反映的相同问题').waitFor();
    await j.byTestId('action-rate').waitFor();
    await j.audit('reporter-merged-from-large');

    // Calling from the detail (H5: PhoneLink's tel: hand-off) leaves in-app navigation working.
    await j.loginAs('赵建国');
    await j.open(detailRoute(surviving));
    await j.byTestId('need-detail').waitFor();
    ok(await call('needs', 'reopen', { needId: surviving, reason: '地下室又开始返水' }, as('resident')));
    await j.page.reload();
    await j.byTestId('need-handler-call').click();
    await j.tapTab('我的');
    await j.byTestId('entry-messages').click();
    await j.page.waitForFunction((r) => window.location.hash.startsWith(`#${r}`), PAGES.messages);

    expect(j.failures()).toEqual([]);
  });
});

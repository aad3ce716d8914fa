import type { BrowserContext } from 'playwright-core';
import { DIALECTS } from '../db';
import { clock } from '../../cloud/src/core/clock';
import { quarterPeriod, as, buildResident, call, ok, orgId } from '../factories';
import { PHONE, startStack, type Stack } from './harness';
import { Journey, TINY_JPEG } from './journey';
import { linkTo, type SubjectKind } from '@hg/types';

/**
 * Review before publication (issue 16, items 4–5) in a real browser, on a phone (390×844, touch),
 * axe on every page: 林峰 (admin) opens the proposed current quarter in 评星管理 — residents and the
 * assessor are told; households and the assessor rate; 林峰 closes and reviews results and comments
 * (nobody else sees them) and hides one comment himself on 结果审核 (read again in large text), then
 * starts a 7-day 公示; 孙磊 (阆苑物业) sees 公示中 on the firm card without that comment and
 * objects with a photo; 林峰 upholds it with a corrected score; 定稿 is refused while 公示 runs and
 * goes through after it; 孙磊 reads the answer, 已更正 and the 更正记录; 王秀兰 (large text) reads the
 * final card with 已更正 and its 评分说明.
 */
jest.setTimeout(300_000);

const FIRM = '阆苑物业服务有限公司';
const OBJECTION = '组织建设：本季度召开党支部会议3次，考评时漏看了会议记录，附会议记录照片。';
const ANSWER = '核对会议记录属实，组织建设由70分更正为90分。';
const DAY = 24 * 3600 * 1000;
const MANAGE = '/packages/ratings/pages/manage/index';
const HIDDEN = '物业经理的电话从来打不通，投诉没人管';

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let firmId: number;
  const contexts: BrowserContext[] = [];
  const journeys: Journey[] = [];

  async function person(name: string, file: string, largeText = false): Promise<Journey> {
    const context = await stack.browser.newContext(PHONE);
    contexts.push(context);
    const j = new Journey(await context.newPage(), stack.base, `ratings-review-${file}-${dialect}`);
    journeys.push(j);
    await j.page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs(name);
    if (largeText) {
      await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
      await j.page.locator('.page--large:visible').first().waitFor();
    }
    return j;
  }

  async function confirmModal(j: Journey, title: string) {
    const modal = j.page.locator('.taro-modal__content:visible', { hasText: title });
    await modal.waitFor();
    await modal.locator('.taro-model__confirm').click();
    await modal.waitFor({ state: 'hidden' });
  }

  /** 大字模式 on 我的, then back to the page the person was on. */
  async function largeText(j: Journey, on: boolean, back: string) {
    await j.open('/pages/me/index');
    const toggle = j.root().locator('[role="switch"][aria-label="大字模式"]');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
    await j.root().locator(`[role="switch"][aria-label="大字模式"][aria-checked="${on}"]`).waitFor();
    await j.open(back);
    await j.waitForShown(back.split('?')[0]);
  }

  async function openManage(j: Journey) {
    await j.open(MANAGE);
    await j.waitForShown(MANAGE);
  }

  const inbox = async (name: string, title: string) =>
    Number(
      (await stack.db.ds.query('SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.userId WHERE u.name = ? AND n.title = ?', [name, title]))[0]
        .n,
    );

  beforeAll(async () => {
    stack = await startStack(dialect);
    firmId = await orgId(stack.db.ds, FIRM);
  });
  afterAll(async () => {
    clock.reset();
    await stack?.close();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    const failures = journeys.splice(0).flatMap((j) => j.failures().map((f) => ({ journey: j.name, ...f })));
    expect(failures).toEqual([]);
  });

  it('open (told) → rated → closed → reviewed → 公示 → objected → answered → final, the card explaining the corrected composite', async () => {
    // (1) 林峰 opens the current quarter the form proposes, its days in date pickers.
    const admin = await person('林峰', 'admin');
    await admin.byTestId('entry-rating-manage').click();
    await admin.byTestId('open-period').waitFor();
    const q = quarterPeriod();
    const [year, n] = q.code.split('-Q');
    await expect(admin.byTestId('open-period-label').textContent()).resolves.toBe(`${year}年第${n}季度`);
    await expect(admin.byTestId('period-start').getAttribute('aria-label')).resolves.toBe(`开始日期：${q.startsOn}，点按选择日期`);
    await expect(admin.byTestId('period-end').getAttribute('aria-label')).resolves.toBe(`结束日期：${q.endsOn}，点按选择日期`);
    await admin.audit('manage-form');
    await admin.byTestId('period-open').click();
    await confirmModal(admin, '开启评价期');
    const row = admin.root().locator('[data-testid^="period-"][role="listitem"]', { hasText: q.code });
    await row.getByText('评价中').waitFor();
    const periodId = Number((await row.getAttribute('data-testid'))?.replace('period-', ''));
    await admin.audit('manage-opened');
    // Residents and the assessor were told.
    expect(await inbox('王秀兰', '物业评价开始了')).toBe(1);
    expect(await inbox('马建华', '物业考评期已开始')).toBe(1);

    // (2) Six households rate (two with a comment; 王秀兰's is the one 林峰 will hide) and the
    // assessor scores, through the real actions.
    const wang = async () => {
      const home = ok(await call('me', 'get', {}, as('resident'))).memberships.find((m) => m.status === 'verified')!;
      return { openid: as('resident'), householdId: home.householdId };
    };
    for (const [i, stars] of [4, 4, 5, 5, 4, 5].entries()) {
      const r = i === 1 ? await wang() : await buildResident(stack.db.ds);
      const scores = { environment: stars, security: stars, repairs: stars, attitude: stars };
      const comment = i === 0 ? '门岗值守认真，楼道干净' : i === 1 ? HIDDEN : undefined;
      ok(await call('ratings', 'rate', { householdId: r.householdId, scores, ...(comment ? { comment } : {}) }, r.openid));
    }
    ok(await call('ratings', 'assess', { firmId, scores: { organisation: 70, team: 80, service: 85 }, note: '会议记录未见' }, as('assessor')));

    // (3) 林峰 closes and reviews the results and the comments before anyone else sees them.
    await admin.byTestId(`period-${periodId}-step`).click();
    await confirmModal(admin, '截止本期评价');
    await admin.byTestId(`period-${periodId}`).getByText('已截止，审核中').waitFor();
    await admin.byTestId(`period-${periodId}-review`).click();
    await admin.byTestId('review-period').getByText(`${q.code} 期 · 已截止，审核中`).waitFor();
    const reviewed = admin.byTestId(`review-firm-${firmId}`);
    await reviewed.getByText('门岗值守认真，楼道干净').waitFor();
    await reviewed.getByText('组织建设70分', { exact: false }).waitFor();
    await admin.audit('review-closed');
    // He hides one comment right here (the moderation action); the row says so in place.
    const comment = reviewed.locator('[data-testid^="review-comment-"][role="listitem"]', { hasText: HIDDEN });
    await expect(comment.locator('[role="status"]').textContent()).resolves.toBe('公示时公开');
    await comment.locator('[data-testid$="-hide"]').click();
    await confirmModal(admin, '隐藏这条评语');
    await comment.locator('[role="status"]').getByText('已隐藏，不公开').waitFor();
    await comment.locator('[data-testid$="-keep"]').getByText('恢复公开').waitFor();
    await admin.audit('review-comment-hidden');
    expect(await inbox('林峰', '您的评语未予公开')).toBe(0);
    expect(Number((await stack.db.ds.query("SELECT COUNT(*) AS n FROM notifications WHERE title = '您的评语未予公开'"))[0].n)).toBe(1);
    // Read again in large text: the decision and its buttons still fit the phone.
    const reviewRoute = `/packages/ratings/pages/review/index?periodId=${periodId}`;
    await largeText(admin, true, reviewRoute);
    await admin.byTestId(`review-firm-${firmId}`).locator('[data-testid^="review-comment-"]', { hasText: HIDDEN }).getByText('已隐藏，不公开').waitFor();
    await admin.byTestId(`review-firm-${firmId}`).locator('[data-testid^="review-comment-"]', { hasText: HIDDEN }).scrollIntoViewIfNeeded();
    await admin.audit('review-large-text');
    await largeText(admin, false, MANAGE);
    // 孙磊 cannot see the closed period's results on his own firm's card.
    const staff = await person('孙磊', 'firm');
    await staff.open(`/packages/ratings/pages/firm/index?firmId=${firmId}`);
    await staff.byTestId('firm-card').getByText('暂无公布的评价结果').waitFor();

    // (4) 公示 for 7 days: the results are public, marked 公示中 with the last day.
    await openManage(admin);
    await admin.byTestId(`period-${periodId}`).getByText('已截止，审核中').waitFor();
    await expect(admin.byTestId(`period-${periodId}`).locator('input[aria-label="公示天数"]').inputValue()).resolves.toBe('7');
    await admin.byTestId(`period-${periodId}-step`).click();
    await confirmModal(admin, '开始公示');
    await admin.byTestId(`period-${periodId}`).getByText('公示中', { exact: false }).first().waitFor();
    await admin.audit('manage-publicity');

    // (5) 孙磊 sees 公示中 on the card and objects with a photo of the minutes.
    await staff.page.reload();
    await staff
      .byTestId('firm-result-publicity')
      .getByText(/^公示中，\d{4}-\d{2}-\d{2}止$/)
      .waitFor();
    await staff.root().getByText('门岗值守认真，楼道干净').waitFor();
    await expect(staff.root().getByText(HIDDEN).count()).resolves.toBe(0);
    await staff.audit('firm-card-publicity');
    await staff.byTestId('firm-result-object').click();
    await staff.byTestId('objection-form').waitFor();
    await staff.root().locator('textarea[aria-label^="异议内容"]').fill(OBJECTION);
    const [chooser] = await Promise.all([staff.page.waitForEvent('filechooser'), staff.byTestId('objection-photos-add').click()]);
    await chooser.setFiles({ name: 'minutes.jpg', mimeType: 'image/jpeg', buffer: TINY_JPEG });
    await staff.root().locator('img[alt="照片1"]').waitFor();
    await staff.audit('objection-filled');
    await staff.byTestId('objection-submit').click();
    const lodged = staff.root().locator('[data-testid^="objection-"][role="listitem"]', { hasText: OBJECTION });
    await lodged.getByText('待答复').waitFor();
    await staff.audit('objection-lodged');
    expect(await inbox('林峰', '物业企业对评价结果提出异议')).toBe(1);

    // (6) 林峰 answers it: upheld, 组织建设 corrected to 90. 定稿 waits for 公示 to end.
    await openManage(admin);
    await admin.byTestId(`period-${periodId}-objections`).click();
    const item = admin.root().locator('[data-testid^="objection-"][role="listitem"]', { hasText: OBJECTION });
    await item.waitFor();
    await item.locator('img').first().waitFor();
    await item.locator('[role="radio"]', { hasText: '采纳并更正' }).click();
    await item.locator('input[aria-label^="更正后的组织建设"]').fill('90');
    await item.locator('textarea[aria-label^="答复"]').fill(ANSWER);
    await admin.audit('objection-answer');
    await item.locator('[data-testid$="-send"]').click();
    await item.getByText('已采纳，结果已更正').waitFor();
    await admin.audit('objection-answered');
    await openManage(admin);
    await admin.byTestId(`period-${periodId}-step`).click();
    await confirmModal(admin, '定稿公布');
    await admin.byTestId(`period-${periodId}-error`).getByText('公示期满后才能定稿', { exact: false }).waitFor();
    await admin.audit('finalize-refused');
    // Eight days later 公示 is over and every objection answered: 定稿.
    clock.advance(8 * DAY);
    await admin.page.reload();
    await admin.byTestId(`period-${periodId}-step`).click();
    await confirmModal(admin, '定稿公布');
    await admin.byTestId(`period-${periodId}`).getByText('已定稿公布').waitFor();
    await admin.audit('manage-final');

    // (7) 孙磊 reads the answer, and the card: 已更正 with the date, and the history of versions.
    await staff.page.reload();
    await staff.root().getByText(`答复：${ANSWER}`, { exact: false }).waitFor();
    // 公示 is over: no form that would only be refused.
    await staff.byTestId('objection-closed').waitFor();
    await expect(staff.byTestId('objection-form').count()).resolves.toBe(0);
    await staff.audit('objection-answer-read');
    await staff.open(`/packages/ratings/pages/firm/index?firmId=${firmId}`);
    await staff.page.reload();
    await staff
      .byTestId('firm-result-corrected')
      .getByText(/^已更正（\d{4}-\d{2}-\d{2}）$/)
      .waitFor();
    await expect(staff.byTestId('firm-result-publicity').count()).resolves.toBe(0);
    await staff.byTestId('firm-result-versions-toggle').click();
    await staff.byTestId('firm-result-versions-1').getByText('原因：期末计算').waitFor();
    await staff.byTestId('firm-result-versions-2').getByText(`原因：采纳异议：${ANSWER}`).waitFor();
    await staff.byTestId('firm-result-versions').scrollIntoViewIfNeeded();
    await staff.audit('firm-card-versions');

    // (8) 王秀兰, large text: the final card says 已更正 and explains the composite (组织建设 90).
    const resident = await person('王秀兰', 'resident', true);
    await resident.tapTab('首页');
    await resident.byTestId('compound-firm-card').click();
    await resident.byTestId('firm-result-corrected').waitFor();
    await resident.byTestId('firm-result-corrected-note').getByText('经复核后更正过', { exact: false }).waitFor();
    await expect(resident.byTestId('firm-result-versions-toggle').count()).resolves.toBe(0);
    await expect(resident.byTestId('firm-result-object').count()).resolves.toBe(0);
    await resident.audit('firm-card-final');
    await resident.byTestId('firm-explain').waitFor();
    await expect(resident.byTestId('firm-explain').locator('[data-testid$="-organisation-score"]').first().textContent()).resolves.toBe('90分');
    await resident.root().locator('[data-testid$="-composite"]').first().scrollIntoViewIfNeeded();
    await resident.audit('firm-card-explained');

    // (9) The comment 林峰 hid was 王秀兰's: its message (您的评语未予公开) opens 评价物业, which now,
    // with no period open, shows her household's rating for the final period, her words and their fate.
    const [told] = (await stack.db.ds.query(
      "SELECT n.subjectKind AS subjectKind, n.subjectId AS subjectId FROM notifications n JOIN users u ON u.id = n.userId WHERE u.name = '王秀兰' AND n.title = '您的评语未予公开'",
    )) as { subjectKind: SubjectKind; subjectId: number }[];
    const link = linkTo({ subjectKind: told.subjectKind, subjectId: Number(told.subjectId) });
    await resident.open(link);
    await resident.waitForShown(link);
    const previous = resident.byTestId('rate-previous');
    await previous.getByText(HIDDEN, { exact: false }).waitFor();
    await expect(resident.byTestId('rate-previous-state').textContent()).resolves.toBe('您的评语：社区审核后未予公开；您的评分仍然有效');
    await previous.scrollIntoViewIfNeeded();
    await resident.audit('rate-previous-hidden');
  });
});

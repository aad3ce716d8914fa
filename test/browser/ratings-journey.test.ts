import type { BrowserContext } from 'playwright-core';
import { DIALECTS } from '../db';
import { clock } from '../../cloud/src/core/clock';
import { localDay } from '@hg/types';
import { as, buildResident, call, ok, orgId, quarterPeriod } from '../factories';
import { PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * 星级物业 in a real browser, on a phone (390×844, touch), axe on every page:
 * the admin opens a period in 评星管理; 王秀兰 (large-text mode) rates her firm from the compound
 * home with big stars and a comment; the assessor scores the firm in 物业考评; the admin closes and
 * publishes the period; 物业星级榜 shows the firm's stars with 「N户评价」; the firm's staff reply in
 * 评价反馈 and 王秀兰 reads the reply on the firm card. Before that, a small check: a published period
 * with a single household shows 「样本不足」 (no stars) on the compound home's firm card.
 *
 * Every person uses their own phone (browser context): 大字模式 is a device setting.
 */
jest.setTimeout(300_000);

const FIRM = '阆苑物业服务有限公司';
/** What 王秀兰 writes (her phone number included), and what everyone else reads of it. */
const COMMENT = '楼道打扫得很干净，保安老周很负责，谢谢物业。有事打我电话138 1234 5678';
const PUBLIC = '楼道打扫得很干净，保安老周很负责，谢谢物业。有事打我电话【电话已隐去】';
const MASKED = '楼道打扫得很干净，保安＊＊很负责，谢谢物业。有事打我电话【电话已隐去】';
const REPLY = '感谢各位居民的肯定，我们会继续做好楼道保洁和门岗值守。';
const SCORES = { environment: 5, security: 5, repairs: 4, attitude: 5 } as const;

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let firmId: number;
  /** The quarter of 120 days ago: an earlier period, rated and published before the journey's own. */
  const earlier = quarterPeriod(new Date(Date.now() - 120 * 24 * 3600 * 1000));
  const contexts: BrowserContext[] = [];
  const journeys: Journey[] = [];

  /** A person on their own phone, signed in, on 我的; large-text mode switched on when asked. */
  async function person(name: string, file: string, largeText = false, prefix = 'ratings'): Promise<Journey> {
    const context = await stack.browser.newContext(PHONE);
    contexts.push(context);
    const j = new Journey(await context.newPage(), stack.base, `${prefix}-${file}-${dialect}`);
    journeys.push(j);
    await j.page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs(name);
    if (largeText) {
      await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
      await j.page.locator('.page--large:visible').first().waitFor();
    }
    return j;
  }

  /** Taro's H5 modal (showModal): confirm it. */
  async function confirmModal(j: Journey, title: string) {
    const modal = j.page.locator('.taro-modal__content:visible', { hasText: title });
    await modal.waitFor();
    await modal.locator('.taro-model__confirm').click();
    await modal.waitFor({ state: 'hidden' });
  }

  /** A verified household of 锦屏花园 rates the firm through the real action. */
  async function anotherHousehold(stars: number) {
    const r = await buildResident(stack.db.ds);
    ok(
      await call('ratings', 'rate', { householdId: r.householdId, scores: { environment: stars, security: stars, repairs: stars, attitude: stars } }, r.openid),
    );
  }

  beforeAll(async () => {
    stack = await startStack(dialect);
    firmId = await orgId(stack.db.ds, FIRM);
  });
  afterAll(async () => {
    await stack?.close();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    const failures = journeys.splice(0).flatMap((j) => j.failures().map((f) => ({ journey: j.name, ...f })));
    expect(failures).toEqual([]);
  });

  it('a published period with one household: the compound home shows 样本不足 and 1户评价, no stars', async () => {
    // An earlier period, set up through the real actions with the clock in that quarter (households
    // rate only between a period's first and last day): one household rates, the admin publishes.
    clock.advance(-120 * 24 * 3600 * 1000);
    const period = ok(await call('ratings', 'openPeriod', earlier, as('admin')));
    await anotherHousehold(4);
    clock.reset();
    ok(await call('ratings', 'closePeriod', { periodId: period.id }, as('admin')));
    ok(await call('ratings', 'publishPeriod', { periodId: period.id }, as('admin')));

    const j = await person('王秀兰', 'small-sample', true);
    await j.tapTab('首页');
    const stars = j.byTestId('compound-firm-stars');
    await stars.waitFor();
    await expect(stars.getAttribute('aria-label')).resolves.toBe('样本不足，1户评价，满5户后显示星级');
    await expect(j.byTestId('compound-firm-stars-none').textContent()).resolves.toBe('样本不足');
    await expect(j.byTestId('compound-firm-stars-sample').textContent()).resolves.toBe('1户评价');
    await expect(j.byTestId('compound-firm-stars-value').count()).resolves.toBe(0);
    await expect(j.byTestId('compound-firm-rating').textContent()).resolves.toContain(`${earlier.code} 期`);
    await j.byTestId('compound-firm-rating').scrollIntoViewIfNeeded();
    await j.audit('home-small-sample');

    // The firm card says the same, and explains its dashes (no assessor scores, no stars that period).
    await j.byTestId('compound-firm-card').click();
    await expect(j.byTestId('firm-result-stars-none').textContent()).resolves.toBe('样本不足');
    await j.byTestId('firm-result-dash').waitFor();
    // No period is open: the card says so instead of a 去评价 that would only be refused.
    await j.byTestId('firm-rate-blocked').getByText('当前没有进行中的评价期', { exact: false }).waitFor();
    await expect(j.byTestId('firm-rate').count()).resolves.toBe(0);
    await j.byTestId('firm-trend-dash').scrollIntoViewIfNeeded();
    await j.audit('firm-card-small-sample');
  });

  it('admin opens a period → 王秀兰 rates from the compound home → assessor scores → admin publishes → board → firm replies', async () => {
    // (1) 林峰 opens the next quarter in 评星管理.
    const admin = await person('林峰', 'admin');
    await admin.byTestId('entry-rating-manage').click();
    await admin.byTestId('open-period').waitFor();
    await admin.root().getByText(earlier.code).waitFor();
    await admin.audit('manage');
    const code = (await admin.root().locator('input[aria-label="期号"]').inputValue()).trim();
    expect(code).toMatch(/^20\d{2}-Q[1-4]$/);
    await admin.byTestId('period-open').click();
    await confirmModal(admin, '开启评价期');
    const row = admin.root().locator('[data-testid^="period-"][role="listitem"]', { hasText: code });
    await row.getByText('评价中').waitFor();
    // The form stays, now to prepare the following quarter ahead (it would open by itself).
    await admin.byTestId('open-period').getByText('安排下一期').waitFor();
    await expect(admin.byTestId('open-period').locator('input[aria-label="期号"]').inputValue()).resolves.not.toBe(code);
    await admin.audit('manage-opened');
    const periodId = Number((await row.getAttribute('data-testid'))?.replace('period-', ''));
    expect(periodId).toBeGreaterThan(0);

    // (2) 王秀兰, large text: 首页 → 查看评价 · 去评价 → 去评价 → four rows of big stars and a comment.
    const resident = await person('王秀兰', 'resident', true);
    await resident.tapTab('首页');
    await resident.byTestId('compound-firm-card').click();
    await resident.byTestId('firm-card').getByText(FIRM).first().waitFor();
    await resident.audit('firm-card');
    await expect(resident.byTestId('firm-rate').textContent()).resolves.toBe('去评价');
    await resident.byTestId('firm-rate').click();
    await resident.byTestId('rate-form').waitFor();
    await expect(resident.byTestId('rate-firm').textContent()).resolves.toContain(`${FIRM} · ${code} 期`);
    await resident.audit('rate-empty');
    for (const [dimension, n] of Object.entries(SCORES)) {
      await resident.root().locator(`[role="radiogroup"][aria-labelledby="rate-${dimension}-label"] [role="radio"][aria-label="${n}星"]`).tap();
      await resident.byTestId(`rate-${dimension}-word`).getByText(`${n}星`).waitFor();
    }
    await resident.root().locator('textarea[aria-label^="想说的话"]').fill(COMMENT);
    // Before sending she sees that her number will not be public.
    await expect(resident.byTestId('rate-masked-preview').textContent()).resolves.toContain(PUBLIC);
    await resident.audit('rate-filled');
    await resident.byTestId('rate-submit').tap();
    await resident
      .byTestId('rate-done')
      .getByText(/^感谢您的评价/)
      .waitFor();
    await expect(resident.root().evaluate((el) => el.classList.contains('page--large'))).resolves.toBe(true);
    await resident.audit('rate-done');
    const [rating] = await stack.db.ds.query(
      'SELECT r.scores, r.comment, r.firmId FROM household_ratings r JOIN users u ON u.id = r.userId WHERE r.periodId = ? AND u.name = ?',
      [periodId, '王秀兰'],
    );
    expect({ ...rating, scores: JSON.parse(rating.scores), firmId: Number(rating.firmId) }).toEqual({ scores: SCORES, comment: COMMENT, firmId });

    // Four more verified households rate, so the firm reaches the minimum sample (5).
    for (const n of [5, 4, 4, 5]) await anotherHousehold(n);

    // (3) 马建华 scores 阆苑物业 in 物业考评.
    const assessor = await person('马建华', 'assessor');
    await assessor.byTestId('entry-assess').click();
    await assessor.byTestId(`assess-firm-${firmId}`).waitFor();
    await assessor.byTestId('assess-period').getByText(`${code} 期 · 评价中`, { exact: false }).waitFor();
    await expect(assessor.byTestId(`assess-firm-${firmId}-state`).textContent()).resolves.toBe('未考评');
    await assessor.audit('assess-list');
    await assessor.byTestId(`assess-firm-${firmId}`).click();
    const form = assessor.byTestId(`assess-form-${firmId}`);
    await form.waitFor();
    await form.locator('input[aria-label="组织建设（0–100分）"]').fill('90');
    await form.locator('input[aria-label="队伍建设（0–100分）"]').fill('85');
    await form.locator('input[aria-label="服务质量（0–100分）"]').fill('88');
    await form.locator('textarea[aria-label^="考评说明"]').fill('台账齐全，门岗24小时值守。');
    await assessor.audit('assess-filled');
    await assessor.byTestId('assess-submit').click();
    await assessor.byTestId('assess-done').getByText(`已保存${FIRM}的考评`, { exact: false }).waitFor();
    // The list below now marks the firm as done, with its scores.
    await assessor.byTestId(`assess-firm-${firmId}-state`).getByText('✓ 已考评：组织建设90 · 队伍建设85 · 服务质量88').waitFor();
    await assessor.audit('assess-done');
    await assessor.byTestId(`assess-firm-${firmId}`).scrollIntoViewIfNeeded();
    await assessor.audit('assess-list-done');

    // (4) 林峰 closes, then starts 公示 (the results become public, marked 公示中; 定稿 follows later).
    await admin.page.reload();
    await admin.byTestId(`period-${periodId}`).getByText('评价中').waitFor();
    await admin.byTestId(`period-${periodId}-step`).click();
    await confirmModal(admin, '截止本期评价');
    await admin.byTestId(`period-${periodId}`).getByText('已截止，审核中').waitFor();
    await admin.audit('manage-closed');
    await admin.byTestId(`period-${periodId}-step`).click();
    await confirmModal(admin, '开始公示');
    await admin.byTestId(`period-${periodId}`).getByText('公示中', { exact: false }).first().waitFor();
    await expect(admin.byTestId(`period-${periodId}-step`).textContent()).resolves.toBe('定稿公布');
    // The form for the next period does not offer the code just used.
    const nextCode = await admin.root().locator('input[aria-label="期号"]').inputValue();
    expect(nextCode).not.toBe(code);
    expect(nextCode).not.toBe(earlier.code);
    await admin.audit('manage-published');

    // (5) 物业星级榜: the firm with its stars and 「5户评价」 (6 would mean a household counted twice).
    await admin.tapTab('我的');
    await admin.byTestId('entry-firm-board').click();
    await admin.byTestId('board-period').getByText(`${code} 期 · 公示中`, { exact: false }).waitFor();
    const boardStars = admin.root().locator(`[data-testid^="board-stars-${firmId}-"]`).first();
    await boardStars.waitFor();
    await expect(boardStars.locator('[data-testid$="-sample"]').textContent()).resolves.toBe('5户评价');
    await expect(boardStars.locator('[data-testid$="-value"]').textContent()).resolves.toMatch(/^[1-5](\.5)?星$/);
    await expect(boardStars.locator('[data-testid$="-none"]').count()).resolves.toBe(0);
    await admin.audit('leaderboard');

    // The resident's compound home now shows the stars too.
    await resident.tapTab('首页');
    await resident.page.reload();
    await resident.byTestId('compound-firm-stars-value').waitFor();
    await expect(resident.byTestId('compound-firm-stars-sample').textContent()).resolves.toBe('5户评价');
    await expect(resident.byTestId('compound-firm-rating').textContent()).resolves.toContain(`${code} 期`);
    await resident.byTestId('compound-firm-rating').scrollIntoViewIfNeeded();
    await resident.audit('home-stars');
    // …and she finds 物业星级榜 herself, from 我的.
    await resident.tapTab('我的');
    await resident.byTestId('entry-firm-board').click();
    await resident.root().locator(`[data-testid^="board-stars-${firmId}-"] [data-testid$="-value"]`).first().waitFor();
    await resident.audit('leaderboard-resident');

    // (6) 孙磊 replies in 评价反馈; the reply shows on the firm card for 王秀兰.
    const staff = await person('孙磊', 'firm-staff');
    await staff.byTestId('entry-firm-reply').click();
    await staff.byTestId('reply-box').waitFor();
    await staff.root().getByText(PUBLIC).waitFor();
    // The firm reads the criticism, never her phone number.
    await expect(staff.root().textContent()).resolves.not.toContain('1234');
    await staff.audit('reply');
    await staff.root().locator('textarea[aria-label="回复内容"]').fill(REPLY);
    await staff.byTestId('reply-submit').click();
    await staff.byTestId('reply-done').waitFor();
    await staff.audit('reply-done');
    await staff.byTestId('reply-see').click();
    await staff.byTestId('firm-reply').getByText(REPLY).waitFor();
    await staff.audit('reply-on-firm-card');

    await resident.tapTab('首页');
    await resident.byTestId('compound-firm-card').click();
    await resident.byTestId('firm-reply').getByText(REPLY).waitFor();
    await expect(resident.byTestId('firm-result-stars-sample').textContent()).resolves.toBe('5户评价');
    await resident.root().getByText(PUBLIC).waitFor();
    await resident.byTestId('firm-reply').scrollIntoViewIfNeeded();
    await resident.audit('firm-card-reply');

    // (7) 杨晓燕 (community staff over the compound) hides the guard's name from the public text and
    // keeps the rest of the praise: 物业星级榜 → the firm → 隐去部分内容.
    const clerk = await person('杨晓燕', 'moderator');
    await clerk.byTestId('entry-firm-board').click();
    await clerk.root().locator(`[data-testid^="board-stars-${firmId}-"]`).first().click();
    const comment = clerk.root().locator('[data-testid^="comment-"][role="listitem"]', { hasText: PUBLIC });
    await comment.waitFor();
    await comment.locator('[data-testid^="mask-open-"]').click();
    await comment.locator('input[aria-label^="要隐去的文字"]').fill('老周');
    await clerk.audit('mask-form');
    await comment.locator('[data-testid^="mask-submit-"]').click();
    await clerk.root().getByText(MASKED).waitFor();
    await clerk.audit('masked');
    // 王秀兰 still has her own words; the public has the masked ones.
    await resident.page.reload();
    await resident.root().getByText(MASKED).waitFor();
    await expect(resident.byTestId('firm-card').locator('[data-testid^="mask-open-"]').count()).resolves.toBe(0);

    const [{ n }] = await stack.db.ds.query("SELECT COUNT(*) AS n FROM rating_periods WHERE status IN ('publicity', 'published')");
    expect(Number(n)).toBe(2);
  });

  it('two members of one household and the rating, both told; the firm card explains the composite', async () => {
    // A new period (a month inside this quarter); 王秀兰's son 王志刚 binds to her home (1栋1单元502).
    const month = `${localDay(clock.now()).slice(0, 7)}`;
    ok(await call('ratings', 'openPeriod', { ...quarterPeriod(), code: month }, as('admin')));
    await buildResident(stack.db.ds, { openid: 'demo:voice-son', name: '王志刚', building: '1栋', unit: '1单元', room: '502', relation: 'family' });
    const MOTHER_SAYS = '电梯按钮坏了两周，请尽快修';

    // (1) 王秀兰, large text, rates: the page says the household has rated and when — no 已修改.
    const mother = await person('王秀兰', 'mother', true, 'rating-voice');
    await mother.byTestId('entry-rate-firm').click();
    await mother.byTestId('rate-form').waitFor();
    await mother.root().getByRole('heading', { name: '给物业打分' }).waitFor();
    for (const [dimension, n] of Object.entries(SCORES)) {
      await mother.root().locator(`[role="radiogroup"][aria-labelledby="rate-${dimension}-label"] [role="radio"][aria-label="${n}星"]`).tap();
    }
    await mother.root().locator('textarea[aria-label^="想说的话"]').fill(MOTHER_SAYS);
    await mother.byTestId('rate-submit').tap();
    await mother.byTestId('rate-done').waitFor();
    const mine = mother.byTestId('rate-household-status');
    await mine.getByText('下面是您提交的评价', { exact: false }).waitFor();
    await expect(mine.textContent()).resolves.toMatch(/^本户已于\d+月\d+日 \d{2}:\d{2}评价。下面是您提交的评价。$/);
    await mother.root().getByRole('heading', { name: '修改我的评价' }).waitFor();
    await mine.scrollIntoViewIfNeeded();
    await mother.audit('mother-rated');

    // (2) 王志刚, large text: the household has rated, when, with her stars — never her words; he changes it.
    const son = await person('王志刚', 'son', true, 'rating-voice');
    await son.byTestId('entry-rate-firm').click();
    await son.byTestId('rate-form').waitFor();
    await son.root().getByRole('heading', { name: '修改本户的评价' }).waitFor();
    const theirs = son.byTestId('rate-household-status');
    await expect(theirs.textContent()).resolves.toContain('下面的星级是家中其他成员提交的。那位家人写的评语或语音留言只有其本人能看到。');
    await expect(theirs.textContent()).resolves.not.toContain('已修改');
    await expect(son.root().locator('textarea[aria-label^="想说的话"]').inputValue()).resolves.toBe('');
    await expect(son.root().textContent()).resolves.not.toContain('电梯按钮');
    await son.root().locator('[role="radiogroup"][aria-labelledby="rate-repairs-label"] [role="radio"][aria-checked="true"][aria-label="4星"]').waitFor();
    await son.byTestId('rate-household-status').scrollIntoViewIfNeeded();
    await son.audit('son-sees-household-rating');
    await son.root().locator('[role="radiogroup"][aria-labelledby="rate-repairs-label"] [role="radio"][aria-label="2星"]').tap();
    await son.root().locator('textarea[aria-label^="想说的话"]').fill('维修太慢');
    await son.byTestId('rate-submit').tap();
    await son.byTestId('rate-done').waitFor();
    await son.root().getByRole('heading', { name: '修改我的评价' }).waitFor();
    await son.byTestId('rate-household-status').getByText('已修改1次', { exact: false }).waitFor();
    await son.audit('son-changed');

    // (3) She is told, in 消息中心; the message opens 评价物业 with his stars, not her comment, and not his.
    await mother.tapTab('我的');
    await mother.page.reload();
    await mother.byTestId('entry-messages').click();
    const message = mother.root().locator('[data-testid^="message-"]', { hasText: '家人修改了本户的物业评价' });
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain('您写的评语不再公开显示');
    await mother.audit('mother-told');
    await message.locator('[role="link"]').click();
    await mother.byTestId('rate-form').waitFor();
    await mother.root().getByRole('heading', { name: '修改本户的评价' }).waitFor();
    await expect(mother.byTestId('rate-household-status').textContent()).resolves.toContain('已修改1次');
    await mother.root().locator('[role="radiogroup"][aria-labelledby="rate-repairs-label"] [role="radio"][aria-checked="true"][aria-label="2星"]').waitFor();
    await expect(mother.root().locator('textarea[aria-label^="想说的话"]').inputValue()).resolves.toBe('');
    await expect(mother.root().textContent()).resolves.not.toContain('维修太慢');
    await mother.audit('mother-sees-change');
    const [row] = await stack.db.ds.query(
      'SELECT COUNT(*) AS n, MAX(r.comment) AS comment FROM household_ratings r JOIN rating_periods p ON p.id = r.periodId WHERE p.code = ? AND r.householdId = (SELECT householdId FROM household_ratings WHERE comment = ?)',
      [month, '维修太慢'],
    );
    expect({ n: Number(row.n), comment: row.comment }).toEqual({ n: 1, comment: '维修太慢' });

    // (4) 物业星级榜 → 评分说明 of her firm: four criteria with weights and sources, the sample, the rounding.
    await mother.tapTab('我的');
    await mother.byTestId('entry-firm-board').click();
    const explainLink = mother.byTestId(`board-explain-${firmId}-commercial`);
    await explainLink.waitFor();
    await mother.audit('board-explain-links');
    await explainLink.click();
    const explain = mother.byTestId('firm-explain');
    await explain.waitFor();
    await explain.getByText('评分说明').first().waitFor();
    await expect(mother.byTestId('firm-explain-commercial-organisation').textContent()).resolves.toContain('由1位考评员按组织建设标准打分');
    await expect(mother.byTestId('firm-explain-commercial-satisfaction').textContent()).resolves.toContain('来自5户居民的评价');
    await expect(mother.byTestId('firm-explain-commercial-sample').textContent()).resolves.toBe('评价户数：5户，评星至少需要5户 — 已达到');
    await mother.byTestId('firm-explain-commercial-rounding').getByText('四舍五入到半颗星', { exact: false }).waitFor();
    await mother.audit('firm-explain');
    await mother.byTestId('firm-explain-commercial-rounding').scrollIntoViewIfNeeded();
    await mother.audit('firm-explain-sample-rounding');
  });
});

import type { BrowserContext } from 'playwright-core';
import { DIALECTS } from '../db';
import { clock } from '../../cloud/src/core/clock';
import { as, buildResident, call, homeOf, ok, orgId, quarterPeriod } from '../factories';
import { PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * Issue 16, item 5 in a real browser, on a phone (390×844, touch), axe on every page. A period is
 * rated (王秀兰 among five households, with a comment), assessed with a note, closed, in 公示 and final; three
 * residents report another comment, which hides it. Then: 孙磊 (the firm) replies to 王秀兰's comment
 * in 评价反馈 and reads the assessor's note on his firm's page; 王秀兰 (large text) is told in 消息中心
 * and the message opens the firm's page with the reply under her comment (no assessor note for her);
 * 杨晓燕 (moderator) sees the hidden comment with its compound, period, stars and reasons counted.
 */
jest.setTimeout(300_000);

const FIRM = '阆苑物业服务有限公司';
const HERS = '电梯按钮坏了两周，报修后一直没人来';
const REPORTED = '物业经理就是个骗子，收钱不办事';
const REPLY = '已更换电梯按钮，今后报修两天内上门，谢谢您的监督。';
const NOTE = '消防台账缺两个月的巡查记录';
const DAY = 24 * 3600 * 1000;
const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let firmId: number;
  const code = quarterPeriod().code;
  const contexts: BrowserContext[] = [];
  const journeys: Journey[] = [];

  async function person(name: string, file: string, largeText = false): Promise<Journey> {
    const context = await stack.browser.newContext(PHONE);
    contexts.push(context);
    const j = new Journey(await context.newPage(), stack.base, `ratings-replies-${file}-${dialect}`);
    journeys.push(j);
    await j.page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs(name);
    if (largeText) {
      await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
      await j.page.locator('.page--large:visible').first().waitFor();
    }
    return j;
  }

  beforeAll(async () => {
    stack = await startStack(dialect);
    firmId = await orgId(stack.db.ds, FIRM);
    // The period, through the real actions: five households of 锦屏花园 rate (王秀兰 with her comment).
    const periodId = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
    ok(await call('ratings', 'rate', { householdId: await homeOf(stack.db.ds, 'resident'), scores: all(2), comment: HERS }, as('resident')));
    const others = [];
    for (const [i, n] of [4, 5, 4, 5].entries()) {
      const r = await buildResident(stack.db.ds);
      others.push(r);
      ok(await call('ratings', 'rate', { householdId: r.householdId, scores: all(n), ...(i === 0 ? { comment: REPORTED } : {}) }, r.openid));
    }
    ok(await call('ratings', 'assess', { firmId, scores: { organisation: 80, team: 75, service: 85 }, note: NOTE }, as('assessor')));
    ok(await call('ratings', 'closePeriod', { periodId }, as('admin')));
    ok(await call('ratings', 'publishPeriod', { periodId }, as('admin')));
    // 公示 runs its days; with no objection the admin finalizes after it.
    clock.advance(40 * DAY);
    ok(await call('ratings', 'finalizePeriod', { periodId }, as('admin')));
    clock.reset();
    // Three residents report the insult, with their reasons: it is hidden until a moderator decides.
    const card = ok(await call('ratings', 'firmCard', { firmId }, as('resident')));
    const reported = card.comments.find((c) => c.body === REPORTED)!.ratingId;
    for (const [who, reason] of [
      [others[1].openid, 'abusive'],
      [others[2].openid, 'abusive'],
      [others[3].openid, 'untrue'],
    ] as const)
      ok(await call('ratings', 'reportComment', { ratingId: reported, reason }, who));
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

  it('the firm replies to one comment; 王秀兰 is told and reads it under her comment; the moderator sees the context', async () => {
    // (1) 孙磊: 我的 → 评价反馈 → 王秀兰's comment → 回复.
    const staff = await person('孙磊', 'firm');
    await staff.byTestId('entry-firm-reply').click();
    const row = staff.root().locator('[data-testid^="feedback-"][role="listitem"]', { hasText: HERS });
    await row.waitFor();
    await staff.audit('feedback');
    await row.locator('[data-testid^="feedback-open-"]').click();
    await row.locator('textarea[aria-label="回复这条评价"]').fill(REPLY);
    await staff.audit('reply-typed');
    await row.locator('[data-testid^="feedback-send-"]').click();
    await row.getByText('回复已公开，评价人会收到通知').waitFor();
    await row.locator('[data-testid^="feedback-reply-"]').getByText(REPLY).waitFor();
    await expect(row.locator('[data-testid^="feedback-open-"]').textContent()).resolves.toBe('修改回复');
    await row.scrollIntoViewIfNeeded();
    await staff.audit('replied');
    // His firm's page shows him the assessor's note behind the scores.
    await staff.page.goto(`${stack.base}/#/packages/ratings/pages/firm/index?firmId=${firmId}`);
    await staff.byTestId('firm-evidence').getByText(NOTE).waitFor();
    await staff.byTestId('firm-evidence').scrollIntoViewIfNeeded();
    await staff.audit('evidence');

    // (2) 王秀兰, large text: 消息中心 → 物业回复了您的评语 → the firm's page, the reply under her comment.
    const resident = await person('王秀兰', 'resident', true);
    await resident.byTestId('entry-messages').click();
    const message = resident.root().locator('[data-testid^="message-"]', { hasText: '物业回复了您的评语' });
    await message.waitFor();
    await resident.audit('message');
    await message.click();
    const mine = resident.root().locator('[data-testid^="comment-"][role="listitem"]', { hasText: HERS });
    await mine.waitFor();
    const reply = mine.locator('[data-testid^="comment-reply-"]');
    await reply.getByText(REPLY).waitFor();
    await expect(reply.textContent()).resolves.toContain('物业回复');
    await expect(resident.root().evaluate((el) => el.classList.contains('page--large'))).resolves.toBe(true);
    // Residents never receive the assessor's notes.
    await expect(resident.byTestId('firm-evidence').count()).resolves.toBe(0);
    await expect(resident.root().textContent()).resolves.not.toContain(NOTE);
    await mine.scrollIntoViewIfNeeded();
    await resident.audit('reply-under-comment');

    // (3) 杨晓燕: 评论审核 shows where and when, the stars, the masked text and the reasons counted.
    const clerk = await person('杨晓燕', 'moderator');
    await clerk.byTestId('entry-moderation').click();
    const item = clerk.root().locator('[data-testid^="moderation-"][role="listitem"]', { hasText: REPORTED });
    await item.waitFor();
    await item.getByText(`锦屏花园 · ${code} 期`).waitFor();
    await item.getByText('这户打的星：环境卫生4星 · 安全秩序4星 · 维修响应4星 · 服务态度4星').waitFor();
    await item.getByText('举报理由（共 3 次）').waitFor();
    await item.getByText('辱骂攻击 × 2').waitFor();
    await item.getByText('内容不实 × 1').waitFor();
    await clerk.audit('moderation-context');
  });
});

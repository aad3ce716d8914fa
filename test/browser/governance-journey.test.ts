import type { BrowserContext } from 'playwright-core';
import type { EntityManager } from 'typeorm';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { timersOf } from '../../cloud/src/core/module';
import { localPlatform } from '../../cloud/src/core/platform';
import { MODULES } from '../../cloud/src/app';
import { runJobs } from '../../cloud/src/modules/timers/actions/run-tick';
import { DIALECTS } from '../db';
import { as, buildResident, call, homeOf, ok } from '../factories';
import { PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * 五步议事法 in a real browser, on a phone (390×844, touch), axe on every page:
 * 杨晓燕 (community staff) drafts a matter for 锦屏花园 in 制定方案 and publishes it with a window
 * after the notice period; time passes and the timer opens the vote; 王秀兰 (large text) votes from
 * the 首页 card in three taps (card → option → confirm); another member of her household changes the
 * household's ballot and she sees it; 赵建国 votes; the staff see turnout (never choices) and enter
 * a meeting ballot for 赵建国's household, confirming the replacement of his online one; the vote
 * lapses and the timer closes it; the staff write and publish the outcome; 王秀兰 follows the
 * message to the matter, which shows the stored tally.
 */
jest.setTimeout(300_000);

const DAY = 24 * 3600_000;
const TITLE = '小区南门加装电动伸缩门';
const TEXT = '南门现为手动铁门，夜间常敞开。拟加装一套电动伸缩门，费用约2.8万元，从小区公共收益中列支。';

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  const journeys: Journey[] = [];

  async function person(name: string, file: string, largeText = false): Promise<Journey> {
    const context = await stack.browser.newContext(PHONE);
    contexts.push(context);
    const j = new Journey(await context.newPage(), stack.base, `governance-${file}-${dialect}`);
    journeys.push(j);
    await j.page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs(name);
    if (largeText) await j.setLargeText(true);
    return j;
  }

  /** The one deployed timer function's jobs, at the clock's now. */
  const tick = () =>
    runJobs(
      { ds: stack.db.ds, tx: <T>(w: (em: EntityManager) => Promise<T>) => runInTransaction(stack.db.ds, w), platform: localPlatform(stack.base) },
      timersOf(MODULES),
      clock.now(),
    );

  const currentBallots = async (matterId: number, householdId: number) =>
    Number(
      (
        await stack.db.ds.query("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND householdId = ? AND status = 'current'", [
          matterId,
          householdId,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    stack = await startStack(dialect);
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

  it('staff draft and publish → the vote opens → households vote and change → paper ballot → close → outcome → the tally', async () => {
    // (1) 杨晓燕: 我的 → 议事协商 → 锦屏花园 → 发起议题 → 制定方案.
    const staff = await person('杨晓燕', 'staff');
    await staff.byTestId('entry-governance-work').click();
    await staff.root().locator('[role="radio"]', { hasText: '锦屏花园' }).click();
    await staff.byTestId('matter-new').click();
    await staff.root().locator('input[aria-label="议题标题"]').fill(TITLE);
    await staff.root().locator('textarea[aria-label^="方案内容"]').fill(TEXT);
    await staff.root().locator('input[aria-label="选项 1"]').fill('同意加装');
    await staff.root().locator('input[aria-label="选项 2"]').fill('不同意加装');
    await staff.audit('draft-form');
    await staff.byTestId('draft-save').click();
    await staff.byTestId('publish-form').waitFor();
    const matterId = Number((await staff.root().locator('[data-testid^="matter-page-"]').getAttribute('data-testid'))?.replace('matter-page-', ''));
    expect(matterId).toBeGreaterThan(0);
    await expect(staff.byTestId('rule-deadline').textContent()).resolves.toContain('公告至少 3 天后才开始投票');
    await staff.audit('draft-matter');

    // 发布公告: the first day after the notice period, seven days of voting.
    await staff.byTestId('matter-publish').click();
    await staff.byTestId('matter-version').waitFor();
    await expect(staff.byTestId('matter-version').textContent()).resolves.toMatch(/^第1版 · 校验码 [0-9a-f]{8}$/);
    await expect(staff.byTestId('matter-status').textContent()).resolves.toContain('发布公告');
    await expect(staff.byTestId('rule-who').textContent()).resolves.toMatch(/全小区（锦屏花园）每户一票，共 \d+ 户/);
    await staff.audit('published');

    // (2) The notice period passes; the timer opens the vote.
    clock.advance(4 * DAY + 3600_000);
    expect((await tick()).votesOpened).toBe(1);

    // (3) 王秀兰, large text: 首页 → 去投票 → 同意加装 → confirm. Three taps.
    const wang = await person('王秀兰', 'resident', true);
    await wang.tapTab('首页');
    const card = wang.byTestId(`home-vote-${matterId}`);
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain(`去投票：${TITLE}`);
    await wang.audit('home-card');
    const home = await homeOf(stack.db.ds, 'resident');
    await card.click();
    await wang.byTestId(`vote-${home}-none`).waitFor();
    await expect(wang.byTestId('matter-tally').count()).resolves.toBe(0);
    await wang.audit('matter-before-vote');
    await wang.byTestId(`vote-${home}-option-0`).click();
    await wang.byTestId(`vote-${home}-confirm`).waitFor();
    await wang.audit('confirm');
    await wang.byTestId(`vote-${home}-confirm-yes`).click();
    await expect(wang.byTestId(`vote-${home}-done`).textContent()).resolves.toBe('已投票：「同意加装」');
    await expect(wang.byTestId(`vote-${home}-current`).textContent()).resolves.toContain('同意加装');
    await wang.audit('voted');

    // Her son, another verified member of 502, changes the household's ballot from his phone.
    const son = await buildResident(stack.db.ds, { building: '1栋', unit: '1单元', room: '502', verifier: as('compound_head') });
    expect(son.householdId).toBe(home);
    ok(await call('deliberation', 'vote', { matterId, householdId: home, optionIndex: 1 }, son.openid));
    expect(await currentBallots(matterId, home)).toBe(1);
    await wang.page.reload();
    await wang.byTestId(`vote-${home}-current`).getByText('不同意加装').waitFor();
    // She changes it back before the deadline: still one counted ballot, the earlier rows kept.
    await wang.byTestId(`vote-${home}-option-0`).click();
    await expect(wang.byTestId(`vote-${home}-confirm`).textContent()).resolves.toContain('把「不同意加装」改为「同意加装」？');
    await wang.byTestId(`vote-${home}-confirm-yes`).click();
    await expect(wang.byTestId(`vote-${home}-done`).textContent()).resolves.toBe('已改投「同意加装」');
    await wang.audit('changed');
    expect(await currentBallots(matterId, home)).toBe(1);
    expect(
      Number(
        (
          await stack.db.ds.query("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND householdId = ? AND status = 'superseded'", [
            matterId,
            home,
          ])
        )[0].n,
      ),
    ).toBe(2);

    // (4) 赵建国 votes 不同意 online.
    const zhao = await homeOf(stack.db.ds, 'resident2');
    ok(await call('deliberation', 'vote', { matterId, householdId: zhao, optionIndex: 1 }, as('resident2')));

    // (5) 杨晓燕: 参与情况 shows who voted, never how; a meeting ballot for 赵建国's household replaces his online one once confirmed.
    await staff.page.reload();
    await staff.byTestId('matter-ballots').click();
    await staff
      .byTestId('turnout')
      .getByText(/已投票 2 户/)
      .waitFor();
    await staff.audit('turnout');
    await staff.byTestId('turnout-tab-voted').click();
    await staff.byTestId(`paper-open-${zhao}`).click();
    const paper = staff.byTestId(`paper-${zhao}`);
    await paper.getByRole('radio', { name: '同意加装', exact: true }).click();
    await paper.getByTestId(`paper-${zhao}-submit`).click();
    const replace = staff.byTestId(`paper-${zhao}-replace`);
    await replace.waitFor();
    await expect(replace.textContent()).resolves.toContain('通过「线上投票」投票（内容保密）');
    await staff.audit('replace-confirm');
    await replace.getByTestId(`paper-${zhao}-replace-yes`).click();
    await expect(staff.byTestId('paper-done').textContent()).resolves.toContain('已录入会议表决，原选票已被替换');
    await staff.audit('paper-entered');
    expect(await currentBallots(matterId, zhao)).toBe(1);

    // The residents' meeting: paper ballots of enough rooms without the app to reach the quorum (30 同意, the rest 不同意).
    const rooms = (await stack.db.ds.query(
      'SELECT householdId FROM deliberation_electorate WHERE matterId = ? AND householdId NOT IN (?, ?) ORDER BY householdId',
      [matterId, home, zhao],
    )) as { householdId: number }[];
    const eligible = rooms.length + 2;
    const more = Math.ceil(eligible / 2) + 1 - 2;
    for (const [i, r] of rooms.slice(0, more).entries())
      ok(
        await call(
          'deliberation',
          'enterBallot',
          { matterId, householdId: Number(r.householdId), optionIndex: i < 30 ? 0 : 1, channel: 'meeting' },
          as('community_staff'),
        ),
      );

    // (6) The vote lapses; the timer closes and tallies it. 杨晓燕 writes and publishes the outcome.
    clock.advance(8 * DAY);
    expect((await tick()).votesClosed).toBe(1);
    await staff.page.goto(`${stack.base}/#/packages/governance/pages/matter/index?id=${matterId}`);
    await staff.byTestId('matter-tally').waitFor();
    await staff.root().locator('textarea[aria-label^="结果运用"]').fill('表决通过。物业已联系三家供应商比价，本月内完成安装，安装期间请从北门出入。');
    await staff.byTestId('outcome-save').click();
    await staff.byTestId('matter-publish-outcome').waitFor();
    await staff.byTestId('matter-publish-outcome').click();
    await staff.root().locator('[data-testid="matter-status"]', { hasText: '反馈公示' }).waitFor();
    await staff.audit('outcome-published');

    // (7) 王秀兰 follows the message to the matter: the stored tally and the outcome.
    await wang.tapTab('我的');
    await wang.byTestId('entry-messages').click();
    const message = wang.root().locator('[data-testid^="message-"]', { hasText: '议题结果已公示' }).first();
    await message.waitFor();
    await wang.audit('messages');
    await message.locator('[role="link"]').click();
    await wang.byTestId('matter-tally').waitFor();
    const tally = ok(await call('deliberation', 'get', { matterId }, as('resident'))).tally!;
    expect(tally).toMatchObject({
      eligible,
      ballots: more + 2,
      counts: [32, more - 30],
      byChannel: { online: 1, meeting: more + 1, proxy: 0 },
      quorumMet: true,
      approved: true,
    });
    await expect(wang.byTestId('tally-verdict').textContent()).resolves.toBe('通过：「同意加装」');
    await expect(wang.byTestId('tally-participation').textContent()).resolves.toBe(`参加 ${more + 2} 户 / 共 ${eligible} 户（${tally.participationPercent}%）`);
    await expect(wang.byTestId('tally-option-0').textContent()).resolves.toContain('32 票');
    await wang.byTestId('matter-outcome').getByText('本月内完成安装', { exact: false }).waitFor();
    await wang.byTestId('matter-timeline').getByText('反馈公示').waitFor();
    await wang.audit('result');
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { DIALECTS } from '../db';
import { PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * The foundation journey in a real browser: scan a compound's code → demo login as a newcomer →
 * bind a household → the building head verifies it → the resident sees the verified compound home.
 * Every page on the way is checked with axe-core, in normal and in large-text mode.
 */
jest.setTimeout(240_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let context: BrowserContext;
  let j: Journey;
  let page: Page;

  const root = () => j.root();
  const audit = (step: string) => j.audit(step);
  const tapTab = (text: '首页' | '需求' | '我的') => j.tapTab(text);

  async function loginAs(name: string) {
    await j.loginAs(name);
    await audit(`after-login-${name}`);
  }

  beforeAll(async () => {
    stack = await startStack(dialect);
    context = await stack.browser.newContext(PHONE);
    page = await context.newPage();
    j = new Journey(page, stack.base, `household-journey-${dialect}`);
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('a newcomer scans, binds, is verified by the building head and sees the verified compound home', async () => {
    // 1. Scan the compound's poster.
    await page.goto(`${stack.base}/#/packages/entry/pages/scan/index?scene=c%3DNJJP01`);
    await root().getByText('锦屏花园').first().waitFor();
    await expect(root().getByText('阆苑物业服务有限公司').first().isVisible()).resolves.toBe(true);
    await expect(root().getByText('管网疏通服务队').first().isVisible()).resolves.toBe(true);
    await audit('scan');

    // 2. Demo login as the newcomer (no name yet, no household).
    await loginAs('新用户');
    await audit('me-newcomer');

    // 3. Bind 1栋 1单元 603 in the scanned compound.
    await tapTab('首页');
    await root().getByText('锦屏花园').first().waitFor();
    await root().locator('[role="button"]', { hasText: '绑定房屋' }).first().click();
    await root().locator('[role="radio"]', { hasText: '1栋' }).waitFor();
    await audit('bind-empty');
    // Submitting an incomplete form shows the problems in Chinese and sends nothing.
    await root().locator('[role="button"]', { hasText: '提交认证' }).click();
    await root().locator('[role="alert"]').first().waitFor();
    await audit('bind-errors');
    await root().locator('[role="radio"]', { hasText: '1栋' }).click();
    await root().locator('[role="radio"]', { hasText: '1单元' }).click();
    await root().locator('input[aria-label="房号"]').fill('603');
    await root().locator('input[aria-label="姓名"]').fill('周小梅');
    await root().locator('input[aria-label="手机号"]').fill('10000007777');
    await root().locator('[role="radio"]', { hasText: '业主' }).click();
    await root().locator('[role="button"]', { hasText: '提交认证' }).click();
    await root().getByText('已提交，等待楼栋长或社区审核').waitFor();
    await audit('bind-submitted');
    const [pending] = await stack.db.ds.query("SELECT status, applicantName FROM household_members WHERE applicantPhone = '10000007777'");
    expect(pending).toEqual({ status: 'pending', applicantName: '周小梅' });

    // 4. The unit head helps but does not verify: 我的 offers no queue the server would refuse.
    await loginAs('刘桂芳');
    await root().locator('[data-testid="entry-messages"]').waitFor();
    await expect(root().locator('[data-testid="entry-verify"]').count()).resolves.toBe(0);
    await audit('me-unit-head');

    // 5. The building head of 1栋 verifies it.
    await loginAs('陈志强');
    await root().getByText('居民认证审核').click();
    const item = root().locator('[role="listitem"]', { hasText: '周小梅' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('100****7777');
    await expect(item.textContent()).resolves.not.toContain('10000007777');
    await audit('verify-queue');
    await root().locator('[role="button"][aria-label="通过 周小梅"]').click();
    await item.waitFor({ state: 'detached' });
    const [verified] = await stack.db.ds.query("SELECT status FROM household_members WHERE applicantPhone = '10000007777'");
    expect(verified.status).toBe('verified');

    // 6. The resident sees the verified compound home.
    await loginAs('周小梅');
    await tapTab('首页');
    const mine = root().locator('[data-testid="my-home-verified"]');
    await mine.waitFor();
    await expect(mine.textContent()).resolves.toContain('锦屏花园1栋1单元603');
    await audit('home-verified');

    // 7. Large-text mode (适老化): switch it on and audit the pages again.
    await tapTab('我的');
    await root().locator('[role="switch"][aria-label="大字模式"]').click();
    await page.locator('.page--large:visible').first().waitFor();
    await audit('me-large');

    // 8. The decision reached her message centre (a message about her binding, not about a need),
    //    and it opens 我的, where her homes are listed.
    await root().locator('[data-testid="entry-messages"]').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/packages/me/pages/messages/index'));
    const decided = root().getByText('房屋认证已通过');
    await decided.waitFor();
    await audit('messages-large');
    await decided.click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/pages/me/index'));
    await root().getByText('锦屏花园1栋1单元603').first().waitFor();
    await tapTab('首页');
    await root().locator('[data-testid="my-home-verified"]').waitFor();
    await expect(root().evaluate((el) => el.classList.contains('page--large'))).resolves.toBe(true);
    await audit('home-large');
    await page.goto(`${stack.base}/#/packages/entry/pages/scan/index?scene=b%3DNJJP0102`);
    await root().getByText('当前楼栋：2栋').waitFor();
    await audit('scan-building-large');
    // Remembered across a reload.
    await page.reload();
    await page.locator('.page--large:visible').first().waitFor();

    expect(j.failures()).toEqual([]);
    expect(j.checked.length).toBeGreaterThanOrEqual(10);
  });
});

import type { Locator, Page } from 'playwright-core';
import { PAGES } from '@hg/types/links';
import { DIALECTS } from '../db';
import { as, buildNeed, buildResident, call, categoryId, homeOf, ok, orgId } from '../factories';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * Newcomers are never stuck (issue #9 item 6), in a phone-sized Chromium: a verified resident goes
 * from the compound's QR code to a filed need in at most four taps; the first button matches where
 * the person stands (stranger / pending / verified); a phone number is a tap and the app still
 * answers afterwards; back-then-reopen of a need link shows the need; a page opened by a link has a
 * way back. Every page with axe, in normal and large-text mode.
 */
jest.setTimeout(300_000);

const SCAN = '/packages/entry/pages/scan/index?scene=c%3DNJJP01';

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect);

  async function journey(name: string): Promise<{ j: Journey; page: Page }> {
    const page = await env.context.newPage();
    const j = new Journey(page, env.stack.base, `newcomer-${name}-${dialect}`);
    await page.goto(`${env.stack.base}/#${PAGES.home}`);
    return { j, page };
  }

  /** Opening the QR code's link: a fresh load of the entry page, as the camera would open it. */
  async function scan(j: Journey): Promise<void> {
    await j.page.goto(`${env.stack.base}/#${SCAN}`);
    await j.page.reload();
    await j.root().getByText('锦屏花园').first().waitFor();
  }

  /** The first primary (filled) button in the compound's action area: where eye and thumb land. */
  const primaryAction = (j: Journey) => j.root().locator('.compound__actions .btn--primary').first().innerText();

  async function tallEnough(target: Locator): Promise<void> {
    const box = await target.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }

  it('a verified resident goes from the compound code to a filed need in at most 4 taps', async () => {
    const { j, page } = await journey('verified');
    await j.loginAs('王秀兰');
    let taps = 0;
    const tap = async (target: Locator) => {
      taps += 1;
      await target.tap();
    };

    await scan(j);
    await j.byTestId('resident-actions-verified').waitFor();
    await expect(primaryAction(j)).resolves.toBe('我要点单');
    await expect(j.byTestId('resident-bind').count()).resolves.toBe(0);
    await expect(j.byTestId('resident-hotline').getAttribute('aria-label')).resolves.toMatch(/^拨打 物业电话 \d/);
    await tallEnough(j.byTestId('resident-hotline'));
    await j.audit('scan-verified');

    // 1: a common category straight from the scan page.
    await tap(j.byTestId('quick-category-pipe'));
    const description = j.root().locator('textarea[aria-label="需求描述"]');
    await description.waitFor();
    // The category and the only verified home are already chosen.
    await expect(j.root().locator('[role="radio"][aria-checked="true"]', { hasText: '管网疏通' }).count()).resolves.toBe(1);
    await j.audit('create-from-scan');
    // 2: the description.
    await tap(description);
    await description.fill('厨房下水道堵了，水漫到地上');
    // 3: submit.
    await tap(j.byTestId('need-submit'));
    await j.byTestId('need-detail').waitFor();
    await j.root().getByText('厨房下水道堵了，水漫到地上').first().waitFor();
    expect(taps).toBeLessThanOrEqual(4);
    await j.audit('need-filed');

    const id = Number(/[?&]id=(\d+)/.exec(page.url())?.[1]);
    const [row] = await env.stack.db.ds.query('SELECT householdId, categoryId FROM needs WHERE id = ?', [id]);
    expect(Number(row.householdId)).toBe(await homeOf(env.stack.db.ds, 'resident'));
    expect(Number(row.categoryId)).toBe(await categoryId(env.stack.db.ds, 'pipe'));

    // The same pages hold up in large-text mode, targets included.
    await j.setLargeText(true);
    await scan(j);
    await j.byTestId('resident-actions-verified').waitFor();
    await tallEnough(j.byTestId('resident-hotline'));
    await tallEnough(j.byTestId('quick-category-repair'));
    await j.audit('scan-verified-large');
    await j.byTestId('resident-create-need').tap();
    await j.root().locator('textarea[aria-label="需求描述"]').waitFor();
    await j.audit('create-large');
    expect(j.failures()).toEqual([]);
  });

  it('a stranger is offered 绑定房屋 first; a resident whose binding is pending is not stuck', async () => {
    const { j } = await journey('states');
    // Not signed in: binding a home is the way in, and the property firm is a tap away.
    await scan(j);
    await j.byTestId('resident-actions-stranger').waitFor();
    await expect(primaryAction(j)).resolves.toBe('绑定房屋');
    await j.byTestId('resident-hotline').waitFor();
    await j.audit('scan-stranger');

    await buildResident(env.stack.db.ds, { openid: as('newcomer'), name: '周小梅', verifier: null });
    await j.loginAs('周小梅');
    await scan(j);
    await j.byTestId('resident-actions-pending').waitFor();
    const notice = await j.byTestId('resident-pending-notice').innerText();
    expect(notice).toContain('一般在 2 个工作日内审核完成');
    await expect(primaryAction(j)).resolves.toBe('我要点单');
    await j.byTestId('resident-hotline').waitFor();
    await j.audit('scan-pending');
    // Filing while pending works the same way and lands as 待核实.
    await j.byTestId('quick-category-repair').tap();
    const description = j.root().locator('textarea[aria-label="需求描述"]');
    await description.waitFor();
    await description.fill('单元门禁坏了，关不上');
    await j.byTestId('need-submit').tap();
    await j.byTestId('need-detail').waitFor();
    const [filed] = await env.stack.db.ds.query('SELECT unverifiedReporter FROM needs WHERE description = ?', ['单元门禁坏了，关不上']);
    expect(Boolean(Number(filed.unverifiedReporter))).toBe(true);
    await j.audit('need-filed-pending');
    await j.setLargeText(true);
    await scan(j);
    await j.byTestId('resident-actions-pending').waitFor();
    await j.audit('scan-pending-large');
    expect(j.failures()).toEqual([]);
  });

  it('after tapping a phone number the next tap still navigates inside the app', async () => {
    const { j, page } = await journey('tel');
    // Large text: the call targets and the pages after the call hold up at the bigger size too.
    await j.setLargeText(true);
    await scan(j);
    const before = page.url();
    // Which link the dialler clicked, seen from the page (the OS dialer is not there in CI).
    await page.evaluate(() => {
      document.addEventListener(
        'click',
        (e) => {
          const a = e.target as HTMLAnchorElement;
          if (a.tagName === 'A') (window as unknown as { dialled: string }).dialled = `${a.getAttribute('href')} ${a.target}`;
        },
        true,
      );
    });

    await j.byTestId('resident-hotline').tap();
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => (window as unknown as { dialled?: string }).dialled)).resolves.toBe('tel:0817-0000101 _blank');
    // The app's own window never navigated away to tel:.
    expect(page.url()).toBe(before);
    // A real tap (not a script click) opens the firm's page: the page still takes input.
    await j.byTestId('compound-firm-card').tap();
    await page.waitForFunction(() => window.location.hash.includes('/packages/ratings/pages/firm/index'));
    await j.root().getByText('阆苑物业服务有限公司').first().waitFor();
    await j.audit('firm-after-call-large');

    // Back on the compound, a service team's number inside a line of text, then the way back.
    await j.byTestId('page-back').tap();
    await page.waitForFunction(() => window.location.hash.includes('/packages/entry/pages/scan/index'));
    const servicePhone = j.root().locator('[data-testid^="service-phone-"]').first();
    await tallEnough(servicePhone);
    await servicePhone.tap();
    await j.byTestId('resident-bind').tap();
    await page.waitForFunction(() => window.location.hash.includes('/packages/household/pages/bind/index'));
    await j.root().locator('[role="radio"]', { hasText: '1栋' }).first().waitFor();
    await j.audit('bind-after-call-large');
    expect(j.failures()).toEqual([]);
  });

  it('back, then the need link again, shows the need; a page opened by a link has a way back', async () => {
    const resident = { openid: as('resident'), householdId: await homeOf(env.stack.db.ds, 'resident') };
    const need = await buildNeed(env.stack.db.ds, { category: 'pipe', by: resident, description: '楼道灯不亮了' });
    ok(await call('needs', 'dispatch', { needId: need.id, orgId: await orgId(env.stack.db.ds, '管网疏通服务队') }, as('community_staff')));
    const link = `${PAGES.needDetail}?id=${need.id}`;

    const { j, page } = await journey('relink');
    await j.loginAs('王秀兰');
    await j.open(PAGES.messages);
    const message = j.root().locator('.msg__link[role="link"]', { hasText: '社区已派单' }).first();
    await message.tap();
    await j.byTestId('need-detail').waitFor();
    await page.goBack();
    // Straight into the link again, before the old page has finished leaving.
    await j.open(link);
    await j.byTestId('need-detail').waitFor();
    await j.root().getByText('楼道灯不亮了').first().waitFor();
    await j.audit('need-relinked');

    // Opened by a link as the first page: no app page behind it, so 回首页 is the way back.
    await page.goto(`${env.stack.base}/#${link}`);
    await page.reload();
    await j.byTestId('need-detail').waitFor();
    await expect(j.byTestId('page-back').count()).resolves.toBe(0);
    await tallEnough(j.byTestId('page-home'));
    await j.audit('need-deep-link');
    await j.byTestId('page-home').tap();
    await page.waitForFunction((p) => window.location.hash.startsWith(`#${p}`), PAGES.home);
    await j.byTestId('resident-actions-verified').waitFor();
    await j.audit('home-verified');

    // Opened from inside the app: 返回 goes one page back.
    await j.byTestId('resident-create-need').tap();
    await j.root().locator('textarea[aria-label="需求描述"]').waitFor();
    await j.byTestId('page-back').tap();
    await page.waitForFunction((p) => window.location.hash.startsWith(`#${p}`), PAGES.home);
    await j.byTestId('resident-actions-verified').waitFor();

    await j.setLargeText(true);
    await j.tapTab('首页');
    await j.byTestId('resident-actions-verified').waitFor();
    await j.audit('home-verified-large');
    await j.open(link);
    await j.byTestId('need-detail').waitFor();
    await tallEnough(j.byTestId('page-home'));
    await j.audit('need-large');
    expect(j.failures()).toEqual([]);
  });
});

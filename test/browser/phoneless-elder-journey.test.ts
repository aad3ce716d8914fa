import type { BrowserContext } from 'playwright-core';
import type { SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { localDay } from '@hg/types/local-time';
import { DIALECTS } from '../db';
import { call, newcomer, ok, orgId, as } from '../factories';
import { downloadedBytes, PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';
import { readXlsx } from '../xlsx';

/**
 * An elder without a mobile phone (issue 15, items 2 and 3), on a phone, axe on every view:
 * 郑红梅 at the centre registers 李桂兰 with her landline and her son as guardian (no mobile asked),
 * and links her son 李建军 herself (李桂兰 has no phone tail to link by); 张丽, her grid worker, finds
 * her under 为老人代订 and books lunch — recorded as 网格员代订, and her son is told; at the counter
 * 郑红梅 finds her by name and redeems the meal without a code (in large text: the counter is read
 * at arm's length); at the month's end she is in the subsidy export the centre sends to civil affairs.
 */
jest.setTimeout(300_000);

const HOUR = 3600 * 1000;

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let context: BrowserContext;
  let centreId: number;
  let lunch: SlotDTO;
  const son = newcomer();

  beforeAll(async () => {
    stack = await startStack(dialect);
    centreId = await orgId(stack.db.ds, '南街社区日间照料中心');
    // The son has the app (his own account and phone); his mother has none.
    ok(await call('me', 'update', { name: '李建军', phone: '10000000188' }, son));
    const startsAt = new Date(clock.now().getTime() + 3 * HOUR);
    lunch = ok(
      await call(
        'bookings',
        'saveSlot',
        {
          centreId,
          kind: 'meal',
          day: localDay(startsAt),
          sitting: 'lunch',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
          cutoffAt: new Date(startsAt.getTime() - HOUR).toISOString(),
          capacityDineIn: 30,
          priceFen: 1200,
          dishes: [{ name: '红烧豆腐', tags: ['软烂'] }],
        },
        as('care_staff'),
      ),
    );
  });
  afterAll(async () => {
    clock.reset();
    await stack?.close();
  });
  beforeEach(async () => {
    context = await stack.browser.newContext(PHONE);
  });
  afterEach(async () => {
    await context?.close();
  });

  it('李桂兰 has no phone: registered and linked to her son by the centre, booked by her grid worker, redeemed by name', async () => {
    // 1. The centre registers her: a landline and her son as guardian, no mobile.
    const staff = new Journey(await context.newPage(), stack.base, `phoneless-staff-${dialect}`);
    await staff.page.goto(`${stack.base}/#/pages/me/index`);
    await staff.loginAs('郑红梅');
    await staff.open(`/packages/bookings/pages/register/index?centreId=${centreId}`);
    await staff.root().locator('input[aria-label="老人姓名"]').fill('李桂兰');
    await staff.root().locator('input[aria-label="座机（没有可不填）"]').fill('0817-622233');
    await staff.root().locator('input[aria-label="出生年份"]').fill('1938');
    await staff.byTestId('register-submit').click();
    // A landline typed wrong is caught beside the field.
    await staff.byTestId('reg-landline-error').waitFor();
    await staff.root().locator('input[aria-label="座机（没有可不填）"]').fill('0817-6222333');
    await staff.root().locator('input[aria-label="监护人姓名（没有可不填）"]').fill('李建军');
    await staff.root().locator('input[aria-label="监护人手机号"]').fill('10000000188');
    await staff.root().getByRole('checkbox', { name: '独居 / 空巢' }).click();
    await staff.audit('register-no-mobile');
    await staff.byTestId('register-submit').click();
    await staff.byTestId('register-done').waitFor();
    await expect(staff.byTestId('register-contact').textContent()).resolves.toBe('座机 0817-***2333 · 监护人 李建军 100****0188');

    // 2. She cannot be named by a phone tail: 郑红梅 links her son herself.
    await staff.root().locator('input[aria-label="家属手机号"]').fill('10000000188');
    await staff.root().locator('input[aria-label="与老人关系"]').fill('儿子');
    await staff.byTestId('staff-link-submit').click();
    await expect(staff.byTestId('staff-link-done').textContent()).resolves.toContain('已关联家属 李建军');
    await staff.audit('son-linked');
    expect(staff.failures()).toEqual([]);
    const [elder] = await stack.db.ds.query("SELECT id, phone FROM elders WHERE name = '李桂兰'");
    expect(elder.phone).toBeNull();
    const [link] = await stack.db.ds.query('SELECT status FROM elder_links WHERE elderId = ?', [elder.id]);
    expect(link.status).toBe('verified');

    // 3. 张丽, her grid worker, books for her from 我的 → 为老人代订.
    // Her own phone, her own session (a context shares one login across its pages).
    const gridPhone = await stack.browser.newContext(PHONE);
    const grid = new Journey(await gridPhone.newPage(), stack.base, `phoneless-grid-${dialect}`);
    await grid.page.goto(`${stack.base}/#/pages/me/index`);
    await grid.loginAs('张丽');
    await grid.byTestId('entry-proxy-booking').click();
    await grid.root().locator('input[aria-label="按姓名查找"]').fill('李桂');
    const row = grid.byTestId(`proxy-elder-${elder.id}`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/李桂兰.*独居.*无手机.*网格员代订/);
    await grid.audit('proxy-search');
    await row.getByTestId(`proxy-book-${elder.id}`).click();
    await grid.root().getByText('为李桂兰代订').first().waitFor();
    const card = grid.byTestId(`slot-${lunch.id}`);
    await card.getByTestId('book-dine_in').click();
    await card.getByTestId('book-confirm').click();
    await card.getByTestId('booking-code').waitFor();
    await card.scrollIntoViewIfNeeded();
    await grid.audit('proxy-booked');
    expect(grid.failures()).toEqual([]);
    await gridPhone.close();
    const [booking] = await stack.db.ds.query('SELECT id, channel FROM bookings WHERE elderId = ?', [elder.id]);
    expect(booking.channel).toBe('grid_worker');
    const told = await stack.db.ds.query(
      "SELECT n.body FROM notifications n JOIN users u ON u.id = n.userId WHERE u.openid = ? AND n.subjectKind = 'booking' AND n.subjectId = ?",
      [son, booking.id],
    );
    expect(told.map((m: { body: string }) => m.body)).toEqual([expect.stringMatching(/已为李桂兰预订.*网格员代订/)]);

    // 4. The day of the meal: at the counter she has no code with her; 郑红梅 finds her by name.
    clock.advance(3 * HOUR);
    await staff.setLargeText(true);
    await staff.byTestId('entry-meal-by-name').click();
    await staff.root().locator('input[aria-label="按姓名查找"]').fill('李桂兰');
    const today = staff.byTestId(`roster-row-${booking.id}`);
    await today.waitFor();
    await expect(today.textContent()).resolves.toContain('网格员代订');
    // 88 and verified at registration: the 80岁以上 subsidy comes off, and the roster says what is due.
    await expect(today.textContent()).resolves.toMatch(/应收 \d+\.\d{2}元/);
    await staff.audit('found-by-name-large');
    await staff.root().getByRole('radio', { name: '现金' }).click();
    await today.getByTestId(`roster-redeem-${booking.id}`).click();
    await staff.byTestId('roster-ok').getByText('李桂兰 已签到核销').waitFor();
    await staff.audit('redeemed-by-name-large');
    expect(staff.failures()).toEqual([]);
    const [done] = await stack.db.ds.query('SELECT status FROM bookings WHERE id = ?', [booking.id]);
    expect(done.status).toBe('redeemed');

    // 5. The month's claim to civil affairs: 补贴月报 → 导出表格, the file read as the office's spreadsheet would.
    await staff.open(`/packages/bookings/pages/subsidy/index?centreId=${centreId}`);
    await staff.waitForShown('/packages/bookings/pages/subsidy/index');
    await staff.byTestId('subsidy-export').waitFor();
    await staff.audit('subsidy-month-large');
    const [download] = await Promise.all([staff.page.waitForEvent('download'), staff.byTestId('subsidy-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^南街社区日间照料中心助餐补贴_\d{4}-\d{2}\.xlsx$/);
    const { rows } = readXlsx(await downloadedBytes(download));
    expect(rows[0]).toEqual(['日间照料中心', '老人', '补贴类别', '用餐次数', '补贴金额（元）', '自付金额（元）']);
    // 88, verified at registration: 80岁以上 (4元) beats 独居 (3元); she paid 8元 of 12元.
    expect(rows.filter((r) => r[1] === '李桂兰')).toEqual([['南街社区日间照料中心', '李桂兰', '80岁以上', 1, 4, 8]]);
    const total = rows[rows.length - 1];
    expect(total[0]).toBe('合计');
    expect(total[3]).toBe(rows.slice(1, -1).reduce((n, r) => n + Number(r[3]), 0));
    expect(staff.failures()).toEqual([]);
  });
});

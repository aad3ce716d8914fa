import type { BrowserContext } from 'playwright-core';
import type { SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { addDays, localDay, localTime } from '@hg/types/local-time';
import { DIALECTS } from '../db';
import { as, call, ok, orgId } from '../factories';
import { PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * Centre meals in a real browser, on a phone: an elder registers and books a delivered lunch in
 * large-text mode; a family member is linked by the centre and books a dinner for her; centre staff
 * register a walk-in, book for them, read the kitchen sheet, redeem the code once (a second time is
 * refused), deliver the elder's lunch and read the month's subsidy report. axe on every page.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let context: BrowserContext;
  let centreId: number;
  let tomorrow: string;
  let lunch: SlotDTO;
  let dinner: SlotDTO;

  /** A sitting tomorrow (Beijing time) through the real action, as the centre's staff publish it. */
  async function sitting(kind: 'lunch' | 'dinner', start: string, end: string, cutoff: string, dishes: string[]): Promise<SlotDTO> {
    return ok(
      await call(
        'bookings',
        'saveSlot',
        {
          centreId,
          kind: 'meal',
          day: tomorrow,
          sitting: kind,
          startsAt: localTime(tomorrow, start).toISOString(),
          endsAt: localTime(tomorrow, end).toISOString(),
          cutoffAt: localTime(tomorrow, cutoff).toISOString(),
          capacityDineIn: 30,
          capacityDelivery: 10,
          priceFen: 1200,
          dishes: dishes.map((name) => ({ name, tags: [] })),
        },
        as('care_staff'),
      ),
    );
  }

  beforeAll(async () => {
    stack = await startStack(dialect);
    centreId = await orgId(stack.db.ds, '南街社区日间照料中心');
    tomorrow = addDays(localDay(clock.now()), 1);
    lunch = await sitting('lunch', '11:30', '13:00', '09:00', ['番茄炒蛋', '冬瓜排骨汤', '米饭']);
    dinner = await sitting('dinner', '17:00', '18:30', '15:00', ['南瓜粥', '清炒时蔬']);
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

  it('王秀兰 registers in large-text mode, books a delivered lunch with her subsidy and finds her code in 我的订餐', async () => {
    const j = new Journey(await context.newPage(), stack.base, `bookings-elder-${dialect}`);
    await j.page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs('王秀兰');
    await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
    await j.page.locator('.page--large:visible').first().waitFor();

    // The compound home shows the centre's next meals; one tap opens its menu.
    await j.tapTab('首页');
    const care = j.byTestId(`care-centre-${centreId}`);
    await care.getByText('番茄炒蛋、冬瓜排骨汤、米饭').waitFor();
    await j.audit('home-care-centre');
    await j.byTestId(`care-order-${centreId}`).click();

    // No profile yet: 建档 first.
    await j.byTestId('no-profile').waitFor();
    await j.audit('week-no-profile');
    await j.byTestId('go-register').click();
    await j.root().locator('input[aria-label="出生年份"]').fill('1948');
    await j.byTestId('reg-situation-livesAlone').click();
    await j.audit('register-filled');
    await j.byTestId('register-submit').click();

    // Back on the menu: 送餐上门 → the quote with the subsidy → 确认订餐 → the ticket.
    const card = j.byTestId(`slot-${lunch.id}`);
    await card.getByTestId('book-delivery').waitFor();
    await j.audit('week');
    await card.getByTestId('book-delivery').click();
    // What she declared (独居) earns its subsidy once the centre has checked it: she is told so, and
    // the meal she books now is re-priced when 郑红梅 verifies her (below).
    await card
      .getByTestId('quote-pending')
      .getByText(/独居\/空巢补贴 −3.00元：待中心核实/)
      .waitFor();
    await expect(card.getByTestId('quote-pay').textContent()).resolves.toContain('12.00元');
    await j.audit('week-quote');
    await card.getByTestId('book-confirm').click();
    const code = (await card.getByTestId('booking-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[2-9A-Z]{6}$/);
    await j.audit('week-booked');
    // 备注 for the round, typed (a voice note would do as well): it reaches the delivery list (below).
    await card.locator('[data-testid^="remark-open-"]').click();
    await card.locator('textarea[aria-label="备注"]').fill('送餐请敲门，耳朵背');
    await card.locator('[data-testid^="remark-save-"]').click();
    await card.getByText('备注：送餐请敲门，耳朵背').waitFor();
    await j.audit('week-remark');

    await j.byTestId('go-mine').click();
    await j.byTestId('booking-list').getByText(code).waitFor();
    await expect(j.root().evaluate((el) => el.classList.contains('page--large'))).resolves.toBe(true);
    await j.audit('mine');
    // 取消预订 asks in the page's own dialog: large text, dark on white, the day named, a red button.
    const ticket = j
      .byTestId('booking-list')
      .locator('[data-testid^="booking-"]', { has: j.page.getByText(code) })
      .first();
    await ticket.getByTestId('booking-cancel').click();
    const dialog = j.root().getByRole('alertdialog');
    await dialog.waitFor();
    const [, month, date] = tomorrow.split('-').map(Number);
    await expect(dialog.textContent()).resolves.toContain(`${month}月${date}日`);
    const look = await dialog.evaluate((box) => {
      const yes = box.querySelector('[data-testid="cancel-dialog-yes"]') as HTMLElement;
      const body = getComputedStyle(box.querySelector('[id$="-body"]') as HTMLElement);
      return {
        bodyColor: body.color,
        bodyPx: parseFloat(body.fontSize),
        yesBackground: getComputedStyle(yes).backgroundColor,
        yesColor: getComputedStyle(yes).color,
      };
    });
    expect(look).toMatchObject({ bodyColor: 'rgb(26, 26, 26)', yesBackground: 'rgb(183, 28, 28)', yesColor: 'rgb(255, 255, 255)' });
    // Large text: the body reads at least as big as the large-text page's 40 design px (20 CSS px at 390 wide).
    expect(look.bodyPx).toBeGreaterThanOrEqual(20);
    await j.audit('mine-cancel-dialog');
    await j.byTestId('cancel-dialog-no').click();
    await expect(dialog.count()).resolves.toBe(0);
    await expect(ticket.getByTestId('booking-status').textContent()).resolves.toBe('已预订');
    const [row] = await stack.db.ds.query('SELECT mode, channel, status FROM bookings WHERE code = ?', [code]);
    expect(row).toEqual({ mode: 'delivery', channel: 'self', status: 'booked' });

    // 每周固定订餐, still in large text: she is the one elder, so only the days and how she eats are
    // asked; each missing answer stands under its own question. (Not set up: the staff journey counts her meals.)
    await j.open('/packages/bookings/pages/standing/index');
    await j.byTestId('standing-form').getByText('为 王秀兰 订餐').waitFor();
    await j.byTestId('standing-create').click();
    await expect(j.byTestId('so-days-error').textContent()).resolves.toBe('请至少选择一天');
    await expect(j.byTestId('so-mode-error').textContent()).resolves.toBe('请选择堂食还是送餐');
    await expect(j.byTestId('standing-error').count()).resolves.toBe(0);
    await expect(j.root().evaluate((el) => el.classList.contains('page--large'))).resolves.toBe(true);
    await j.audit('standing-errors');

    expect(j.failures()).toEqual([]);
  });

  it('赵建国 applies to be linked to 王秀兰, the centre approves, and he books her a delivered dinner', async () => {
    const j = new Journey(await context.newPage(), stack.base, `bookings-family-${dialect}`);
    await j.page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs('赵建国');
    await j.byTestId('entry-family').click();
    await j.root().locator('input[aria-label="老人姓名"]').fill('王秀兰');
    await j.root().locator('input[aria-label="老人手机号后4位"]').fill('0001');
    await j.root().locator('[role="radio"]', { hasText: '儿子' }).click();
    await j.audit('family-apply');
    await j.byTestId('link-submit').click();
    await j.byTestId('link-list').getByText('待中心核实').waitFor();
    await j
      .root()
      .getByText(/工作人员会打电话向老人核实/)
      .waitFor();
    await j.audit('family-pending');

    await j.loginAs('郑红梅');
    await j.byTestId('entry-meal-console').click();
    const queue = j.byTestId('link-queue');
    await queue.getByText('赵建国（儿子） → 王秀兰').waitFor();
    await expect(queue.textContent()).resolves.toContain('100****0002');
    await j.audit('console-link-queue');
    await queue.locator('[role="button"][aria-label="通过 赵建国"]').click();
    await queue.getByRole('status').getByText('已关联').waitFor();

    await j.loginAs('赵建国');
    await j.byTestId('entry-family').click();
    await j.byTestId('link-list').getByText('已关联').waitFor();
    await j.audit('family-verified');
    await j.root().locator('[data-testid^="link-book-"]').click();
    await j.root().getByText('为王秀兰订餐').first().waitFor();
    const card = j.byTestId(`slot-${dinner.id}`);
    await card.getByTestId('book-delivery').click();
    await card.getByTestId('slot-quote').waitFor();
    await j.audit('family-week-quote');
    await card.getByTestId('book-confirm').click();
    await card.getByTestId('booking-code').waitFor();
    await j.audit('family-week-booked');
    const [row] = await stack.db.ds.query('SELECT b.mode, b.channel FROM bookings b JOIN elders e ON e.id = b.elderId WHERE e.name = ? AND b.slotId = ?', [
      '王秀兰',
      dinner.id,
    ]);
    expect(row).toEqual({ mode: 'delivery', channel: 'family' });

    expect(j.failures()).toEqual([]);
  });

  it('centre staff register a walk-in, book 堂食 for him, read the kitchen sheet, redeem once, deliver and report', async () => {
    const j = new Journey(await context.newPage(), stack.base, `bookings-staff-${dialect}`);
    await j.page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs('郑红梅');
    await j.byTestId('entry-meal-console').click();
    await j.byTestId(`cons-slot-${lunch.id}`).waitFor();
    await j.audit('console');

    // A walk-in: 建档 for him, then 代订 堂食.
    await j.byTestId('elder-register').click();
    await j.root().locator('input[aria-label="老人姓名"]').fill('李大爷');
    await j.root().locator('input[aria-label="手机号（没有可不填）"]').fill('10000009901');
    await j.root().locator('input[aria-label="出生年份"]').fill('1940');
    await j.audit('register-walk-in');
    await j.byTestId('register-submit').click();
    await j.byTestId('register-done').waitFor();
    await j.byTestId('register-book').click();
    await j.root().getByText('为李大爷代订').first().waitFor();
    const card = j.byTestId(`slot-${lunch.id}`);
    await card.getByTestId('book-dine_in').click();
    await card.getByTestId('slot-quote').getByText('80岁以上补贴 −4.00元').waitFor();
    await card.getByTestId('book-confirm').click();
    const code = (await card.getByTestId('booking-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[2-9A-Z]{6}$/);
    await j.audit('proxy-booked');

    // 王秀兰 declared 独居 when she registered: 郑红梅 checks it (documents, a call) and confirms.
    await j.open(`/packages/bookings/pages/console/index?centreId=${centreId}`);
    await j.byTestId('elder-pending').click();
    const [{ elderId }] = await stack.db.ds.query('SELECT elderId FROM bookings WHERE slotId = ? AND channel = ?', [lunch.id, 'self']);
    const wang = j.byTestId(`elder-${elderId}`);
    await wang.getByText('核实前不享受助餐补贴', { exact: false }).waitFor();
    await wang.getByTestId(`elder-verify-${elderId}`).click();
    await j.audit('verify-elder');
    await wang.getByTestId(`elder-verify-confirm-${elderId}`).click();
    await j.byTestId(`elder-verified-${elderId}`).waitFor();
    await j.audit('elder-verified');
    // Her untaken lunch now carries the subsidy.
    const [priced] = await stack.db.ds.query('SELECT tier, payFen FROM bookings WHERE slotId = ? AND elderId = ?', [lunch.id, elderId]);
    expect({ tier: priced.tier, payFen: Number(priced.payFen) }).toEqual({ tier: 'alone', payFen: 900 });

    // The kitchen cooks for 王秀兰 (delivered) and 李大爷 (dine-in).
    await j.open(`/packages/bookings/pages/console/index?centreId=${centreId}`);
    await j.byTestId(`kitchen-${lunch.id}`).click();
    await j.byTestId('kitchen-total').getByText('2').waitFor();
    await expect(j.byTestId('kitchen-dine-in').textContent()).resolves.toBe('1');
    await j.audit('kitchen');

    // The sitting's day, after the cut-off: the counter redeems the code once.
    clock.advance(localTime(tomorrow, '10:00').getTime() - clock.now().getTime());
    await j.open(`/packages/bookings/pages/counter/index?centreId=${centreId}`);
    await j.root().locator('input[aria-label="核销码"]').fill(code.toLowerCase());
    await j.byTestId('redeem-submit').click();
    await j.byTestId('redeem-ok').getByText('李大爷').waitFor();
    await j.audit('counter-redeemed');
    await j.root().locator('input[aria-label="核销码"]').fill(code);
    await j.byTestId('redeem-submit').click();
    await j.byTestId('redeem-error').waitFor();
    await expect(j.byTestId('redeem-ok').count()).resolves.toBe(0);
    await j.audit('counter-refused');

    // The delivery round: 王秀兰's lunch is delivered.
    await j.open(`/packages/bookings/pages/deliveries/index?slotId=${lunch.id}`);
    const stop = j.root().locator('[data-testid^="stop-"][role="listitem"]', { hasText: '王秀兰' });
    await stop.waitFor();
    await expect(stop.textContent()).resolves.toContain('10000000001');
    await expect(stop.textContent()).resolves.toContain('备注：送餐请敲门，耳朵背');
    await j.audit('deliveries');
    // Her share is due at the door: how it was paid is asked first, then recorded with 已送达.
    await stop.getByRole('radio', { name: '现金' }).click();
    await stop.locator('[data-testid^="stop-deliver-"]').click();
    await stop.getByText('✓ 已送达（现金收款）').waitFor();
    await j.audit('deliveries-done');

    // The month's report counts both meals, each in its tier.
    // The device's calendar did not move with the server's clock: name the sitting's month.
    await j.open(`/packages/bookings/pages/subsidy/index?centreId=${centreId}&month=${tomorrow.slice(0, 7)}`);
    await j.byTestId('subsidy-total').waitFor();
    await expect(j.byTestId('tier-age80').textContent()).resolves.toContain('4.00元');
    await expect(j.byTestId('tier-alone').textContent()).resolves.toContain('3.00元');
    await j.audit('subsidy');

    expect(j.failures()).toEqual([]);
  });
});

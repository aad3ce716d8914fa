import type { BrowserContext } from 'playwright-core';
import type { SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { addDays, localDay, localTime } from '@hg/types/local-time';
import { DIALECTS } from '../db';
import { as, call, ok, orgId } from '../factories';
import { PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * The counter's day, on a phone, as the centre's staff (郑红梅): an elder booked by phone (no
 * account, no phone, no code to show) is found on 今日名单 by name and checked in; the sign-in sheet
 * prints with names, codes and a signature column; on the round, a delivered lunch for an elder who
 * lives alone is marked 不在家 and the staff get an urgent alert in 消息中心. axe on every page.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let context: BrowserContext;
  let centreId: number;
  let day: string;
  let lunch: SlotDTO;
  let phoneBooked: number;
  let delivered: number;

  beforeAll(async () => {
    stack = await startStack(dialect);
    centreId = await orgId(stack.db.ds, '南街社区日间照料中心');
    day = addDays(localDay(clock.now()), 1);
    lunch = ok(
      await call(
        'bookings',
        'saveSlot',
        {
          centreId,
          kind: 'meal',
          day,
          sitting: 'lunch',
          startsAt: localTime(day, '11:30').toISOString(),
          endsAt: localTime(day, '13:00').toISOString(),
          cutoffAt: localTime(day, '09:00').toISOString(),
          capacityDineIn: 30,
          capacityDelivery: 10,
          priceFen: 1200,
          dishes: [{ name: '番茄炒蛋', tags: [] }],
        },
        as('care_staff'),
      ),
    );
    // 刘桂芳 rang the centre: registered and booked by staff, she has neither an account nor a phone.
    const liu = ok(await call('bookings', 'registerElder', { centreId, name: '刘桂芳', birthYear: 1941, address: '南街老院子7号' }, as('care_staff')));
    phoneBooked = ok(await call('bookings', 'book', { slotId: lunch.id, elderId: liu.id, mode: 'dine_in', requestId: 'roster-journey-liu' }, as('care_staff'))).id;
    // 冯秀珍 lives alone; her lunch is delivered.
    const feng = ok(
      await call('bookings', 'registerElder', { centreId, name: '冯秀珍', birthYear: 1938, livesAlone: true, address: '书院街8号' }, as('care_staff')),
    );
    delivered = ok(await call('bookings', 'book', { slotId: lunch.id, elderId: feng.id, mode: 'delivery', requestId: 'roster-journey-feng' }, as('care_staff'))).id;
    // The sitting's day, after the cut-off.
    clock.advance(localTime(day, '11:40').getTime() - clock.now().getTime());
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

  it('finds an elder booked by phone by name, checks her in, prints the sign-in sheet; 不在家 for an elder living alone alerts the staff', async () => {
    const j = new Journey(await context.newPage(), stack.base, `roster-${dialect}`);
    await j.page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs('郑红梅');
    await j.byTestId('entry-meal-counter').click();
    await j.byTestId('counter-roster').waitFor();
    await j.audit('counter');

    // No code to type: 今日名单, then her name.
    await j.byTestId('counter-roster').click();
    await j.byTestId(`roster-sitting-${lunch.id}`).getByText('已签到 0/2', { exact: false }).waitFor();
    await j.audit('roster');
    await j.root().locator('input[aria-label="按姓名查找"]').fill('刘桂');
    await j.byTestId(`roster-row-${delivered}`).waitFor({ state: 'detached' });
    const row = j.byTestId(`roster-row-${phoneBooked}`);
    await row.getByText('无手机', { exact: false }).waitFor();
    await j.audit('roster-found');
    await j.root().getByRole('radio', { name: '微信' }).click();
    await row.getByTestId(`roster-redeem-${phoneBooked}`).click();
    await j.byTestId('roster-ok').getByText('刘桂芳 已签到核销').waitFor();
    await row.getByText('已用餐').waitFor();
    await j.audit('roster-checked-in');
    const [after] = await stack.db.ds.query('SELECT status, paidBy, channel FROM bookings WHERE id = ?', [phoneBooked]);
    expect(after).toEqual({ status: 'redeemed', paidBy: 'wechat', channel: 'staff' });

    // The sign-in sheet, as it prints.
    await j.root().locator('input[aria-label="按姓名查找"]').fill('');
    await j.byTestId('roster-sheet').click();
    const sheet = j.byTestId(`sheet-${lunch.id}`);
    await sheet.getByText('签名').waitFor();
    await sheet.getByText('刘桂芳').waitFor();
    await sheet.getByText('冯秀珍').waitFor();
    await j.audit('sheet');
    await j.page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await j.byTestId('roster-print').click();
    expect(await j.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await j.page.emulateMedia({ media: 'print' });
    await j.audit('sheet-print');
    await expect(j.byTestId('roster-print').isVisible()).resolves.toBe(false);
    await j.page.emulateMedia({ media: 'screen' });

    // The round: 冯秀珍 is not at home.
    await j.open(`/packages/bookings/pages/deliveries/index?slotId=${lunch.id}`);
    const stop = j.byTestId(`stop-${delivered}`);
    await stop.getByText('独居').waitFor();
    await j.audit('round');
    await stop.getByTestId(`stop-not_home-${delivered}`).click();
    const dialog = j.root().getByTestId(`miss-dialog-${delivered}`);
    await dialog.getByText('紧急', { exact: false }).waitFor();
    await j.audit('not-home-confirm');
    await dialog.getByText('确认不在家').click();
    await stop.getByTestId(`stop-missed-${delivered}`).getByText('不在家', { exact: false }).waitFor();
    await j.audit('not-home');

    // The staff's 消息中心 carries the urgent alert.
    await j.open('/packages/me/pages/messages/index');
    const alert = j.root().locator('[data-testid^="message-"]', { hasText: '独居老人送餐不在家' }).first();
    await alert.getByText('紧急', { exact: false }).waitFor();
    await alert.getByText('冯秀珍', { exact: false }).waitFor();
    await j.audit('alert');

    expect(j.failures()).toEqual([]);
  });
});

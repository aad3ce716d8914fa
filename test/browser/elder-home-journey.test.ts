import type { BrowserContext } from 'playwright-core';
import type { SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { addDays, localDay, localTime } from '@hg/types/local-time';
import { DIALECTS } from '../db';
import { as, call, ok, orgId } from '../factories';
import { PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * 王秀兰 (78, her own account, large text) opens 首页 (issue 15, item 8): 我的助餐 shows her next meal
 * — day, sitting, centre, the counter code — and the seat that just came free on the waitlist she
 * joined, with 确认要这一餐 and the time it lapses; one tap and it is hers. At 390×844, axe on every view.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let context: BrowserContext;
  let slot: SlotDTO;
  let offered: number;

  beforeAll(async () => {
    stack = await startStack(dialect);
    const centreId = await orgId(stack.db.ds, '南街社区日间照料中心');
    const day = addDays(localDay(clock.now()), 10);
    slot = ok(
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
          capacityDineIn: 1,
          priceFen: 1200,
          dishes: [{ name: '清蒸鲈鱼', tags: ['低盐'] }],
        },
        as('care_staff'),
      ),
    );
    // The one seat goes to a walk-in; 王秀兰 joins the waitlist; the walk-in cancels: the seat is offered to her.
    const walkIn = ok(await call('bookings', 'registerElder', { centreId, name: '赵素琴', birthYear: 1941, address: '南街老院子9号' }, as('care_staff')));
    const seat = ok(await call('bookings', 'book', { slotId: slot.id, elderId: walkIn.id, requestId: 'home-journey-zhao' }, as('care_staff')));
    // Her own profile (she registered herself at the centre serving her compound), and her next lunch the day before.
    const [mine] = ok(await call('bookings', 'myElders', {}, as('resident')));
    const me = mine ?? ok(await call('bookings', 'registerElder', { centreId, birthYear: 1948, diets: ['低糖'] }, as('resident')));
    const before = addDays(day, -1);
    const lunch = ok(
      await call(
        'bookings',
        'saveSlot',
        {
          centreId,
          kind: 'meal',
          day: before,
          sitting: 'lunch',
          startsAt: localTime(before, '11:30').toISOString(),
          endsAt: localTime(before, '13:00').toISOString(),
          cutoffAt: localTime(before, '09:00').toISOString(),
          capacityDineIn: 20,
          priceFen: 1200,
          dishes: [{ name: '番茄炒蛋', tags: ['软烂'] }],
        },
        as('care_staff'),
      ),
    );
    ok(await call('bookings', 'book', { slotId: lunch.id, elderId: me.id, requestId: 'home-journey-next' }, as('resident')));
    offered = ok(await call('bookings', 'book', { slotId: slot.id, elderId: me.id, requestId: 'home-journey-wang', waitlist: true }, as('resident'))).id;
    ok(await call('bookings', 'cancel', { bookingId: seat.id }, as('care_staff')));
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

  it('王秀兰 sees her next meal and confirms the seat offered from the waitlist on 首页, in large text', async () => {
    const elder = new Journey(await context.newPage(), stack.base, `elder-home-${dialect}`);
    await elder.page.goto(`${stack.base}/#/pages/me/index`);
    await elder.loginAs('王秀兰');
    await elder.setLargeText(true);
    await elder.tapTab('首页');
    const card = elder.byTestId('home-meal');
    await card.waitFor();
    // Her nearest meal (the demo city may have booked her one sooner than ours).
    await expect(elder.byTestId('home-meal-next').textContent()).resolves.toMatch(
      /\d+月\d+日 周.*(午餐|晚餐).*南街社区日间照料中心 · \d{2}:\d{2} 开餐.*核销码 [A-Z0-9]{6}/,
    );
    const offer = elder.byTestId(`home-meal-offer-${offered}`);
    await expect(offer.textContent()).resolves.toMatch(/您候补的这一餐有空位了！.*午餐.*请在 (今天|\d+月\d+日) \d{2}:\d{2} 前确认/);
    await elder.audit('home-meal-offer-large');
    await offer.getByTestId(`home-meal-confirm-${offered}`).click();
    await offer.waitFor({ state: 'detached' });
    await expect(elder.byTestId('home-meal-confirmed').textContent()).resolves.toMatch(/^已为您订好：\d+月\d+日 周. 午餐，核销码 [A-Z0-9]{6}$/);
    await elder.audit('home-meal-confirmed-large');
    expect(elder.failures()).toEqual([]);
    const [row] = await stack.db.ds.query('SELECT status FROM bookings WHERE id = ?', [offered]);
    expect(row.status).toBe('booked');
  });
});

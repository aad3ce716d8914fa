import type { BrowserContext } from 'playwright-core';
import type { SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { addDays, localDay, localTime } from '@hg/types/local-time';
import { DIALECTS } from '../db';
import { as, call, ok, orgId } from '../factories';
import { PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * Allergens end to end (issue 15, item 4), on a phone, axe on every view: 王秀兰 registered a peanut
 * allergy; the centre publishes tomorrow's lunch with 花生酥 marked 花生. In large-text mode she sees
 * the warning on the menu and again at the quote, and books anyway (her choice, told plainly); the
 * kitchen sheet 郑红梅 reads flags her against the dish.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let context: BrowserContext;
  let centreId: number;
  let lunch: SlotDTO;

  beforeAll(async () => {
    stack = await startStack(dialect);
    centreId = await orgId(stack.db.ds, '南街社区日间照料中心');
    const tomorrow = addDays(localDay(clock.now()), 1);
    ok(await call('bookings', 'registerElder', { centreId, birthYear: 1948, allergies: '花生过敏' }, as('resident')));
    lunch = ok(
      await call(
        'bookings',
        'saveSlot',
        {
          centreId,
          kind: 'meal',
          day: tomorrow,
          sitting: 'lunch',
          startsAt: localTime(tomorrow, '11:30').toISOString(),
          endsAt: localTime(tomorrow, '13:00').toISOString(),
          cutoffAt: localTime(tomorrow, '09:00').toISOString(),
          capacityDineIn: 30,
          capacityDelivery: 10,
          priceFen: 1200,
          dishes: [
            { name: '花生酥', tags: [], allergens: ['花生'] },
            { name: '清蒸鲈鱼', tags: [], allergens: ['鱼'] },
            { name: '米饭', tags: [] },
          ],
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

  it('王秀兰 (large text) is warned on the menu and at the quote; the kitchen sheet flags her', async () => {
    const elder = new Journey(await context.newPage(), stack.base, `allergen-elder-${dialect}`);
    await elder.page.goto(`${stack.base}/#/pages/me/index`);
    await elder.loginAs('王秀兰');
    await elder.root().locator('[role="switch"][aria-label="大字模式"]').click();
    await elder.page.locator('.page--large:visible').first().waitFor();

    await elder.open(`/packages/bookings/pages/week/index?centreId=${centreId}`);
    const card = elder.byTestId(`slot-${lunch.id}`);
    await card.waitFor();
    // The menu names each dish's allergens, and her own allergy is called out on the card.
    await card.getByTestId('dish-allergens').first().waitFor();
    await expect(card.textContent()).resolves.toContain('含花生');
    await expect(card.getByTestId('slot-allergy').textContent()).resolves.toContain('花生酥');
    await card.scrollIntoViewIfNeeded();
    await elder.audit('menu-warned');

    await card.getByTestId('book-dine_in').click();
    const warnings = card.getByTestId('quote-warnings');
    await warnings.waitFor();
    await expect(warnings.textContent()).resolves.toMatch(/花生酥.*花生.*您过敏/);
    // Fish is on the menu too, but she is not allergic to it: no warning about it.
    await expect(warnings.textContent()).resolves.not.toContain('鲈鱼');
    await elder.audit('quote-warned');
    await card.getByTestId('book-confirm').click();
    await card.getByTestId('booking-code').waitFor();
    await elder.audit('booked');
    expect(elder.failures()).toEqual([]);

    const staff = new Journey(await context.newPage(), stack.base, `allergen-kitchen-${dialect}`);
    await staff.page.goto(`${stack.base}/#/pages/me/index`);
    await staff.loginAs('郑红梅');
    await staff.open(`/packages/bookings/pages/console/index?centreId=${centreId}`);
    await staff.byTestId(`kitchen-${lunch.id}`).click();
    const alert = staff.byTestId('kitchen-alert').first();
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/花生.*花生酥.*王秀兰/);
    await staff.byTestId('kitchen-alerts').scrollIntoViewIfNeeded();
    await staff.audit('kitchen-flagged');
    expect(staff.failures()).toEqual([]);
  });
});

import type { Locator } from 'playwright-core';
import { clock } from '../../cloud/src/core/clock';
import { seedDemoBookings } from '../../cloud/src/modules/bookings/demo-seed';
import { demoSeedContext } from '../../cloud/src/seed/run-seed';
import { addDays, localDay } from '@hg/types/local-time';
import { DIALECTS } from '../db';
import { as, call, ok, orgId } from '../factories';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * A week of menus on a phone, as the centre's staff (郑红梅): next week is published by copying
 * this one (the confirm says how many sittings), one dish is swapped, and a day of this week is
 * closed for a holiday (the confirm says how many booked elders will be told); the printed menu
 * says 休息. Then 王秀兰 (78, large text), who had booked that day, reads 休息 on her week page
 * and the 停餐通知 in 消息中心. axe on every page.
 */
jest.setTimeout(400_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect);
  let centreId: number;
  let today: string;

  beforeAll(async () => {
    // The demo week: lunch and dinner every day with menus, 王秀兰 booked for tomorrow's lunch.
    await seedDemoBookings(demoSeedContext(env.stack.db.ds));
    centreId = await orgId(env.stack.db.ds, '南街社区日间照料中心');
    today = localDay(clock.now());
  });
  afterAll(() => clock.reset());

  /** The page's own confirm (ConfirmDialog): read it, then tap its confirm button. */
  async function confirmDialog(j: Journey, testId: string, step: string): Promise<string> {
    const dialog = j.byTestId(testId);
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    await j.audit(step);
    await j.byTestId(`${testId}-yes`).click();
    await dialog.waitFor({ state: 'detached' });
    return text;
  }

  const tap = async (target: Locator) => {
    await target.scrollIntoViewIfNeeded();
    await target.click();
  };

  it('staff copy last week, swap a dish, close a holiday; the elder sees 休息 in large text', async () => {
    const holiday = addDays(today, 1);
    const staff = new Journey(await env.context.newPage(), env.stack.base, `menu-week-${dialect}`);
    await staff.page.goto(`${env.stack.base}/#/pages/me/index`);
    await staff.loginAs('郑红梅');
    await staff.byTestId('entry-meal-console').click();
    await staff.byTestId('cons-week-title').waitFor();
    await staff.audit('console');

    // 下一周 is empty: one tap copies this week into it.
    await staff.byTestId('week-next').click();
    await staff.byTestId('cons-week-title').getByText('下周', { exact: false }).waitFor();
    await staff
      .byTestId(`cons-day-${addDays(today, 7)}`)
      .getByText('还没有餐次')
      .waitFor();
    await tap(staff.byTestId('copy-week'));
    const copyText = await confirmDialog(staff, 'copy-dialog', 'copy-confirm');
    expect(copyText).toContain('新增14个餐次');
    await staff.byTestId(`cons-day-${addDays(today, 7)}`).getByText('午餐', { exact: false }).first().waitFor();
    const nextWeek = ok(await call('bookings', 'week', { centreId, from: addDays(today, 7), kind: 'meal' }, as('care_staff')));
    expect(nextWeek).toHaveLength(14);
    const first = nextWeek[0];
    await staff.byTestId(`cons-dishes-${first.id}`).waitFor();
    await staff.audit('copied');

    // The market had no eggs: swap the first dish of the first copied lunch.
    await tap(staff.byTestId(`menu-edit-open-${first.id}`));
    const editor = staff.byTestId(`menu-edit-${first.id}`);
    await editor.locator('input[aria-label="第1道菜"]').fill('香菇炖鸡');
    await editor.locator('input[aria-label="过敏原（用顿号隔开，没有就空着）"]').first().fill('');
    await staff.audit('menu-edit');
    await tap(staff.byTestId(`menu-save-${first.id}`));
    await staff.byTestId(`cons-dishes-${first.id}`).getByText('香菇炖鸡', { exact: false }).waitFor();
    await staff.audit('menu-saved');
    const [saved] = ok(await call('bookings', 'week', { centreId, from: first.day, kind: 'meal' }, as('care_staff'))).filter((s) => s.id === first.id);
    expect(saved.dishes[0]).toEqual({ name: '香菇炖鸡', tags: first.dishes[0].tags, allergens: [] });
    expect(saved.dishes.slice(1)).toEqual(first.dishes.slice(1));

    // Back to this week: tomorrow is a holiday.
    await staff.byTestId('week-prev').click();
    await staff.byTestId('cons-week-title').getByText('本周', { exact: false }).waitFor();
    await tap(staff.byTestId(`close-day-${holiday}`));
    await staff.root().locator(`input[aria-label="休息原因"]`).fill('社区节日活动');
    await staff.audit('close-reason');
    await tap(staff.byTestId(`close-confirm-${holiday}`));
    const closeText = await confirmDialog(staff, 'close-dialog', 'close-confirm');
    expect(closeText).toMatch(/2个餐次停止供餐，将取消\d+份预订，通知\d+位已预订的老人/);
    await staff.byTestId(`cons-rest-${holiday}`).getByText('休息：社区节日活动', { exact: false }).waitFor();
    await staff.audit('closed');
    const [wang] = await env.stack.db.ds.query(
      "SELECT b.status FROM bookings b JOIN elders e ON e.id = b.elderId JOIN booking_slots s ON s.id = b.slotId WHERE e.name = '王秀兰' AND s.day = ? AND s.sitting = 'lunch'",
      [holiday],
    );
    expect(wang.status).toBe('cancelled');

    // The printed week says 休息 on that row.
    await tap(staff.byTestId('go-menu-print'));
    await staff.byTestId(`menu-closed-${holiday}`).getByText('休息（社区节日活动），停止供餐').waitFor();
    await staff.audit('print');
    expect(staff.failures()).toEqual([]);

    // 王秀兰, 78, large text: her week page says tomorrow is a rest day, and the message says why.
    const elder = new Journey(await env.context.newPage(), env.stack.base, `menu-week-elder-${dialect}`);
    await elder.page.goto(`${env.stack.base}/#/pages/me/index`);
    await elder.loginAs('王秀兰');
    await elder.setLargeText(true);
    await elder.open(`/packages/bookings/pages/week/index?centreId=${centreId}`);
    const line = elder.byTestId(`week-closed-${holiday}`);
    await line.waitFor();
    expect(await line.textContent()).toContain('休息：社区节日活动，停止供餐');
    await elder.audit('elder-week');
    // The week opens at the next sitting still bookable (the day after); the line sits just above it.
    await line.scrollIntoViewIfNeeded();
    await elder.audit('elder-week-closed');
    await elder.open('/packages/me/pages/messages/index');
    const md = `${Number(holiday.slice(5, 7))}月${Number(holiday.slice(8, 10))}日`;
    await elder
      .root()
      .locator('[data-testid^="message-"]', { hasText: '停餐通知' })
      .first()
      .getByText(`${md} 因节假日停餐，您的预订已取消`, { exact: false })
      .waitFor();
    await elder.audit('elder-message');
    expect(elder.failures()).toEqual([]);
  });
});

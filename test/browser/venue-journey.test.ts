import type { EntityManager } from 'typeorm';
import { SLOT_RULES } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { publishSlot, reserve } from '../../cloud/src/modules/slots/public';
import { addDays, localDay, localTime } from '@hg/types/local-time';
import { DIALECTS } from '../db';
import { PHONE, useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * 场地与活动 on a phone: the centre's staff (郑红梅) publish an activity-room slot for tomorrow; a
 * resident who is not an elder (赵建国, large text) sees full slots say how many wait (已满 · 3人候补)
 * or that they keep no line (已满（不排队）, no button), joins the line for a talk, then finds the
 * room under 活动室, books it, reads the code
 * on the ticket and finds it in 我的预约 (the cancel question asked in the page, then left alone);
 * on the day the staff find him on the slot's roster by name, check him in and later out, with
 * the times. axe on every page, screenshots in test-artifacts/.
 */
jest.setTimeout(420_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect);
  afterAll(() => clock.reset());

  it('staff publish a room, a resident books it and sees it in 我的预约, staff check him in by name and out', async () => {
    const { stack } = env;
    const tomorrow = addDays(localDay(clock.now()), 1);

    // 郑红梅 publishes 书画室 for tomorrow afternoon.
    const staff = new Journey(await env.context.newPage(), stack.base, `venue-staff-${dialect}`);
    await staff.page.goto(`${stack.base}/#/pages/me/index`);
    await staff.loginAs('郑红梅');
    await staff.byTestId('entry-venue-console').click();
    await staff.byTestId('venue-publish').waitFor();
    await staff.audit('console');
    await staff.byTestId('venue-publish').click();
    const form = staff.byTestId('venue-slot-form');
    await form.getByRole('radio', { name: '活动室' }).click();
    await form.locator('input[aria-label="名称"]').fill('书画室');
    // The save checks the places first: the error sits beside the field.
    await staff.byTestId('venue-slot-save').click();
    await staff.byTestId('vform-capacity-error').getByText('请填写名额', { exact: false }).waitFor();
    await form.locator('input[aria-label="名额"]').fill('6');
    await staff.audit('publish-form');
    await staff.byTestId('venue-slot-save').click();
    await form.waitFor({ state: 'detached' });
    const [row] = await stack.db.ds.query('SELECT id, day FROM slots WHERE title = ?', ['书画室']);
    const slotId = Number(row.id);
    expect(row.day).toBe(tomorrow);
    await staff.byTestId(`staff-slot-count-${slotId}`).getByText('已约 0/6').waitFor();
    await staff.audit('published');

    // Two more for tomorrow, already full: a talk that keeps a line (two booked, three waiting) and
    // a residents' meeting whose room seats one and keeps none. Neighbours booked them earlier.
    const [{ venueId }] = await stack.db.ds.query('SELECT venueId FROM slots WHERE id = ?', [slotId]);
    const neighbours: number[] = (await stack.db.ds.query("SELECT id FROM users WHERE name <> '赵建国' ORDER BY id LIMIT 5")).map((u: { id: number }) =>
      Number(u.id),
    );
    const tx = <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(stack.db.ds, work);
    const full = async (title: string, kind: 'activity' | 'meeting', capacity: number, waitlist: boolean, hour: string) => {
      const startsAt = localTime(tomorrow, hour);
      const s = await tx((em) =>
        publishSlot(em, {
          kind,
          venueId: Number(venueId),
          title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 90 * 60_000),
          cutoffAt: new Date(startsAt.getTime() - 60 * 60_000),
          pools: [{ pool: SLOT_RULES.seatPool, capacity }],
          waitlist,
          by: neighbours[0],
          at: clock.now(),
        }),
      );
      for (const [i, userId] of neighbours.entries())
        if (i < capacity + (waitlist ? 3 : 0))
          await reserve(
            { ds: stack.db.ds, tx },
            { slotId: s.id, holder: { kind: 'user', id: userId }, requestId: `journey-${s.id}-${userId}`, bookedById: userId, waitlist: true, at: clock.now() },
          );
      return s.id;
    };
    const talkId = await full('防诈骗讲座', 'activity', 2, true, '09:30');
    const meetingId = await full('居民议事会', 'meeting', 1, false, '19:00');

    // 赵建国, not an elder, with large text on, books it.
    const residentContext = await stack.browser.newContext(PHONE);
    try {
      const res = new Journey(await residentContext.newPage(), stack.base, `venue-resident-${dialect}`);
      await res.page.goto(`${stack.base}/#/pages/me/index`);
      await res.loginAs('赵建国');
      await res.setLargeText(true);
      const [{ n: elders }] = await stack.db.ds.query('SELECT COUNT(*) AS n FROM elders e JOIN users u ON u.id = e.userId WHERE u.name = ?', ['赵建国']);
      expect(Number(elders)).toBe(0);
      await res.byTestId('entry-venue').click();
      // Full slots say how many wait, and offer the line only where the centre keeps one.
      const talk = res.byTestId(`venue-slot-${talkId}`);
      await talk.getByTestId(`venue-slot-state-${talkId}`).getByText('已满 · 3人候补').waitFor();
      const meeting = res.byTestId(`venue-slot-${meetingId}`);
      await meeting.getByTestId(`venue-slot-state-${meetingId}`).getByText('已满（不排队）').waitFor();
      expect(await meeting.getByRole('button').count()).toBe(0);
      await res.audit('slots-full');
      await talk.getByTestId(`venue-waitlist-${talkId}`).click();
      await talk.getByTestId(`reserve-submit-${talkId}`).getByText('确认排队候补').click();
      await talk.getByTestId('venue-done').getByText('已加入候补', { exact: false }).waitFor();
      await talk.getByText('您在候补中（共 4 人候补）').waitFor();
      await res.audit('waitlisted');
      await res.byTestId('venue-kind-room').click();
      const card = res.byTestId(`venue-slot-${slotId}`);
      await card.getByText('剩余 6 个名额', { exact: false }).waitFor();
      await res.audit('slots');
      await card.getByTestId(`venue-reserve-${slotId}`).click();
      await card.getByTestId(`reserve-form-${slotId}`).waitFor();
      await res.audit('reserve-form');
      await card.getByTestId(`reserve-submit-${slotId}`).click();
      const done = card.getByTestId('venue-done');
      await done.getByText('预约成功', { exact: false }).waitFor();
      const code = (await done.getByTestId('reservation-code').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[2-9A-Z]{6}$/);
      await card.getByText('您已预约').waitFor();
      await res.audit('reserved');

      // 我的预约: the room with its code under 接下来的预约; 取消 asks first, in the page.
      await card.getByTestId(`venue-see-mine-${slotId}`).click();
      const upcoming = res.byTestId('reservations-upcoming');
      const [{ id: reservationId }] = await stack.db.ds.query('SELECT id FROM slot_bookings WHERE slotId = ?', [slotId]);
      const ticket = upcoming.getByTestId(`reservation-${reservationId}`);
      await ticket.getByText('书画室', { exact: false }).waitFor();
      await expect(ticket.getByTestId('reservation-code').textContent()).resolves.toBe(code);
      await res.audit('mine');
      await ticket.getByTestId('reservation-cancel').click();
      const dialog = res.root().getByTestId('cancel-dialog');
      await dialog.getByTestId('cancel-dialog-what').getByText('书画室', { exact: false }).waitFor();
      await res.audit('cancel-ask');
      await dialog.getByTestId('cancel-dialog-no').click();
      await dialog.waitFor({ state: 'detached' });
      await expect(ticket.getByTestId('reservation-status').textContent()).resolves.toBe('已预约');
      expect(res.failures()).toEqual([]);
    } finally {
      await residentContext.close();
    }

    // The day, at 14:05 (the server's clock; the roster follows what the server allows).
    clock.advance(localTime(tomorrow, '14:05').getTime() - clock.now().getTime());
    await staff.byTestId(`staff-roster-${slotId}`).click();
    await staff.byTestId('venue-roster-slot').getByText('书画室').waitFor();
    await staff.root().locator('input[aria-label="按姓名查找"]').fill('建国');
    const [{ id: rid }] = await stack.db.ds.query('SELECT id FROM slot_bookings WHERE slotId = ?', [slotId]);
    const entry = staff.byTestId(`venue-roster-row-${rid}`);
    await entry.getByText('赵建国').waitFor();
    await staff.audit('roster-found');
    await entry.getByTestId(`venue-checkin-${rid}`).click();
    await staff
      .byTestId('venue-roster-ok')
      .getByText(/赵建国 14:0\d 已签到/)
      .waitFor();
    await entry.getByText(/签到 14:0\d/).waitFor();
    await staff.audit('checked-in');
    clock.advance(95 * 60_000);
    await entry.getByTestId(`venue-checkout-${rid}`).click();
    await staff
      .byTestId('venue-roster-ok')
      .getByText(/赵建国 15:4\d 已签退/)
      .waitFor();
    await entry.getByText(/签到 14:0\d · 签退 15:4\d/).waitFor();
    await staff.audit('checked-out');
    const [after] = await stack.db.ds.query('SELECT status FROM slot_bookings WHERE id = ?', [rid]);
    expect(after.status).toBe('checked_out');
    expect(staff.failures()).toEqual([]);
  });
});

import { render, screen, within } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import { addDays, localDay } from '@hg/types/local-time';
import { booking } from '../../test-fixtures';
import MyBookingsPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingMine);
  svc.mine.mockResolvedValue({
    ok: true,
    data: {
      items: [
        booking(900),
        booking(901, { status: 'redeemed', statusLabel: '已用餐', code: 'PQR234', can: [], slot: { ...booking(1).slot, day: '2030-03-04' } }),
      ],
      nextCursor: null,
    },
  });
});

describe('我的订餐', () => {
  it('shows family and proxies the menu price only, never the subsidy (it would tell 低保)', async () => {
    svc.mine.mockResolvedValue({
      ok: true,
      data: {
        items: [booking(902, { channel: 'family', price: { priceFen: 1200, subsidyFen: null, payFen: null, tier: null }, tierLabel: null })],
        nextCursor: null,
      },
    });
    render(<MyBookingsPage />);
    await flush();
    const pay = within(screen.getByTestId('booking-902')).getByTestId('booking-pay').textContent ?? '';
    expect(pay).toContain('餐费 12.00元');
    expect(pay).toContain('以中心结算为准');
    expect(pay).not.toMatch(/低保|补贴 /);
  });

  it('lists bookings with day, sitting, status, price and the big code (and its QR) while redeemable', async () => {
    render(<MyBookingsPage />);
    await flush();
    expect(svc.mine).toHaveBeenCalledWith({ limit: 20 });
    const live = within(screen.getByTestId('booking-900'));
    expect(live.getByRole('heading').textContent).toContain('3月5日');
    expect(live.getByRole('heading').textContent).toContain('午餐');
    expect(live.getByTestId('booking-status').textContent).toBe('已预订');
    expect(live.getByTestId('booking-code').textContent).toBe('K7M3QX');
    expect(live.getByTestId('booking-pay').textContent).toContain('8.00元');
    expect(live.getByRole('img', { name: '核销码 K7M3QX 的二维码' })).toBeTruthy();

    const eaten = within(screen.getByTestId('booking-901'));
    expect(eaten.getByTestId('booking-status').textContent).toBe('已用餐');
    expect(eaten.queryByTestId('booking-code')).toBeNull();
    expect(eaten.queryByTestId('booking-cancel')).toBeNull();
  });

  it('cancels a booking after asking, and updates it in place', async () => {
    svc.cancel.mockResolvedValue({ ok: true, data: booking(900, { status: 'cancelled', statusLabel: '已取消', can: [] }) });
    render(<MyBookingsPage />);
    await flush();
    await click(within(screen.getByTestId('booking-900')).getByTestId('booking-cancel'));
    expect(svc.cancel).not.toHaveBeenCalled();
    await click(screen.getByTestId('cancel-dialog-yes'));
    expect(svc.cancel).toHaveBeenCalledWith({ bookingId: 900 });
    expect(within(screen.getByTestId('booking-900')).getByTestId('booking-status').textContent).toBe('已取消');
  });

  it('shows why a cancel failed (past the cut-off)', async () => {
    svc.cancel.mockResolvedValue({ ok: false, error: { code: 'INVALID_TRANSITION', message: '已过截止时间，不能取消' } });
    render(<MyBookingsPage />);
    await flush();
    await click(within(screen.getByTestId('booking-900')).getByTestId('booking-cancel'));
    await click(screen.getByTestId('cancel-dialog-yes'));
    expect(screen.getByTestId('booking-error').textContent).toBe('已过截止时间，不能取消');
  });

  describe('upcoming first, then the past', () => {
    const today = localDay(new Date());
    const on = (day: string, clock = '11:30') => ({ ...booking(1).slot, day, startsAt: `${day}T${clock}:00+08:00`, cutoffAt: `${day}T09:30:00+08:00` });

    it('lists what is ahead nearest first, above what is over or cancelled, latest first', async () => {
      svc.mine.mockResolvedValue({
        ok: true,
        data: {
          // The server's order: upcoming first (nearest first), then the past (latest first).
          items: [
            booking(906, { slot: on(today) }),
            booking(908, { status: 'waitlisted', statusLabel: '候补中', code: '', waitlistPosition: 1, slot: on(addDays(today, 1), '17:00') }),
            booking(910, { slot: on(addDays(today, 3)) }),
            booking(909, { status: 'cancelled', statusLabel: '已取消', can: [], slot: on(addDays(today, 2)) }),
            booking(907, { status: 'redeemed', statusLabel: '已用餐', can: [], slot: on(addDays(today, -1)) }),
            booking(905, { status: 'no_show', statusLabel: '未到', can: [], slot: on(addDays(today, -3)) }),
          ],
          nextCursor: null,
        },
      });
      render(<MyBookingsPage />);
      await flush();
      const ids = (group: string) =>
        within(screen.getByTestId(`bookings-${group}`))
          .getAllByRole('listitem')
          .map((li) => li.querySelector('[data-testid^="booking-9"]')?.getAttribute('data-testid'));
      // Today's lunch stays ahead all day: its code is needed at the counter.
      expect(ids('upcoming')).toEqual(['booking-906', 'booking-908', 'booking-910']);
      expect(ids('past')).toEqual(['booking-909', 'booking-907', 'booking-905']);
      const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
      expect(headings).toEqual(['接下来的订餐（3）', '以往的订餐（3）']);
    });

    it('an upcoming booking on the second page joins 接下来的, above everything past', async () => {
      // The page loads on mount and again when shown: answer by cursor, as the server does.
      svc.mine.mockImplementation(async (req) =>
        req?.cursor === 'c2'
          ? {
              ok: true,
              data: {
                items: [
                  booking(912, { slot: on(addDays(today, 4)) }),
                  booking(907, { status: 'redeemed', statusLabel: '已用餐', can: [], slot: on(addDays(today, -1)) }),
                ],
                nextCursor: null,
              },
            }
          : { ok: true, data: { items: [booking(906, { slot: on(today) }), booking(911, { slot: on(addDays(today, 1)) })], nextCursor: 'c2' } },
      );
      render(<MyBookingsPage />);
      await flush();
      const ids = (group: string) =>
        within(screen.getByTestId(`bookings-${group}`))
          .getAllByRole('listitem')
          .map((li) => li.querySelector('[data-testid^="booking-9"]')?.getAttribute('data-testid'));
      expect(ids('upcoming')).toEqual(['booking-906', 'booking-911']);
      expect(screen.queryByTestId('bookings-past')).toBeNull();
      await click(screen.getByTestId('load-more'));
      await flush();
      expect(svc.mine).toHaveBeenLastCalledWith({ limit: 20, cursor: 'c2' });
      expect(ids('upcoming')).toEqual(['booking-906', 'booking-911', 'booking-912']);
      expect(ids('past')).toEqual(['booking-907']);
      expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['接下来的订餐（3）', '以往的订餐（1）']);
    });

    it('says so when nothing is ahead, and still lists the past', async () => {
      svc.mine.mockResolvedValue({
        ok: true,
        data: { items: [booking(907, { status: 'redeemed', statusLabel: '已用餐', can: [], slot: on(addDays(today, -1)) })], nextCursor: null },
      });
      render(<MyBookingsPage />);
      await flush();
      expect(screen.getByTestId('bookings-upcoming-none').textContent).toBe('接下来没有订餐。');
      expect(within(screen.getByTestId('bookings-past')).getByTestId('booking-907')).toBeTruthy();
    });
  });

  describe('what a ticket says', () => {
    it('says what is due only while a seat is held and not yet taken', async () => {
      svc.mine.mockResolvedValue({
        ok: true,
        data: {
          items: [
            booking(920),
            booking(921, { status: 'offered', statusLabel: '候补到位，请确认', can: ['confirm', 'cancel'] }),
            booking(922, { status: 'cancelled', statusLabel: '已取消', can: [] }),
            booking(923, { status: 'waitlisted', statusLabel: '候补中', code: '', waitlistPosition: 1 }),
            booking(924, { status: 'redeemed', statusLabel: '已用餐', can: [] }),
            booking(925, { status: 'no_show', statusLabel: '未到', can: [] }),
            booking(926, { status: 'expired', statusLabel: '候补已失效', can: [] }),
            // A meal the subsidy covers in full: nothing due.
            booking(927, { price: { priceFen: 600, subsidyFen: 600, payFen: 0, tier: 'dibao' }, tierLabel: '低保' }),
          ],
          nextCursor: null,
        },
      });
      render(<MyBookingsPage />);
      await flush();
      const pay = (id: number) => within(screen.getByTestId(`booking-${id}`)).queryByTestId('booking-pay');
      expect(pay(920)?.textContent).toContain('需支付 8.00元');
      expect(pay(921)?.textContent).toContain('需支付 8.00元');
      expect(pay(922)).toBeNull();
      expect(pay(923)).toBeNull();
      expect(pay(924)).toBeNull();
      expect(pay(925)).toBeNull();
      expect(pay(926)).toBeNull();
      expect(pay(927)?.textContent).toContain('无需支付');
      expect(pay(927)?.textContent).not.toContain('需支付 0.00元');
    });

    it('calls leaving the waitlist 退出候补, and giving a seat back 取消预订', async () => {
      svc.mine.mockResolvedValue({
        ok: true,
        data: { items: [booking(930), booking(931, { status: 'waitlisted', statusLabel: '候补中', code: '', waitlistPosition: 2 })], nextCursor: null },
      });
      render(<MyBookingsPage />);
      await flush();
      expect(within(screen.getByTestId('booking-930')).getByTestId('booking-cancel').textContent).toBe('取消预订');
      expect(within(screen.getByTestId('booking-931')).getByTestId('booking-cancel').textContent).toBe('退出候补');
    });

    it('never says 已用餐 or 堂食 on a room, consultation or visit', async () => {
      const room = { ...booking(1).slot, kind: 'room' as const, title: '棋牌室' };
      svc.mine.mockResolvedValue({
        ok: true,
        data: {
          items: [
            booking(940, { slot: room, price: { priceFen: 0, subsidyFen: 0, payFen: 0, tier: null }, tierLabel: null }),
            booking(941, { status: 'redeemed', statusLabel: '已用餐', can: [], slot: { ...room, kind: 'consult', title: '健康咨询' } }),
            booking(942, {
              slot: { ...room, kind: 'visit', title: '家电维修上门' },
              price: { priceFen: 3000, subsidyFen: 0, payFen: 3000, tier: null },
              tierLabel: null,
            }),
          ],
          nextCursor: null,
        },
      });
      render(<MyBookingsPage />);
      await flush();
      for (const id of [940, 941, 942]) expect(screen.getByTestId(`booking-${id}`).textContent).not.toMatch(/已用餐|堂食|送餐/);
      expect(within(screen.getByTestId('booking-941')).getByTestId('booking-status').textContent).toBe('已到场');
      expect(within(screen.getByTestId('booking-942')).getByTestId('booking-pay').textContent).toContain('30.00元');
      await click(within(screen.getByTestId('booking-940')).getByTestId('booking-cancel'));
      expect(screen.getByTestId('cancel-dialog').textContent).not.toMatch(/堂食|这餐/);
      expect(screen.getByTestId('cancel-dialog-yes').textContent).toBe('取消预约');
    });
  });

  it('shows a meal’s 备注 under its ticket, changeable while the booking allows it and read-only once eaten', async () => {
    svc.mine.mockResolvedValue({
      ok: true,
      data: {
        items: [
          booking(910, { can: ['cancel', 'remark'], remark: { text: '少盐', voiceNote: null } }),
          booking(911, { status: 'redeemed', statusLabel: '已用餐', can: [], remark: { text: '饭要软', voiceNote: null }, slot: { ...booking(1).slot, day: '2030-03-04' } }),
          booking(912, { can: ['cancel'], remark: null, slot: { ...booking(1).slot, kind: 'room', title: '活动室' } }),
        ],
        nextCursor: null,
      },
    });
    svc.remark.mockResolvedValue({ ok: true, data: booking(910, { can: ['cancel', 'remark'], remark: { text: '少盐，饭要软', voiceNote: null } }) });
    render(<MyBookingsPage />);
    await flush();
    expect(screen.getByTestId('remark-910').textContent).toBe('备注：少盐');
    expect(screen.getByTestId('remark-911').textContent).toBe('备注：饭要软');
    expect(screen.queryByTestId('remark-open-911')).toBeNull();
    expect(screen.queryByTestId('remark-box-912')).toBeNull();
    await click(screen.getByTestId('remark-open-910'));
    const text = (await screen.findByLabelText('备注')) as HTMLTextAreaElement;
    expect(text.value).toBe('少盐');
    await typeInto(text, '少盐，饭要软');
    await click(screen.getByTestId('remark-save-910'));
    expect(svc.remark).toHaveBeenCalledWith(expect.objectContaining({ bookingId: 910, remark: '少盐，饭要软' }));
    expect(screen.getByTestId('remark-910').textContent).toBe('备注：少盐，饭要软');
  });
});

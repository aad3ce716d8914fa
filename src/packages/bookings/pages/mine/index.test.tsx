import { render, screen, within } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush } from '../../../../test-utils';
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
      data: { items: [booking(902, { channel: 'family', price: { priceFen: 1200, subsidyFen: null, payFen: null, tier: null }, tierLabel: null })], nextCursor: null },
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
    expect(svc.cancel).toHaveBeenCalledWith({ bookingId: 900 });
    expect(within(screen.getByTestId('booking-900')).getByTestId('booking-status').textContent).toBe('已取消');
  });

  it('shows why a cancel failed (past the cut-off)', async () => {
    svc.cancel.mockResolvedValue({ ok: false, error: { code: 'INVALID_TRANSITION', message: '已过截止时间，不能取消' } });
    render(<MyBookingsPage />);
    await flush();
    await click(within(screen.getByTestId('booking-900')).getByTestId('booking-cancel'));
    expect(screen.getByTestId('booking-error').textContent).toBe('已过截止时间，不能取消');
  });
});

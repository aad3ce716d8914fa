import { render, screen, within } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import { reservation, venueSlot } from '../../test-fixtures';
import VenueRosterPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;
const today = { cancel: true, accept: false, checkIn: true, checkOut: false };

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.venueRoster, { slotId: '10', centreId: '3', day: '2099-03-06' });
  svc.venueSlots.mockResolvedValue({ ok: true, data: [venueSlot(10, { left: 4 })] });
});

describe('名单与签到', () => {
  it('finds a resident by name, checks him in and later out, with the times', async () => {
    svc.roster.mockResolvedValue({
      ok: true,
      data: [reservation(1, { holderName: '赵建国', can: today }), reservation(2, { holderName: '钱桂芳', code: 'PQR234', can: today })],
    });
    render(<VenueRosterPage />);
    await flush();
    expect(svc.roster).toHaveBeenCalledWith({ slotId: 10 });
    expect(screen.getByTestId('venue-roster-count').textContent).toBe('已签到 0/2');
    svc.roster.mockResolvedValue({ ok: true, data: [reservation(1, { holderName: '赵建国', can: today })] });
    await typeInto(screen.getByLabelText('按姓名查找'), '建国');
    await flush();
    expect(svc.roster).toHaveBeenLastCalledWith({ slotId: 10, name: '建国' });
    expect(screen.queryByTestId('venue-roster-row-2')).toBeNull();

    const inAt = '2099-03-06T06:05:00.000Z';
    svc.checkIn.mockResolvedValue({ ok: true, data: reservation(1, { holderName: '赵建国', status: 'checked_in', checkedInAt: inAt }) });
    svc.roster.mockResolvedValue({
      ok: true,
      data: [
        reservation(1, {
          holderName: '赵建国',
          status: 'checked_in',
          checkedInAt: inAt,
          can: { cancel: false, accept: false, checkIn: false, checkOut: true },
        }),
      ],
    });
    await click(screen.getByTestId('venue-checkin-1'));
    await flush();
    expect(svc.checkIn).toHaveBeenCalledWith({ reservationId: 1 });
    expect(screen.getByTestId('venue-roster-ok').textContent).toBe('✓ 赵建国 14:05 已签到');
    const row = within(screen.getByTestId('venue-roster-row-1'));
    expect(row.getByTestId('venue-roster-times-1').textContent).toBe('签到 14:05');

    const outAt = '2099-03-06T07:40:00.000Z';
    svc.checkOut.mockResolvedValue({ ok: true, data: reservation(1, { holderName: '赵建国', status: 'checked_out', checkedInAt: inAt, checkedOutAt: outAt }) });
    svc.roster.mockResolvedValue({
      ok: true,
      data: [
        reservation(1, {
          holderName: '赵建国',
          status: 'checked_out',
          checkedInAt: inAt,
          checkedOutAt: outAt,
          can: { cancel: false, accept: false, checkIn: false, checkOut: false },
        }),
      ],
    });
    await click(row.getByTestId('venue-checkout-1'));
    await flush();
    expect(svc.checkOut).toHaveBeenCalledWith({ reservationId: 1 });
    expect(screen.getByTestId('venue-roster-ok').textContent).toBe('✓ 赵建国 15:40 已签退');
    expect(within(screen.getByTestId('venue-roster-row-1')).getByTestId('venue-roster-times-1').textContent).toBe('签到 14:05 · 签退 15:40');
    expect(within(screen.getByTestId('venue-roster-row-1')).queryByRole('button')).toBeNull();
  });

  it('checks in by the code shown (any case), and says plainly when there is no such code', async () => {
    svc.roster.mockResolvedValue({ ok: true, data: [reservation(1, { holderName: '赵建国', can: today })] });
    svc.checkIn.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: '预约不存在' } });
    render(<VenueRosterPage />);
    await flush();
    await typeInto(screen.getByLabelText('预约码'), 'k7m3qz');
    await click(screen.getByTestId('venue-code-submit'));
    await flush();
    expect(svc.checkIn).toHaveBeenLastCalledWith({ centreId: 3, code: 'K7M3QZ' });
    expect(screen.getByTestId('venue-code-error').textContent).toBe('没有这个预约码，请核对后再输入');
    svc.checkIn.mockResolvedValueOnce({
      ok: true,
      data: reservation(1, { holderName: '赵建国', status: 'checked_in', checkedInAt: '2099-03-06T06:01:00.000Z' }),
    });
    await typeInto(screen.getByLabelText('预约码'), 'K7M3QX');
    await click(screen.getByTestId('venue-code-submit'));
    await flush();
    expect(screen.getByTestId('venue-roster-ok').textContent).toBe('✓ 赵建国 14:01 已签到');
  });

  it('before the day, says check-in waits for it instead of offering buttons the server would refuse', async () => {
    svc.roster.mockResolvedValue({ ok: true, data: [reservation(1, { holderName: '赵建国' })] });
    render(<VenueRosterPage />);
    await flush();
    expect(screen.getByTestId('venue-roster-not-today').textContent).toContain('3月6日');
    expect(screen.queryByTestId('venue-code-submit')).toBeNull();
    expect(screen.queryByTestId('venue-checkin-1')).toBeNull();
  });
});

import { render, screen, within } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush } from '../../../../test-utils';
import { reservation } from '../../test-fixtures';
import MyReservationsPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.venueMine);
});

describe('我的预约', () => {
  it('lists what is ahead first (nearest first, with the code), the rest after', async () => {
    svc.myReservations.mockResolvedValue({
      ok: true,
      data: {
        // The server's order: upcoming first (nearest first), then the past.
        items: [
          reservation(1),
          reservation(3, {
            title: '重阳节包饺子',
            kind: 'activity',
            day: '2099-03-08',
            startsAt: '2099-03-08T01:30:00.000Z',
            endsAt: '2099-03-08T03:00:00.000Z',
          }),
          reservation(2, {
            title: '棋牌',
            status: 'checked_out',
            day: '2020-01-02',
            startsAt: '2020-01-02T06:00:00.000Z',
            code: 'ZZZZZZ',
            can: { cancel: false, accept: false, checkIn: false, checkOut: false },
          }),
        ],
        nextCursor: null,
      },
    });
    render(<MyReservationsPage />);
    await flush();
    const upcoming = within(screen.getByTestId('reservations-upcoming'));
    expect(upcoming.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['活动室 · 书画室', '活动 · 重阳节包饺子']);
    expect(within(screen.getByTestId('reservation-1')).getByTestId('reservation-code').textContent).toBe('K7M3QX');
    const past = within(screen.getByTestId('reservations-past'));
    expect(past.getByTestId('reservation-status').textContent).toBe('已签退');
    // A code that can no longer be used is not shown.
    expect(past.queryByTestId('reservation-code')).toBeNull();
  });

  it('a reservation ahead that comes on the second page joins 接下来的预约, above the past', async () => {
    const past = reservation(2, {
      title: '棋牌',
      status: 'checked_out',
      day: '2020-01-02',
      startsAt: '2020-01-02T06:00:00.000Z',
      can: { cancel: false, accept: false, checkIn: false, checkOut: false },
    });
    const later = reservation(4, {
      title: '健康咨询',
      kind: 'consult',
      day: '2099-03-09',
      startsAt: '2099-03-09T01:00:00.000Z',
      endsAt: '2099-03-09T02:00:00.000Z',
    });
    svc.myReservations.mockImplementation(async (req) =>
      req?.cursor === 'c2' ? { ok: true, data: { items: [later, past], nextCursor: null } } : { ok: true, data: { items: [reservation(1)], nextCursor: 'c2' } },
    );
    render(<MyReservationsPage />);
    await flush();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['接下来的预约']);
    await click(screen.getByTestId('load-more'));
    await flush();
    expect(svc.myReservations).toHaveBeenLastCalledWith({ limit: 20, cursor: 'c2' });
    const upcoming = within(screen.getByTestId('reservations-upcoming'));
    expect(upcoming.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['活动室 · 书画室', '咨询 · 健康咨询']);
    expect(
      within(screen.getByTestId('reservations-past'))
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['活动室 · 棋牌']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['接下来的预约（2）', '以往的预约（1）']);
  });

  it('cancelling asks first in the page, naming the day, with the destructive choice in red', async () => {
    svc.myReservations.mockResolvedValue({ ok: true, data: { items: [reservation(1)], nextCursor: null } });
    svc.cancelReservation.mockResolvedValue({
      ok: true,
      data: reservation(1, { status: 'cancelled', can: { cancel: false, accept: false, checkIn: false, checkOut: false } }),
    });
    render(<MyReservationsPage />);
    await flush();
    await click(screen.getByTestId('reservation-cancel'));
    const dialog = within(screen.getByTestId('cancel-dialog'));
    expect(dialog.getByTestId('cancel-dialog-what').textContent).toBe('3月6日 周五 14:00–17:00 书画室');
    expect(dialog.getByTestId('cancel-dialog-yes').className).toContain('confirm__yes');
    await click(dialog.getByTestId('cancel-dialog-no'));
    expect(svc.cancelReservation).not.toHaveBeenCalled();
    expect(screen.queryByTestId('cancel-dialog')).toBeNull();

    await click(screen.getByTestId('reservation-cancel'));
    await click(screen.getByTestId('cancel-dialog-yes'));
    await flush();
    expect(svc.cancelReservation).toHaveBeenCalledWith({ reservationId: 1 });
    expect(within(screen.getByTestId('reservations-past')).getByTestId('reservation-status').textContent).toBe('已取消');
  });

  it('an offered waitlist seat is taken up with 确认候补名额', async () => {
    const offered = reservation(5, {
      status: 'offered',
      offerExpiresAt: '2099-03-06T03:30:00.000Z',
      can: { cancel: true, accept: true, checkIn: false, checkOut: false },
    });
    svc.myReservations.mockResolvedValue({ ok: true, data: { items: [offered], nextCursor: null } });
    svc.acceptReservation.mockResolvedValue({ ok: true, data: reservation(5) });
    render(<MyReservationsPage />);
    await flush();
    const ticket = within(screen.getByTestId('reservation-5'));
    expect(ticket.getByRole('status').textContent).toBe('有空位了！请在 11:30 前确认');
    await click(ticket.getByTestId('reservation-accept'));
    await flush();
    expect(svc.acceptReservation).toHaveBeenCalledWith({ reservationId: 5 });
    expect(within(screen.getByTestId('reservation-5')).getByTestId('reservation-status').textContent).toBe('已预约');
  });
});

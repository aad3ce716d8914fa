import { render, screen, within } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { flush } from '../../../../test-utils';
import { centre, slot } from '../../test-fixtures';
import MenuPrintPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingMenuPrint, { centreId: '7', from: '2030-03-04' });
  svc.centres.mockResolvedValue({ ok: true, data: [centre()] });
  svc.closedDays.mockResolvedValue({ ok: true, data: [] });
  svc.week.mockResolvedValue({
    ok: true,
    data: [
      slot(101),
      slot(102, {
        sitting: 'dinner',
        title: '晚餐',
        startsAt: '2030-03-05T09:00:00.000Z',
        endsAt: '2030-03-05T10:30:00.000Z',
        cutoffAt: '2030-03-05T06:30:00.000Z',
        dishes: [],
      }),
      slot(201, { day: '2030-03-06', startsAt: '2030-03-06T03:30:00.000Z', endsAt: '2030-03-06T05:00:00.000Z' }),
    ],
  });
});

describe('一周菜单（打印）', () => {
  it("sets the week's meals out as one sheet: a row per day, a column per sitting, the centre's name and phone on top", async () => {
    render(<MenuPrintPage />);
    await flush();
    expect(svc.week).toHaveBeenCalledWith({ centreId: 7, from: '2030-03-04', kind: 'meal' });
    expect(svc.centres).toHaveBeenCalledWith({ all: true });
    const sheet = within(screen.getByTestId('menu-sheet'));
    expect(sheet.getByRole('heading', { name: '南街社区日间照料中心 · 一周菜单' })).toBeTruthy();
    expect(sheet.getByTestId('menu-range').textContent).toBe('3月4日–3月10日　订餐电话 0817-6221234');
    expect(sheet.getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['日期', '午餐', '晚餐']);
    expect(sheet.getAllByRole('row')).toHaveLength(8);

    const tuesday = within(screen.getByTestId('menu-day-2030-03-05'));
    expect(tuesday.getByRole('rowheader').textContent).toBe('3月5日 周二');
    const lunch = screen.getByTestId('menu-slot-101').textContent;
    expect(lunch).toContain('11:30–13:00');
    expect(lunch).toContain('清蒸鲈鱼');
    expect(lunch).toContain('含鱼');
    expect(lunch).toContain('12.00元 · 09:30前预订');
    expect(screen.getByTestId('menu-slot-102').textContent).toContain('菜单待定');
    // A day without sittings (a holiday) says so across the row.
    expect(screen.getByTestId('menu-day-2030-03-04').textContent).toContain('本日不供餐');
    // The Wednesday has lunch only.
    expect(
      within(screen.getByTestId('menu-day-2030-03-06'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([expect.stringContaining('清蒸鲈鱼'), '—']);
  });

  it('a closed day (休息日) reads 休息 with its reason across the row', async () => {
    svc.closedDays.mockResolvedValue({ ok: true, data: [{ day: '2030-03-07', reason: '元旦' }] });
    render(<MenuPrintPage />);
    await flush();
    expect(svc.closedDays).toHaveBeenCalledWith({ centreId: 7, from: '2030-03-04' });
    expect(screen.getByTestId('menu-closed-2030-03-07').textContent).toBe('休息（元旦），停止供餐');
    expect(screen.getByTestId('menu-day-2030-03-04').textContent).toContain('本日不供餐');
  });

  it('offers no print button where the platform cannot print (the mini-program shows the sheet)', async () => {
    render(<MenuPrintPage />);
    await flush();
    expect(screen.queryByTestId('menu-print')).toBeNull();
    expect(screen.getByTestId('menu-sheet')).toBeTruthy();
  });
});

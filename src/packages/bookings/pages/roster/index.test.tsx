import { render, screen, within } from '@testing-library/react';
import type { MealRosterDTO, MealRosterEntryDTO } from '@hg/types/meal-roster';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import { booking, centre } from '../../test-fixtures';
import RosterPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

const person = (bookingId: number, over: Partial<MealRosterEntryDTO> = {}): MealRosterEntryDTO => ({
  bookingId,
  elderId: bookingId + 100,
  name: '王秀兰',
  phoneMasked: '',
  noAccount: true,
  mode: 'dine_in',
  modeLabel: '堂食',
  code: 'K7M3QX',
  status: 'booked',
  statusLabel: '已预订',
  channel: 'staff',
  channelLabel: '中心代订',
  payFen: 800,
  paidBy: null,
  redeemedAt: null,
  remark: null,
  ...over,
});

const roster = (people: MealRosterEntryDTO[]): MealRosterDTO => ({
  centre: { id: 7, name: '南街社区日间照料中心' },
  day: '2030-03-05',
  sittings: [
    {
      slot: { id: 101, title: '午餐', startsAt: '2030-03-05T03:30:00.000Z', endsAt: '2030-03-05T05:00:00.000Z' },
      total: people.length,
      redeemed: people.filter((p) => p.status === 'redeemed').length,
      people,
    },
  ],
});

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingRoster, { centreId: '7' });
  svc.centres.mockResolvedValue({ ok: true, data: [centre()] });
  svc.mealRoster.mockResolvedValue({
    ok: true,
    data: roster([person(1), person(2, { name: '李德明', phoneMasked: '139****5678', noAccount: false, code: 'A2B3C4', mode: 'delivery', modeLabel: '送餐' })]),
  });
  svc.redeemById.mockResolvedValue({ ok: true, data: booking(1, { status: 'redeemed' }) });
});

describe('今日名单', () => {
  it("lists today's sitting with names, masked phones, codes and who booked; only a due dine-in meal has 签到核销", async () => {
    render(<RosterPage />);
    await flush();
    expect(svc.mealRoster).toHaveBeenCalledWith({ centreId: 7 });
    expect(screen.getByTestId('roster-sitting-101').textContent).toContain('已签到 0/2');
    const first = screen.getByTestId('roster-row-1');
    expect(first.textContent).toContain('王秀兰');
    expect(first.textContent).toContain('K7M3QX');
    expect(first.textContent).toContain('无手机');
    expect(first.textContent).toContain('中心代订');
    expect(first.textContent).toContain('应收 8.00元');
    expect(screen.getByTestId('roster-row-2').textContent).toContain('139****5678');
    expect(screen.queryByTestId('roster-redeem-2')).toBeNull();
  });

  it('finds an elder by name and checks her in with how she paid; the list reloads', async () => {
    render(<RosterPage />);
    await flush();
    svc.mealRoster.mockResolvedValue({ ok: true, data: roster([person(1)]) });
    await typeInto(screen.getByLabelText('按姓名查找'), '王秀');
    await flush();
    expect(svc.mealRoster).toHaveBeenLastCalledWith({ centreId: 7, q: '王秀' });
    await click(screen.getByRole('radio', { name: '微信' }));
    svc.mealRoster.mockResolvedValue({ ok: true, data: roster([person(1, { status: 'redeemed', statusLabel: '已用餐', paidBy: 'wechat' })]) });
    await click(screen.getByTestId('roster-redeem-1'));
    await flush();
    expect(svc.redeemById).toHaveBeenCalledWith({ centreId: 7, bookingId: 1, paidBy: 'wechat' });
    expect(screen.getByTestId('roster-ok').textContent).toContain('王秀兰 已签到核销');
    expect(screen.getByTestId('roster-status-1').textContent).toBe('已用餐');
    expect(screen.queryByTestId('roster-redeem-1')).toBeNull();
  });

  it('says why a check-in was refused', async () => {
    svc.redeemById.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_TRANSITION', message: '已于2030-03-05核销过，不能重复核销' } });
    render(<RosterPage />);
    await flush();
    await click(screen.getByTestId('roster-redeem-1'));
    await flush();
    expect(screen.getByTestId('roster-error').getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('roster-error').textContent).toContain('不能重复核销');
  });

  it('the sign-in sheet has every name and code with a column to sign', async () => {
    render(<RosterPage />);
    await flush();
    await click(screen.getByTestId('roster-sheet'));
    await flush();
    const sheet = screen.getByTestId('sheet-101');
    expect(sheet.textContent).toContain('南街社区日间照料中心');
    expect(sheet.textContent).toContain('午餐签到表');
    const rows = within(sheet).getAllByRole('row');
    expect(rows.map((r) => Array.from(r.querySelectorAll('[role=cell],[role=columnheader]'), (c) => c.textContent))).toEqual([
      ['序号', '姓名', '用餐', '核销码', '签名'],
      ['1', '王秀兰', '堂食', 'K7M3QX', ''],
      ['2', '李德明', '送餐', 'A2B3C4', ''],
    ]);
    expect(screen.queryByLabelText('按姓名查找')).toBeNull();
  });
});

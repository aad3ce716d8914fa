import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush } from '../../../../test-utils';
import { booking, deliveries } from '../../test-fixtures';
import DeliveriesPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingDeliveries, { slotId: '101' });
  svc.deliveries.mockResolvedValue({ ok: true, data: deliveries() });
  svc.deliver.mockResolvedValue({ ok: true, data: booking(1, { status: 'redeemed', mode: 'delivery' }) });
});

describe('送餐单', () => {
  it('groups stops by compound and building, calls a door, and marks one delivered', async () => {
    render(<DeliveriesPage />);
    await flush();
    expect(svc.deliveries).toHaveBeenCalledWith({ slotId: 101 });
    const groups = screen.getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(['锦屏花园', '南街老院子']);
    expect(within(groups[0]).getByText('2栋（2份）')).toBeTruthy();
    expect(screen.getByTestId('dl-count').textContent).toBe('共 3 份，还剩 2 份未送');
    expect(screen.getByTestId('stop-done-2')).toBeTruthy();
    expect(within(screen.getByTestId('stop-2')).getByText('过敏：花生')).toBeTruthy();

    await click(screen.getByTestId('stop-call-1'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000001' });
    // 8 元 is due at this door: 已送达 waits for how it was paid.
    expect(within(screen.getByTestId('stop-1')).getByText('应收 8.00元')).toBeTruthy();
    await click(screen.getByTestId('stop-deliver-1'));
    expect(svc.deliver).not.toHaveBeenCalled();
    expect(within(screen.getByTestId('stop-1')).getByRole('alert').textContent).toContain('收款方式');
    await click(within(screen.getByTestId('stop-1')).getByRole('radio', { name: '微信' }));
    svc.deliver.mockResolvedValueOnce({ ok: true, data: booking(1, { status: 'redeemed', mode: 'delivery', paidBy: 'wechat' }) });
    await click(screen.getByTestId('stop-deliver-1'));
    expect(svc.deliver).toHaveBeenCalledWith({ bookingId: 1, paidBy: 'wechat' });
    expect(screen.getByTestId('stop-done-1').textContent).toContain('微信收款');
    expect(screen.getByTestId('dl-count').textContent).toBe('共 3 份，还剩 1 份未送');
  });

  it('nothing due: 已送达 at once; 不在家 is confirmed first, then the stop says it was not delivered and staff were told', async () => {
    svc.missDelivery.mockResolvedValue({ ok: true, data: booking(1, { status: 'no_show', mode: 'delivery' }) });
    render(<DeliveriesPage />);
    await flush();
    await click(screen.getByTestId('stop-deliver-3'));
    expect(svc.deliver).toHaveBeenCalledWith({ bookingId: 3 });

    // 王秀英 lives alone: marked on the stop, and the confirmation says the alert is urgent.
    expect(within(screen.getByTestId('stop-1')).getByText('独居')).toBeTruthy();
    expect(screen.getByTestId('stop-remark-1').textContent).toContain('备注：送餐请敲门');
    expect(screen.getByTestId('stop-remark-1-voice')).toBeTruthy();
    await click(screen.getByTestId('stop-not_home-1'));
    expect(svc.missDelivery).not.toHaveBeenCalled();
    const dialog = screen.getByTestId('miss-dialog-1');
    expect(dialog.textContent).toContain('紧急');
    await click(within(dialog).getByText('确认不在家'));
    expect(svc.missDelivery).toHaveBeenCalledWith({ bookingId: 1, reason: 'not_home' });
    expect(screen.getByTestId('stop-missed-1').textContent).toContain('不在家');
    expect(screen.getByTestId('stop-missed-1').textContent).toContain('已通知');
    expect(screen.getByTestId('dl-count').textContent).toBe('共 3 份，还剩 0 份未送');
  });

  it('a missed stop from the server shows why, with no buttons', async () => {
    const list = deliveries();
    list.routes[1].buildings[0].stops[0] = { ...list.routes[1].buildings[0].stops[0], status: 'no_show', missed: '拒收' };
    svc.deliveries.mockResolvedValue({ ok: true, data: list });
    render(<DeliveriesPage />);
    await flush();
    expect(screen.getByTestId('stop-missed-3').textContent).toContain('拒收');
    expect(screen.queryByTestId('stop-deliver-3')).toBeNull();
  });
});

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
    await click(screen.getByTestId('stop-deliver-1'));
    expect(svc.deliver).toHaveBeenCalledWith({ bookingId: 1 });
    expect(screen.getByTestId('stop-done-1')).toBeTruthy();
    expect(screen.getByTestId('dl-count').textContent).toBe('共 3 份，还剩 1 份未送');
  });
});

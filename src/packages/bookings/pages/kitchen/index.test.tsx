import { render, screen } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { flush } from '../../../../test-utils';
import { kitchen } from '../../test-fixtures';
import KitchenPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingKitchen, { slotId: '101' });
  svc.kitchen.mockResolvedValue({ ok: true, data: kitchen() });
});

describe('厨房单', () => {
  it('shows the counts per mode and diet, the allergies and who comes', async () => {
    render(<KitchenPage />);
    await flush();
    expect(svc.kitchen).toHaveBeenCalledWith({ slotId: 101 });
    expect(screen.getByTestId('kitchen-slot').textContent).toContain('午餐');
    expect(screen.getByTestId('kitchen-total').textContent).toBe('3');
    expect(screen.getByTestId('kitchen-dine-in').textContent).toBe('2');
    expect(screen.getByTestId('kitchen-delivery').textContent).toBe('1');
    expect(screen.getByTestId('kitchen-diet-低盐').textContent).toContain('2');
    expect(screen.getByTestId('kitchen-allergy').textContent).toBe('李德明：花生');
    const delivery = screen.getByTestId('kitchen-person-2').textContent;
    expect(delivery).toContain('李德明');
    expect(delivery).toContain('锦屏花园3栋2单元502');
    expect(delivery).toContain('低盐、软烂');
    expect(screen.getByTestId('kitchen-person-3').textContent).toContain('已用餐');
    expect(screen.getByTestId('kitchen-remark-1').textContent).toContain('备注：饭要软');
  });

  it('shows the refusal for a slot of another centre', async () => {
    svc.kitchen.mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: '时段不存在' } });
    render(<KitchenPage />);
    await flush();
    expect(screen.getByRole('alert').textContent).toContain('时段不存在');
  });
});

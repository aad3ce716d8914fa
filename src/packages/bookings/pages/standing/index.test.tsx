import { render, screen } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush } from '../../../../test-utils';
import { elder, link, standing } from '../../test-fixtures';
import StandingPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingStanding);
  svc.myElders.mockResolvedValue({ ok: true, data: [elder()] });
  svc.myLinks.mockResolvedValue({ ok: true, data: [link(5, { status: 'verified', statusLabel: '已关联', elder: { id: 40, name: '李德明' } })] });
  svc.myStandingOrders.mockResolvedValue({ ok: true, data: [] });
  svc.standingOrder.mockResolvedValue({ ok: true, data: standing(3) });
  svc.standingOrderStep.mockResolvedValue({ ok: true, data: standing(3, { status: 'paused', statusLabel: '已暂停' }) });
});

async function renderPage() {
  render(<StandingPage />);
  await flush();
}

describe('每周固定订餐', () => {
  it('creates a weekday delivered lunch for a chosen elder with the 工作日 shortcut', async () => {
    await renderPage();
    await click(screen.getByTestId('standing-create'));
    // Every missing choice at once, each under its own question; nothing above the button.
    expect(screen.getByTestId('so-elder-error').textContent).toBe('请选择为谁订餐');
    expect(screen.getByTestId('so-days-error').textContent).toBe('请至少选择一天');
    expect(screen.getByTestId('so-mode-error').textContent).toBe('请选择堂食还是送餐');
    expect(screen.queryByTestId('standing-error')).toBeNull();
    expect(svc.standingOrder).not.toHaveBeenCalled();
    await click(screen.getByRole('radio', { name: '李德明' }));
    expect(screen.queryByTestId('so-elder-error')).toBeNull();
    await click(screen.getByTestId('so-workdays'));
    expect(screen.queryByTestId('so-days-error')).toBeNull();
    expect(screen.getByTestId('so-days-5').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('so-days-6').getAttribute('aria-checked')).toBe('false');
    await click(screen.getByTestId('so-days-3'));
    await click(screen.getByRole('radio', { name: '送餐上门' }));
    await click(screen.getByTestId('standing-create'));
    expect(svc.standingOrder).toHaveBeenCalledWith({ elderId: 40, sitting: 'lunch', weekdays: [1, 2, 4, 5], mode: 'delivery' });
    expect(screen.getByTestId('standing-status-3').textContent).toBe('进行中');
  });

  it('puts a server error about the days under the days, and a clash with an existing order above the button', async () => {
    svc.standingOrder
      .mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: '周日中心不开餐', details: { field: 'weekdays.1' } } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'CONFLICT', message: 'conflict' } });
    __setRouter(ROUTES.bookingStanding, { elderId: '40', elderName: '李德明' });
    await renderPage();
    expect(screen.getByText('为 李德明 订餐')).toBeTruthy();
    await click(screen.getByRole('radio', { name: '晚餐' }));
    await click(screen.getByTestId('so-days-6'));
    await click(screen.getByTestId('so-days-7'));
    await click(screen.getByRole('radio', { name: '到中心堂食' }));
    await click(screen.getByTestId('standing-create'));
    expect(svc.standingOrder).toHaveBeenLastCalledWith({ elderId: 40, sitting: 'dinner', weekdays: [6, 7], mode: 'dine_in' });
    expect(screen.getByTestId('so-days-error').textContent).toBe('周日中心不开餐');
    expect(screen.queryByTestId('standing-error')).toBeNull();

    await click(screen.getByTestId('so-days-7'));
    await click(screen.getByTestId('standing-create'));
    expect(screen.getByTestId('standing-error').textContent).toBe('已有晚餐的固定订餐，请先停止原来的再新建。');
    expect(screen.getByTestId('standing-form')).toBeTruthy();
  });

  it('lists orders with missed days, pauses, and asks before stopping', async () => {
    svc.myStandingOrders.mockResolvedValue({ ok: true, data: [standing(3, { missed: ['2030-03-05'] })] });
    await renderPage();
    expect(screen.getByText('周一、周二、周三、周四、周五 午餐 送餐')).toBeTruthy();
    expect(screen.getByTestId('standing-missed-3').textContent).toContain('3月5日');
    await click(screen.getByTestId('standing-pause-3'));
    expect(svc.standingOrderStep).toHaveBeenCalledWith({ orderId: 3, step: 'pause' });
    expect(screen.getByTestId('standing-status-3').textContent).toBe('已暂停');
    expect(screen.getByTestId('standing-resume-3')).toBeTruthy();
    await click(screen.getByTestId('standing-stop-3'));
    expect(svc.standingOrderStep).toHaveBeenCalledTimes(1);
    svc.standingOrderStep.mockResolvedValue({ ok: true, data: standing(3, { status: 'stopped', statusLabel: '已停止' }) });
    await click(screen.getByTestId('standing-stop-yes-3'));
    expect(svc.standingOrderStep).toHaveBeenLastCalledWith({ orderId: 3, step: 'stop' });
    expect(screen.queryByTestId('standing-pause-3')).toBeNull();
  });
});

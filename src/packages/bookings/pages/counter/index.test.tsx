import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import { booking, centre } from '../../test-fixtures';
import CounterPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingCounter);
  svc.centres.mockResolvedValue({ ok: true, data: [centre()] });
  svc.redeem.mockResolvedValue({ ok: true, data: booking(900, { status: 'redeemed', statusLabel: '已用餐', mode: 'delivery', modeLabel: '送餐', can: [] }) });
});

async function redeem(code: string) {
  await typeInto(await screen.findByLabelText('核销码'), code);
  await click(screen.getByTestId('redeem-submit'));
}

describe('助餐核销', () => {
  it("redeems a typed code for the staff member's centre and shows the elder big and green", async () => {
    render(<CounterPage />);
    await flush();
    await redeem(' k7m3qx ');
    expect(svc.redeem).toHaveBeenCalledWith({ centreId: 7, code: 'K7M3QX', paidBy: 'cash' });
    expect(screen.getByTestId('redeem-ok').textContent).toContain('已核销');
    expect(screen.getByTestId('redeem-name').textContent).toBe('王秀英');
    expect(screen.getByTestId('redeem-mode').textContent).toContain('送餐');
    // Ready for the next person.
    expect(((await screen.findByLabelText('核销码')) as HTMLInputElement).value).toBe('');
  });

  it('records how the share was paid: the choice stays for the next person', async () => {
    render(<CounterPage />);
    await flush();
    await click(screen.getByRole('radio', { name: '微信' }));
    await redeem('K7M3QX');
    await redeem('A2B3C4');
    expect(svc.redeem).toHaveBeenNthCalledWith(1, { centreId: 7, code: 'K7M3QX', paidBy: 'wechat' });
    expect(svc.redeem).toHaveBeenNthCalledWith(2, { centreId: 7, code: 'A2B3C4', paidBy: 'wechat' });
  });

  it('says clearly when a code was already redeemed, and clears the box', async () => {
    render(<CounterPage />);
    await flush();
    await redeem('K7M3QX');
    svc.redeem.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_TRANSITION', message: '该餐已核销，不能重复核销' } });
    await redeem('K7M3QX');
    expect(screen.queryByTestId('redeem-ok')).toBeNull();
    const alert = screen.getByTestId('redeem-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('不能核销');
    expect(alert.textContent).toContain('该餐已核销，不能重复核销');
    expect(((await screen.findByLabelText('核销码')) as HTMLInputElement).value).toBe('');
  });

  it('says 查无此码 for an unknown code', async () => {
    svc.redeem.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: '预订不存在' } });
    render(<CounterPage />);
    await flush();
    await redeem('ABCDEF');
    expect(screen.getByTestId('redeem-error').textContent).toContain('查无此码');
  });

  it('checks the length before calling the server', async () => {
    render(<CounterPage />);
    await flush();
    await redeem('K7M');
    expect(screen.getByTestId('counter-code-error').textContent).toBe('核销码为6位');
    expect(svc.redeem).not.toHaveBeenCalled();
  });

  it('uses the centre in the query without asking the server', async () => {
    __setRouter(ROUTES.bookingCounter, { centreId: '9' });
    render(<CounterPage />);
    await flush();
    expect(svc.centres).not.toHaveBeenCalled();
    await redeem('K7M3QX');
    expect(svc.redeem).toHaveBeenCalledWith({ centreId: 9, code: 'K7M3QX', paidBy: 'cash' });
  });

  it('refuses people who work for no centre', async () => {
    svc.centres.mockResolvedValue({ ok: true, data: [] });
    render(<CounterPage />);
    await flush();
    expect(screen.getByTestId('no-centre')).toBeTruthy();
    expect(screen.queryByTestId('redeem-submit')).toBeNull();
  });

  it('an elder with no code to show is found by name: the counter opens 今日名单 for its centre', async () => {
    render(<CounterPage />);
    await flush();
    await click(screen.getByTestId('counter-roster'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bookingRoster}?centreId=7` });
  });
});

import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import ProxyPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;
const liGuilan = { id: 56, centreId: 7, centreName: '南街社区日间照料中心', name: '李桂兰', age: 88, livesAlone: true, hasAccount: false, channelLabel: '楼栋长代订' };

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingProxy, {});
  svc.proxyElders.mockResolvedValue({ ok: true, data: [liGuilan] });
});

describe('为老人代订', () => {
  it('lists the elders of the patch with how the booking is recorded, searches by name and opens the week for one', async () => {
    render(<ProxyPage />);
    await flush();
    expect(svc.proxyElders).toHaveBeenCalledWith({});
    const row = screen.getByTestId('proxy-elder-56');
    expect(row.textContent).toContain('李桂兰');
    expect(row.textContent).toContain('独居');
    expect(row.textContent).toContain('无手机');
    expect(row.textContent).toContain('记录为：楼栋长代订');
    await typeInto(await screen.findByLabelText('按姓名查找'), '李');
    await flush();
    expect(svc.proxyElders).toHaveBeenLastCalledWith({ q: '李' });
    await click(screen.getByTestId('proxy-book-56'));
    const url = (Taro.navigateTo as jest.Mock).mock.calls[0][0].url as string;
    expect(url.split('?')[0]).toBe(ROUTES.bookingWeek);
    const q = new URLSearchParams(url.split('?')[1]);
    expect([q.get('centreId'), q.get('elderId'), q.get('elderName')]).toEqual(['7', '56', '李桂兰']);
  });

  it('says so when nobody in the patch matches', async () => {
    svc.proxyElders.mockResolvedValue({ ok: true, data: [] });
    render(<ProxyPage />);
    await flush();
    await typeInto(await screen.findByLabelText('按姓名查找'), '王');
    await flush();
    expect(screen.getByTestId('proxy-empty').textContent).toContain('辖区内没有找到这位老人');
  });
});

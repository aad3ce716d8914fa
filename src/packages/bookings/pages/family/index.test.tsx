import { screen } from '@testing-library/react';
import { render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import { centre, link } from '../../test-fixtures';
import FamilyPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingFamily);
  svc.centres.mockResolvedValue({ ok: true, data: [centre()] });
  svc.myLinks.mockResolvedValue({ ok: true, data: [] });
  svc.linkFamily.mockResolvedValue({ ok: true, data: link(5) });
});

async function renderPage() {
  render(<FamilyPage />);
  await flush();
}

describe('为家人订餐', () => {
  it('applies with the elder’s name, phone tail and relation, then shows the pending link and why', async () => {
    await renderPage();
    await click(screen.getByTestId('link-submit'));
    expect(screen.getByText('请填写老人姓名')).toBeTruthy();
    expect(screen.getByText('请填写老人手机号后4位')).toBeTruthy();
    expect(svc.linkFamily).not.toHaveBeenCalled();

    await typeInto(await screen.findByLabelText('老人姓名'), '王秀英');
    await typeInto(await screen.findByLabelText('老人手机号后4位'), '0001');
    await click(screen.getByRole('radio', { name: '儿子' }));
    svc.myLinks.mockResolvedValue({ ok: true, data: [link(5)] });
    await click(screen.getByTestId('link-submit'));
    await flush();
    expect(svc.linkFamily).toHaveBeenCalledWith({ centreId: 7, elderName: '王秀英', phoneTail: '0001', relationNote: '儿子' });
    expect(screen.getByTestId('link-status-5').textContent).toBe('待中心核实');
    expect(screen.getByText(/工作人员会打电话向老人核实/)).toBeTruthy();
    expect(screen.queryByTestId('link-submit')).toBeNull();
  });

  it('says plainly when no elder matches, without more detail', async () => {
    svc.linkFamily.mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: '老人档案不存在' } });
    await renderPage();
    await typeInto(await screen.findByLabelText('老人姓名'), '王秀英');
    await typeInto(await screen.findByLabelText('老人手机号后4位'), '9999');
    await click(screen.getByTestId('link-submit'));
    expect(screen.getByTestId('link-error').textContent).toContain('没有找到这位老人');
  });

  it('opens the week menu for a verified elder as family', async () => {
    svc.myLinks.mockResolvedValue({ ok: true, data: [link(5, { status: 'verified', statusLabel: '已关联' })] });
    await renderPage();
    expect(screen.queryByTestId('link-submit')).toBeNull();
    await click(screen.getByTestId('link-book-5'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bookingWeek}?centreId=7&elderId=31&elderName=${encodeURIComponent('王秀英')}&family=1` });
  });
});

import { render, screen, within } from '@testing-library/react';
import { __setRouter } from '../../../../../test/mocks/taro';
import { cobuilding } from '../../../../services/cobuilding';
import { click, flush, typeInto } from '../../../../test-utils';
import { delivery } from '../../test-fixtures';
import ConfirmPage from './index';

jest.mock('../../../../services/cobuilding');

const confirm = cobuilding.confirm as jest.Mock;
const decline = cobuilding.decline as jest.Mock;

beforeEach(() => {
  jest.clearAllMocks();
  __setRouter('/packages/cobuilding/pages/confirm/index', { agreementId: '5' });
  (cobuilding.deliveries as jest.Mock).mockResolvedValue({
    ok: true,
    data: {
      items: [delivery(), delivery({ id: 72, itemId: 31, itemKind: 'people', itemLabel: '人员：政策宣讲', unit: '人次', quantity: 3, note: '三次宣讲' })],
      nextCursor: null,
    },
  });
});

describe('待确认交付', () => {
  it('lists the agreement’s pending deliveries and confirms one, which leaves the list', async () => {
    confirm.mockResolvedValue({ ok: true, data: delivery({ status: 'confirmed', statusLabel: '已确认', can: [] }) });
    render(<ConfirmPage />);
    await flush();
    expect(cobuilding.deliveries).toHaveBeenCalledWith({ status: 'pending', limit: 20, agreementId: 5 });
    expect(screen.getByTestId('pending-71').textContent).toContain('资金：照明改造资金：20000元');
    await click(screen.getByTestId('pending-71-confirm'));
    await flush();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledWith({ deliveryId: 71 });
    expect(screen.getByTestId('decided').textContent).toBe('已确认：资金：照明改造资金 20000元');
    expect(screen.queryByTestId('pending-71')).toBeNull();
    expect(screen.getByTestId('pending-72')).toBeTruthy();
  });

  it('asks why before declining, and shows the server’s refusal', async () => {
    decline.mockResolvedValueOnce({ ok: false, error: { code: 'CONFLICT', message: '这条交付记录刚刚已被处理，请刷新后查看' } });
    render(<ConfirmPage />);
    await flush();
    await click(screen.getByTestId('pending-72-decline'));
    await click(screen.getByTestId('pending-72-decline-submit'));
    expect(decline).not.toHaveBeenCalled();
    expect(within(screen.getByTestId('pending-72')).getByText('请填写不认可的原因')).toBeTruthy();
    await typeInto(await screen.findByLabelText('不认可的原因'), '签到表与人数不符');
    await click(screen.getByTestId('pending-72-decline-submit'));
    await flush();
    expect(decline).toHaveBeenCalledWith({ deliveryId: 72, reason: '签到表与人数不符' });
    expect(screen.getByTestId('pending-72-error').textContent).toBe('这条交付记录刚刚已被处理，请刷新后查看');
  });
});

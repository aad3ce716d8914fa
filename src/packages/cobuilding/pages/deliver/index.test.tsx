import { render, screen } from '@testing-library/react';
import { __setRouter } from '../../../../../test/mocks/taro';
import { cobuilding } from '../../../../services/cobuilding';
import { click, flush, typeInto } from '../../../../test-utils';
import { agreement, delivery } from '../../test-fixtures';
import DeliverPage from './index';

jest.mock('../../../../services/cobuilding');

const deliver = cobuilding.deliver as jest.Mock;

beforeEach(() => {
  jest.clearAllMocks();
  __setRouter('/packages/cobuilding/pages/deliver/index', { agreementId: '5', itemId: '32' });
  (cobuilding.get as jest.Mock).mockResolvedValue({ ok: true, data: agreement() });
});

describe('登记交付', () => {
  it('takes money in 元 and sends 分, with the note', async () => {
    deliver.mockResolvedValue({ ok: true, data: delivery({ quantity: 1_250_050 }) });
    render(<DeliverPage />);
    await flush();
    await typeInto(await screen.findByLabelText('交付金额（元）'), '12500.5');
    await typeInto(screen.getByLabelText('交付说明'), '第二笔资金已拨付');
    await click(screen.getByTestId('deliver-submit'));
    await flush();
    expect(deliver).toHaveBeenCalledWith({ itemId: 32, quantity: 1_250_050, note: '第二笔资金已拨付', photoIds: [] });
    expect(screen.getByTestId('deliver-done').textContent).toBe('已登记12500.5元，等待南街社区确认');
  });

  it('refuses an amount with more than two decimals and a count that is not whole, before sending', async () => {
    render(<DeliverPage />);
    await flush();
    await typeInto(await screen.findByLabelText('交付金额（元）'), '12.345');
    await typeInto(screen.getByLabelText('交付说明'), '试');
    await click(screen.getByTestId('deliver-submit'));
    expect(screen.getByText('请填写金额（元），最多两位小数')).toBeTruthy();
    await click(screen.getByText(/^人员：政策宣讲/));
    await typeInto(await screen.findByLabelText('交付数量（人次）'), '2.5');
    await click(screen.getByTestId('deliver-submit'));
    expect(screen.getByText('请填写交付数量（人次），须为整数')).toBeTruthy();
    expect(deliver).not.toHaveBeenCalled();
  });
});

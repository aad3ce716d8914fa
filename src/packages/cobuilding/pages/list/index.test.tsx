import { render, screen } from '@testing-library/react';
import { __setRouter } from '../../../../../test/mocks/taro';
import { cobuilding } from '../../../../services/cobuilding';
import { flush } from '../../../../test-utils';
import { agreement } from '../../test-fixtures';
import AgreementsPage from './index';

jest.mock('../../../../services/cobuilding');

beforeEach(() => {
  jest.clearAllMocks();
  __setRouter('/packages/cobuilding/pages/list/index');
});

describe('共建协议', () => {
  it('shows each department’s delivery as bars and every agreement with items done and overdue', async () => {
    (cobuilding.departments as jest.Mock).mockResolvedValue({
      ok: true,
      data: [
        {
          departmentId: 20,
          departmentName: '阆中市住房和城乡建设局',
          agreements: 2,
          items: 6,
          done: 2,
          overdue: 1,
          byKind: [
            { kind: 'people', kindLabel: '人员', unit: '人次', promised: 15, delivered: 7 },
            { kind: 'money', kindLabel: '资金', unit: '元', promised: 1_500_000, delivered: 1_250_000 },
          ],
        },
      ],
    });
    (cobuilding.list as jest.Mock).mockResolvedValue({
      ok: true,
      data: { items: [agreement({ progress: { items: 4, done: 1, overdue: 2 } })], nextCursor: null },
    });
    render(<AgreementsPage />);
    await flush();
    expect(screen.getByTestId('department-20-summary').textContent).toBe('2份协议 · 已完成2/6项 · 1项逾期');
    const bars = screen.getByTestId('department-20').querySelectorAll('[role="progressbar"]');
    expect(Array.from(bars).map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-valuenow')])).toEqual([
      ['人员：已确认7人次 / 承诺15人次', '46'],
      ['资金：已确认12500元 / 承诺15000元', '83'],
    ]);
    const card = screen.getByTestId('agreement-5');
    expect(card.textContent).toBe('市住建局与南街社区共建协议阆中市住房和城乡建设局 × 南街社区 · 2026-06-01 至 2027-05-31已签订已完成1/4项2项逾期');
    expect(card.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('25');
  });

  it('says so when the caller sees no agreement', async () => {
    (cobuilding.departments as jest.Mock).mockResolvedValue({ ok: true, data: [] });
    (cobuilding.list as jest.Mock).mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
    render(<AgreementsPage />);
    await flush();
    expect(screen.getByText('还没有已签订的共建协议')).toBeTruthy();
    expect(screen.getByText('没有可查看的共建协议')).toBeTruthy();
  });
});

import { render, screen, within } from '@testing-library/react';
import { __setRouter } from '../../../../../test/mocks/taro';
import { deliberation } from '../../../../services/deliberation';
import { click, flush, typeInto } from '../../../../test-utils';
import { matter } from '../../test-fixtures';
import BallotsPage from './index';

jest.mock('../../../../services/deliberation');

const enterBallot = deliberation.enterBallot as jest.Mock;

beforeEach(() => {
  jest.clearAllMocks();
  __setRouter('/packages/governance/pages/ballots/index', { id: '7' });
  (deliberation.get as jest.Mock).mockResolvedValue({ ok: true, data: matter({ myHouseholds: [], can: ['enterBallot', 'participation', 'withdraw'] }) });
  (deliberation.participation as jest.Mock).mockResolvedValue({
    ok: true,
    data: {
      matterId: 7,
      version: 1,
      eligible: 3,
      voted: 1,
      households: [
        { householdId: 41, place: '1栋1单元502', voted: true, channel: 'online' },
        { householdId: 42, place: '1栋1单元601', voted: false, channel: null },
        { householdId: 43, place: '1栋2单元101', voted: false, channel: null },
      ],
    },
  });
});

async function renderPage() {
  render(<BallotsPage />);
  await flush();
  await screen.findByTestId('turnout');
}

describe('参与情况', () => {
  it('shows who has voted, never how, and enters a paper ballot for a household that has not', async () => {
    enterBallot.mockResolvedValue({
      ok: true,
      data: { matterId: 7, householdId: 42, channel: 'meeting', castAt: '2026-12-06T02:00:00.000Z', replaced: false },
    });
    await renderPage();
    expect(screen.getByTestId('turnout').textContent).toBe('已投票 1 户 / 共 3 户（33.3%）');
    expect(screen.getByTestId('turnout-short').textContent).toBe('距有效参与率（50%）还差 1 户');
    expect(screen.queryByTestId('turnout-41')).toBeNull();
    await typeInto(await screen.findByLabelText('按房号查找（如 3栋2单元）'), '601');
    expect(screen.queryByTestId('turnout-43')).toBeNull();
    await click(screen.getByTestId('paper-open-42'));
    const form = within(screen.getByTestId('paper-42'));
    await click(form.getByTestId('paper-42-submit'));
    expect(screen.getByTestId('paper-42-error').textContent).toBe('请选择该户的意见');
    await click(form.getByText('不同意安装'));
    await click(form.getByTestId('paper-42-submit'));
    await flush();
    expect(enterBallot).toHaveBeenCalledWith({ matterId: 7, householdId: 42, optionIndex: 1, channel: 'meeting' });
    expect(screen.getByTestId('paper-done').textContent).toBe('1栋1单元601：已录入会议表决');
  });

  it('shows the household’s existing ballot (channel and time, not the choice) and replaces it only when confirmed', async () => {
    enterBallot
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'CONFLICT', message: '该户已有选票', details: { existing: { channel: 'online', castAt: '2026-12-06T02:00:00.000Z' } } },
      })
      .mockResolvedValueOnce({ ok: true, data: { matterId: 7, householdId: 41, channel: 'proxy', castAt: '2026-12-07T02:00:00.000Z', replaced: true } });
    await renderPage();
    await click(screen.getByTestId('turnout-tab-voted'));
    await click(screen.getByTestId('paper-open-41'));
    const form = within(screen.getByTestId('paper-41'));
    await click(form.getByText('同意安装'));
    await click(form.getByText('委托代投（书面委托）'));
    await click(form.getByTestId('paper-41-submit'));
    await flush();
    expect(screen.getByTestId('paper-41-replace').textContent).toContain('12月6日 10:00 通过「线上投票」投票（内容保密）');
    await click(screen.getByTestId('paper-41-replace-yes'));
    await flush();
    expect(enterBallot).toHaveBeenLastCalledWith({ matterId: 7, householdId: 41, optionIndex: 0, channel: 'proxy', replace: true });
    expect(screen.getByTestId('paper-done').textContent).toBe('1栋1单元502：已录入委托代投，原选票已被替换');
  });
});

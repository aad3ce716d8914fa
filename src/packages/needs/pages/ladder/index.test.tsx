import { render, screen } from '@testing-library/react';
import { __storage } from '../../../../../test/mocks/taro';
import { needs } from '../../../../services/needs';
import { click, flush } from '../../../../test-utils';
import { summary } from '../../test-fixtures';
import LadderPage from './index';

jest.mock('../../../../services/needs');

const ladder = needs.ladder as jest.Mock;
const ladderCounts = needs.ladderCounts as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  ladder.mockResolvedValue({
    ok: true,
    data: {
      items: [
        summary(7, { level: 'compound', levelLabel: '小区', overdue: true, dueAt: '2025-03-01T06:00:00.000Z' }),
        summary(5, { level: 'compound', levelLabel: '小区' }),
      ],
      nextCursor: null,
    },
  });
  ladderCounts.mockResolvedValue({ ok: true, data: { all: 2, overdue: 1 } });
});

describe('升级待办', () => {
  it('lists what climbed to me, overdue first as the server orders it, and filters to overdue only', async () => {
    render(<LadderPage />);
    await flush();
    expect(ladder).toHaveBeenCalledWith({ limit: 20 });
    const rows = screen.getAllByRole('listitem').filter((el) => el.getAttribute('data-testid')?.startsWith('need-row-'));
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['need-row-7', 'need-row-5']);
    expect(screen.getAllByTestId('need-overdue')).toHaveLength(1);
    // Each tab says how many it lists, from the server's count of the same scope.
    expect(ladderCounts).toHaveBeenCalledWith({});
    expect(screen.getByTestId('ladder-tab-all-count').textContent).toBe('2');
    expect(screen.getByTestId('ladder-tab-overdue-count').textContent).toBe('1');
    expect(screen.getByRole('tab', { name: '只看超时 1条' })).toBeTruthy();

    await click(screen.getByTestId('ladder-tab-overdue'));
    await flush();
    expect(ladder).toHaveBeenLastCalledWith({ overdue: true, limit: 20 });
  });

  it('says so when nothing reached my level', async () => {
    ladder.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
    ladderCounts.mockResolvedValue({ ok: true, data: { all: 0, overdue: 0 } });
    render(<LadderPage />);
    await flush();
    expect(screen.getByText('暂无升级到您这一级的需求')).toBeTruthy();
  });
});

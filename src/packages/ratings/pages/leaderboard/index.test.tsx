import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { ratings } from '../../../../services/ratings';
import { click, flush } from '../../../../test-utils';
import { profile } from '../../../needs/test-fixtures';
import { period, row } from '../../test-fixtures';
import LeaderboardPage from './index';

jest.mock('../../../../services/ratings');
jest.mock('../../../../services/me');
jest.mock('../../../../services/community');

const leaderboard = ratings.leaderboard as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/leaderboard/index');
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile() });
  leaderboard.mockResolvedValue({
    ok: true,
    data: {
      period: period(2, { code: '2026-Q2', status: 'published', statusLabel: '已公布' }),
      periods: [
        { id: 2, code: '2026-Q2' },
        { id: 1, code: '2026-Q1' },
      ],
      // The server's order is not trusted: an unranked row in the middle must still go last.
      rows: [
        row(3, '新苑物业', { rank: null, stars: null, composite: null, sample: 2 }),
        row(2, '锦华物业', { rank: 2, stars: 3.5, composite: 70, sample: 18, compoundType: 'old' }),
        row(4, '阆苑物业', { rank: null, stars: null, composite: null, sample: 4 }),
        row(1, '嘉陵物业', { rank: 1, stars: 4.5, composite: 88, sample: 40 }),
      ],
    },
  });
});

const order = () =>
  within(screen.getByTestId('board-rows'))
    .getAllByRole('button')
    .map((b) => b.getAttribute('data-testid'))
    .filter((id) => id?.startsWith('board-row-'));

describe('物业星级榜', () => {
  it('reads a past period picked from the final ones, marked 往期榜单', async () => {
    render(<LeaderboardPage />);
    await flush();
    const picker = within(screen.getByTestId('board-periods'));
    expect(picker.getAllByRole('radio').map((r) => [r.textContent, r.getAttribute('aria-checked')])).toEqual([
      ['2026-Q2（最新）', 'true'],
      ['2026-Q1', 'false'],
    ]);
    leaderboard.mockResolvedValue({
      ok: true,
      data: {
        period: period(1, { code: '2026-Q1', status: 'published', statusLabel: '已公布' }),
        periods: [
          { id: 2, code: '2026-Q2' },
          { id: 1, code: '2026-Q1' },
        ],
        rows: [row(1, '嘉陵物业', { rank: 1, stars: 4, composite: 80, sample: 30 })],
      },
    });
    await click(picker.getByRole('radio', { name: '2026-Q1' }));
    await flush();
    expect(leaderboard).toHaveBeenLastCalledWith({ scope: 'city', periodId: 1 });
    expect(screen.getByTestId('board-period').textContent).toBe('2026-Q1 期 · 已公布 · 往期榜单');
    expect(order()).toEqual(['board-row-1-commercial']);
  });

  it('opens on the period in 公示, offered first and not called 往期; the final ones follow', async () => {
    const periods = [
      { id: 2, code: '2026-Q2' },
      { id: 1, code: '2026-Q1' },
    ];
    leaderboard.mockResolvedValue({
      ok: true,
      data: { period: period(3, { code: '2026-Q3', status: 'publicity', statusLabel: '公示中' }), periods, rows: [] },
    });
    render(<LeaderboardPage />);
    await flush();
    expect(screen.getByTestId('board-period').textContent).toBe('2026-Q3 期 · 公示中');
    const picker = within(screen.getByTestId('board-periods'));
    const chips = () => picker.getAllByRole('radio').map((r) => [r.textContent, r.getAttribute('aria-checked')]);
    expect(chips()).toEqual([
      ['2026-Q3（公示中）', 'true'],
      ['2026-Q2', 'false'],
      ['2026-Q1', 'false'],
    ]);
    leaderboard.mockResolvedValue({
      ok: true,
      data: { period: period(2, { code: '2026-Q2', status: 'published', statusLabel: '已公布' }), periods, rows: [] },
    });
    await click(picker.getByRole('radio', { name: '2026-Q2' }));
    await flush();
    expect(leaderboard).toHaveBeenLastCalledWith({ scope: 'city', periodId: 2 });
    expect(screen.getByTestId('board-period').textContent).toBe('2026-Q2 期 · 已公布 · 往期榜单');
    // The 公示 period stays on offer to go back to.
    expect(chips()[0]).toEqual(['2026-Q3（公示中）', 'false']);
  });

  it('opens at the period a firm’s page linked to', async () => {
    __setRouter('/packages/ratings/pages/leaderboard/index', { periodId: '1' });
    render(<LeaderboardPage />);
    await flush();
    expect(leaderboard).toHaveBeenCalledWith({ scope: 'city', periodId: 1 });
  });

  it('offers no picker with a single final period', async () => {
    leaderboard.mockResolvedValue({
      ok: true,
      data: { period: period(2, { status: 'published', statusLabel: '已公布' }), periods: [{ id: 2, code: '2026-Q2' }], rows: [] },
    });
    render(<LeaderboardPage />);
    await flush();
    expect(screen.queryByTestId('board-periods')).toBeNull();
  });

  it('lists ranked firms by rank and the 样本不足 ones last, unranked, with their sample', async () => {
    render(<LeaderboardPage />);
    await flush();
    expect(leaderboard).toHaveBeenCalledWith({ scope: 'city' });
    expect(screen.getByTestId('board-period').textContent).toBe('2026-Q2 期 · 已公布');
    expect(order()).toEqual(['board-row-1-commercial', 'board-row-2-old', 'board-row-4-commercial', 'board-row-3-commercial']);

    const first = within(screen.getByTestId('board-row-1-commercial'));
    expect(first.getByLabelText('第1名')).toBeTruthy();
    expect(first.getByText('商住小区')).toBeTruthy();
    expect(first.getByRole('img').getAttribute('aria-label')).toBe('4.5星，40户评价');

    const last = within(screen.getByTestId('board-row-3-commercial'));
    expect(last.getByLabelText('未排名').textContent).toBe('—');
    expect(last.getByText('样本不足')).toBeTruthy();
    expect(last.getByText('2户评价')).toBeTruthy();
    expect(last.queryByText(/星$/)).toBeNull();
  });

  it('charts the composites of ranked firms only', async () => {
    render(<LeaderboardPage />);
    await flush();
    const chart = within(screen.getByTestId('board-chart'));
    expect(chart.getAllByRole('listitem').map((i) => i.textContent)).toEqual(['嘉陵物业88分', '锦华物业70分']);
  });

  it('offers only 全市 without a street or community, and opens the firm on tap', async () => {
    render(<LeaderboardPage />);
    await flush();
    expect(screen.queryByRole('tablist')).toBeNull();
    await click(screen.getByTestId('board-row-2-old'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ratings/pages/firm/index?firmId=2' });
  });

  it('every row links to the firm card’s 评分说明 for its compound type', async () => {
    render(<LeaderboardPage />);
    await flush();
    const explain = screen.getByTestId('board-explain-2-old');
    expect(explain.getAttribute('aria-label')).toBe('锦华物业（老旧小区）的评分说明');
    expect(screen.getAllByText('评分说明')).toHaveLength(4);
    await click(explain);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ratings/pages/firm/index?firmId=2&compoundType=old&explain=1' });
  });

  it('adds 街道 and 社区 tabs from the person’s roles and asks for that scope', async () => {
    (me.get as jest.Mock).mockResolvedValue({
      ok: true,
      data: profile({
        roles: [
          { role: 'street_staff', roleLabel: '街道工作人员', scopeLevel: 'street', scopeId: 5, scopeName: '七里街道', organisation: null },
          { role: 'community_staff', roleLabel: '社区工作人员', scopeLevel: 'community', scopeId: 12, scopeName: '南街社区', organisation: null },
        ],
      }),
    });
    render(<LeaderboardPage />);
    await flush();
    expect(community.getCompound).not.toHaveBeenCalled();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['全市', '街道 · 七里街道', '社区 · 南街社区']);
    await click(screen.getByRole('tab', { name: '社区 · 南街社区' }));
    await flush();
    expect(leaderboard).toHaveBeenLastCalledWith({ scope: 'community', scopeId: 12 });
  });
});

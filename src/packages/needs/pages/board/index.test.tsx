import { render, screen, within } from '@testing-library/react';
import type { NeedBoardDTO } from '@hg/types';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { community } from '../../../../services/community';
import { needs } from '../../../../services/needs';
import { click, flush } from '../../../../test-utils';
import BoardPage from './index';

jest.mock('../../../../services/needs');
jest.mock('../../../../services/community');

const board: NeedBoardDTO = {
  compound: { id: 1, name: '锦屏花园' },
  building: null,
  days: 30,
  rows: [
    { categoryId: 1, categoryName: '管道疏通', open: 2, resolved: 5, unfixed: 1 },
    { categoryId: 2, categoryName: '路灯不亮', open: 0, resolved: 3, unfixed: 0 },
  ],
  totals: { open: 2, resolved: 8, unfixed: 1, settledInBuilding: 6 },
};

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/needs/pages/board/index', { compoundId: '1' });
  (community.listBuildings as jest.Mock).mockResolvedValue({ ok: true, data: [{ id: 11, name: '1栋', code: 'B1', units: [] }] });
  // A field the board must never print even if a server sent it.
  (needs.board as jest.Mock).mockResolvedValue({ ok: true, data: { ...board, reporterName: '王秀兰' } });
});

describe('楼栋公示', () => {
  it('shows totals, per-category counts and the 小事不出楼栋 share, without names', async () => {
    render(<BoardPage />);
    await flush();
    expect(needs.board).toHaveBeenCalledWith({ compoundId: 1 });
    expect(screen.getByTestId('board-open').textContent).toContain('2');
    expect(screen.getByTestId('board-resolved').textContent).toContain('8');
    expect(screen.getByTestId('board-unfixed').textContent).toContain('1');
    expect(screen.getByTestId('board-share').textContent).toContain('小事不出楼栋：75%');
    const row = within(screen.getByTestId('board-row-1'));
    expect(row.getByRole('rowheader').textContent).toBe('管道疏通');
    expect(row.getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '5', '1']);
    expect(document.body.textContent).not.toContain('王秀兰');
    expect(document.body.textContent).not.toMatch(/1\d{10}|\*\*\*\*/);
  });

  it('narrows to one building', async () => {
    render(<BoardPage />);
    await flush();
    await click(screen.getByRole('radio', { name: '1栋' }));
    await flush();
    expect(needs.board).toHaveBeenLastCalledWith({ compoundId: 1, buildingId: 11 });
  });
});

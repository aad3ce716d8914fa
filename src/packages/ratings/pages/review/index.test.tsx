import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ModerationItemDTO, PeriodReviewDTO } from '@hg/types';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { ratings } from '../../../../services/ratings';
import { click, flush } from '../../../../test-utils';
import { period, result } from '../../test-fixtures';
import ReviewPage from './index';

jest.mock('../../../../services/ratings');

const moderate = ratings.moderate as jest.Mock;

function review(overrides: Partial<PeriodReviewDTO['period']> = {}): PeriodReviewDTO {
  return {
    period: period(3, { status: 'closed', statusLabel: '已截止，审核中', ...overrides }),
    firms: [
      {
        firm: { id: 9, name: '嘉陵物业' },
        results: [result({ resultId: 11 })],
        comments: [
          { ratingId: 41, body: '保安张某某态度恶劣', status: 'visible', reports: 0, at: '2026-09-20T02:00:00Z' },
          { ratingId: 42, body: '楼道灯坏了很久', status: 'hidden', reports: 3, at: '2026-09-21T02:00:00Z' },
        ],
      },
    ],
    pendingObjections: 0,
  };
}

const decided = (ratingId: number, status: ModerationItemDTO['status']) => ({ ok: true, data: { ratingId, status } as ModerationItemDTO });

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/review/index', { periodId: '3' });
});

async function renderWith(data: PeriodReviewDTO) {
  (ratings.periodReview as jest.Mock).mockResolvedValue({ ok: true, data });
  render(<ReviewPage />);
  await flush();
  await screen.findByTestId('review-comment-41');
}

describe('结果审核 · 居民评语', () => {
  it('hides a comment before 公示 after a confirmation and shows the new state in place; gives it back', async () => {
    moderate.mockResolvedValueOnce(decided(41, 'removed')).mockResolvedValueOnce(decided(41, 'visible'));
    await renderWith(review());
    const row = screen.getByTestId('review-comment-41');
    expect(screen.getByTestId('review-comment-41-status').textContent).toBe('公示时公开');
    expect(within(row).queryByTestId('review-comment-41-keep')).toBeNull();

    await click(screen.getByTestId('review-comment-41-hide'));
    await flush();
    expect((Taro.showModal as jest.Mock).mock.calls[0][0]).toMatchObject({ title: '隐藏这条评语', confirmText: '隐藏' });
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).not.toContain('物业企业');
    expect(moderate).toHaveBeenCalledWith({ ratingId: 41, keep: false });
    expect(screen.getByTestId('review-comment-41-status').textContent).toBe('已隐藏，不公开');
    expect(screen.queryByTestId('review-comment-41-hide')).toBeNull();

    await click(screen.getByTestId('review-comment-41-keep'));
    await flush();
    expect(moderate).toHaveBeenLastCalledWith({ ratingId: 41, keep: true });
    expect(screen.getByTestId('review-comment-41-status').textContent).toBe('公示时公开');
  });

  it('a reported comment is kept or hidden right here, with its reports counted', async () => {
    moderate.mockResolvedValueOnce(decided(42, 'visible'));
    await renderWith(review({ status: 'publicity', statusLabel: '公示中，2026-12-14止', publicityEndsOn: '2026-12-14' }));
    expect(screen.getByTestId('review-firm-9-reported').textContent).toBe('1条评语因举报暂时隐藏，请逐条决定保留还是隐藏。');
    expect(screen.getByTestId('review-comment-42-status').textContent).toBe('因举报暂时隐藏，待您决定 · 被举报3次');
    expect(screen.getByTestId('review-comment-42-keep').textContent).toBe('保留，公开');
    expect(screen.getByTestId('review-comment-42-hide').textContent).toBe('隐藏，不公开');
    await click(screen.getByTestId('review-comment-42-keep'));
    await flush();
    expect(moderate).toHaveBeenCalledWith({ ratingId: 42, keep: true });
    expect(screen.getByTestId('review-comment-42-status').textContent).toBe('公开显示中 · 被举报3次');
    expect(screen.getByTestId('review-comment-41-status').textContent).toBe('公开显示中');
  });

  it('does nothing when the confirmation is declined, and says why a decision was refused', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    moderate.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_TRANSITION', message: '该评价已处理' } });
    await renderWith(review());
    await click(screen.getByTestId('review-comment-41-hide'));
    await flush();
    expect(moderate).not.toHaveBeenCalled();
    await click(screen.getByTestId('review-comment-41-hide'));
    await flush();
    expect(screen.getByTestId('review-comment-41-error').textContent).toBe('该评价已处理');
    expect(screen.getByTestId('review-comment-41-status').textContent).toBe('公示时公开');
  });
});

import { render, screen, within } from '@testing-library/react';
import type { ModerationItemDTO } from '@hg/types';
import { __setRouter } from '../../../../../test/mocks/taro';
import { ratings } from '../../../../services/ratings';
import { flush } from '../../../../test-utils';
import ModerationPage from './index';

jest.mock('../../../../services/ratings');

const item = (overrides: Partial<ModerationItemDTO> = {}): ModerationItemDTO => ({
  ratingId: 31,
  firm: { id: 9, name: '阆苑物业' },
  body: '门口停车乱，保安【电话已隐去】不管',
  reports: 3,
  status: 'hidden',
  compound: { id: 1, name: '锦屏花园' },
  period: { id: 2, code: '2026-Q3' },
  scores: { environment: 2, security: 1, repairs: 3, attitude: 2 },
  reasons: [
    { reason: 'abusive', label: '辱骂攻击', count: 2 },
    { reason: 'untrue', label: '内容不实', count: 1 },
    { reason: 'privacy', label: '泄露隐私', count: 1 },
  ],
  firmReports: 1,
  voiceNote: null,
  voiceHidden: false,
  ...overrides,
});

beforeEach(() => {
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/moderation/index');
});

describe('评论审核', () => {
  it('shows each hidden comment with where and when, the stars that rating gave, and the reasons counted', async () => {
    (ratings.moderationQueue as jest.Mock).mockResolvedValue({ ok: true, data: [item()] });
    render(<ModerationPage />);
    await flush();
    expect(screen.getByTestId('moderation-where-31').textContent).toBe('锦屏花园 · 2026-Q3 期');
    expect(screen.getByTestId('moderation-body-31').textContent).toBe('门口停车乱，保安【电话已隐去】不管');
    expect(screen.getByTestId('moderation-stars-31').textContent).toBe('这户打的星：环境卫生2星 · 安全秩序1星 · 维修响应3星 · 服务态度2星');
    const reasons = within(screen.getByTestId('moderation-reasons-31'));
    expect(reasons.getByText('举报理由（共 4 次）')).toBeTruthy();
    expect(reasons.getAllByRole('listitem').map((r) => r.textContent)).toEqual(['辱骂攻击 × 2', '内容不实 × 1', '泄露隐私 × 1']);
    expect(screen.getByTestId('moderation-firm-reports-31').textContent).toBe('其中 1 次来自被评价物业的工作人员，不计入隐藏次数');
  });

  it('says nothing about the firm when its staff did not report', async () => {
    (ratings.moderationQueue as jest.Mock).mockResolvedValue({
      ok: true,
      data: [item({ firmReports: 0, reasons: [{ reason: 'other', label: '其他', count: 3 }] })],
    });
    render(<ModerationPage />);
    await flush();
    expect(screen.queryByTestId('moderation-firm-reports-31')).toBeNull();
    expect(within(screen.getByTestId('moderation-reasons-31')).getByText('举报理由（共 3 次）')).toBeTruthy();
  });
});

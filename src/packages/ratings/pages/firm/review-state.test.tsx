import { render, screen } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { me } from '../../../../services/me';
import { ratings } from '../../../../services/ratings';
import { click, flush } from '../../../../test-utils';
import { profile } from '../../../needs/test-fixtures';
import { firmCard, myRating, result } from '../../test-fixtures';
import FirmPage from './index';

jest.mock('../../../../services/ratings');
jest.mock('../../../../services/me');

/** The result card's review state (issue 16, item 4): 公示中 with its last day, 已更正 with the date, objecting and the history. */
beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/firm/index', { firmId: '9' });
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile({ memberships: [] }) });
  (ratings.myRating as jest.Mock).mockResolvedValue({ ok: true, data: myRating() });
});

async function renderWith(card: ReturnType<typeof firmCard>) {
  (ratings.firmCard as jest.Mock).mockResolvedValue({ ok: true, data: card });
  render(<FirmPage />);
  await flush();
  await screen.findByTestId('firm-card');
}

describe('物业评价 · 公示与更正', () => {
  it('a resident reads 公示中 with its last day; no objection button, no history', async () => {
    await renderWith(
      firmCard({
        results: [result({ resultId: 11, version: 1, correctedAt: null, periodStatus: 'publicity', publicityEndsOn: '2026-12-14' })],
        reviewer: null,
      }),
    );
    expect(screen.getByTestId('firm-result-publicity').textContent).toBe('公示中，2026-12-14止');
    expect(screen.getByTestId('firm-result-publicity-note').textContent).toContain('公示期满、异议全部答复后定稿');
    expect(screen.queryByTestId('firm-result-object')).toBeNull();
    expect(screen.queryByTestId('firm-result-versions-toggle')).toBeNull();
    expect(screen.queryByTestId('firm-result-corrected')).toBeNull();
  });

  it("the firm's staff may object during 公示 and open the history", async () => {
    (ratings.resultVersions as jest.Mock).mockResolvedValue({
      ok: true,
      data: [
        {
          version: 1,
          stars: 4,
          composite: 78,
          criteria: { organisation: 70, team: 80, service: 85, satisfaction: 80 },
          reason: '期末计算',
          actor: '系统',
          objectionId: null,
          at: '2026-12-01T02:00:00.000Z',
        },
      ],
    });
    await renderWith(
      firmCard({
        results: [result({ resultId: 11, version: 1, correctedAt: null, periodStatus: 'publicity', publicityEndsOn: '2026-12-14' })],
        reviewer: { firmStaff: true, admin: false },
      }),
    );
    expect(screen.getByTestId('firm-result-object').textContent).toBe('对结果提出异议');
    await click(screen.getByTestId('firm-result-versions-toggle'));
    await flush();
    expect(ratings.resultVersions).toHaveBeenCalledWith({ resultId: 11 });
    expect(screen.getByTestId('firm-result-versions-1').textContent).toContain('第1版 · 2026-12-01 · 系统');
    expect(screen.getByTestId('firm-result-versions-1').textContent).toContain('组织建设70分、队伍建设80分、服务质量85分');
  });

  it('a corrected final result says 已更正 with the date (Beijing time); after 公示 nobody objects', async () => {
    await renderWith(
      firmCard({
        results: [result({ resultId: 11, version: 2, correctedAt: '2026-12-15T17:30:00.000Z', periodStatus: 'published', publicityEndsOn: '2026-12-14' })],
        reviewer: { firmStaff: true, admin: false },
      }),
    );
    expect(screen.getByTestId('firm-result-corrected').textContent).toBe('已更正（2026-12-16）');
    expect(screen.getByTestId('firm-result-corrected-note').textContent).toBe('这一结果经复核后更正过，下面是更正后的星级和得分。');
    expect(screen.queryByTestId('firm-result-publicity')).toBeNull();
    expect(screen.queryByTestId('firm-result-object')).toBeNull();
    expect(screen.getByTestId('firm-result-versions-toggle')).toBeTruthy();
  });
});

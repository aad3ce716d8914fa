import { cleanup, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { me } from '../../../../services/me';
import { ratings } from '../../../../services/ratings';
import { click, flush } from '../../../../test-utils';
import { membership, profile } from '../../../needs/test-fixtures';
import { breakdown, firmCard, myRating, rated, result } from '../../test-fixtures';
import FirmPage from './index';

jest.mock('../../../../services/ratings');
jest.mock('../../../../services/me');

const report = ratings.reportComment as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/firm/index', { firmId: '9', compoundId: '1' });
  (ratings.firmCard as jest.Mock).mockResolvedValue({ ok: true, data: firmCard() });
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile({ memberships: [membership({ householdId: 7 })] }) });
  report.mockResolvedValue({ ok: true, data: { reported: true } });
  (ratings.myRating as jest.Mock).mockResolvedValue({ ok: true, data: myRating() });
});

async function renderPage() {
  render(<FirmPage />);
  await flush();
  await screen.findByTestId('firm-card');
}

describe('物业评价', () => {
  it('shows stars with the sample, the four criteria and the trend', async () => {
    await renderPage();
    expect(ratings.firmCard).toHaveBeenCalledWith({ firmId: 9, compoundId: 1 });
    expect(screen.getByTestId('firm-result-stars').getAttribute('aria-label')).toBe('4星，36户评价');
    const criteria = within(screen.getByTestId('firm-result-criteria'));
    expect(criteria.getAllByRole('listitem').map((i) => i.textContent)).toEqual(['组织建设85分', '队伍建设78分', '服务质量80分', '群众满意度82分']);
    // Oldest period first.
    expect(
      within(screen.getByTestId('firm-trend'))
        .getAllByRole('listitem')
        .map((i) => i.getAttribute('aria-label')),
    ).toEqual(['2026-Q1：3.5星，36户评价', '2026-Q2：4星，36户评价']);
  });

  it('shows 样本不足 without stars for a small sample', async () => {
    (ratings.firmCard as jest.Mock).mockResolvedValue({ ok: true, data: firmCard({ results: [result({ stars: null, sample: 3 })] }) });
    await renderPage();
    expect(screen.getByTestId('firm-result-stars-none').textContent).toBe('样本不足');
    expect(screen.getByTestId('firm-result-stars-sample').textContent).toBe('3户评价');
  });

  it('shows the firm’s public reply and comments without names', async () => {
    await renderPage();
    expect(screen.getByTestId('firm-reply').textContent).toContain('感谢大家的意见，下月起每周二集中维修。');
    expect(screen.getByTestId('comment-101').textContent).toContain('保安很负责');
    expect(screen.getByTestId('comment-101').textContent).toContain('安全秩序5星');
    expect(document.body.textContent).not.toContain('王秀兰');
  });

  it('shows the firm’s reply under its comment, and none under the others', async () => {
    await renderPage();
    expect(screen.getByTestId('comment-reply-102').textContent).toContain('已更换电梯控制板，报修两天内上门。');
    expect(within(screen.getByTestId('comment-102')).getByTestId('comment-reply-102').textContent).toContain('物业回复');
    expect(screen.getByTestId('comment-reply-102').textContent).not.toContain('已修改');
    expect(screen.queryByTestId('comment-reply-101')).toBeNull();
  });

  it('marks a replaced reply 已修改', async () => {
    const card = firmCard();
    card.comments[1].reply = { body: '已修好', repliedAt: '2026-07-06T02:00:00.000Z', updatedAt: '2026-07-08T02:00:00.000Z' };
    (ratings.firmCard as jest.Mock).mockResolvedValue({ ok: true, data: card });
    await renderPage();
    expect(screen.getByTestId('comment-reply-102').textContent).toContain('已修改');
  });

  it('reports a comment with a reason chosen in place, and asks for one first', async () => {
    await renderPage();
    await click(screen.getByTestId('report-102'));
    const reasons = within(screen.getByTestId('report-reasons-102'));
    expect(reasons.getAllByRole('radio').map((r) => r.textContent)).toEqual(['内容不实', '辱骂攻击', '泄露隐私', '其他']);
    // No reason yet: told to pick one, nothing sent.
    await click(screen.getByTestId('report-send-102'));
    expect(report).not.toHaveBeenCalled();
    expect(within(screen.getByTestId('comment-102')).getByRole('alert').textContent).toBe('请选择举报理由');
    await click(reasons.getByRole('radio', { name: '泄露隐私' }));
    await click(screen.getByTestId('report-send-102'));
    await flush();
    expect(report).toHaveBeenCalledWith({ ratingId: 102, reason: 'privacy' });
    expect(screen.getByTestId('report-102').textContent).toBe('已举报');
    expect(screen.queryByTestId('report-reasons-102')).toBeNull();
    expect(screen.getByTestId('report-101').textContent).toBe('举报');
  });

  it('cancelling a report sends nothing', async () => {
    await renderPage();
    await click(screen.getByTestId('report-101'));
    await click(screen.getByTestId('report-cancel-101'));
    expect(screen.queryByTestId('report-reasons-101')).toBeNull();
    expect(report).not.toHaveBeenCalled();
  });

  it('shows the report error plainly', async () => {
    report.mockResolvedValue({ ok: false, error: { code: 'RATE_LIMITED', message: '您已举报过这条评论' } });
    await renderPage();
    await click(screen.getByTestId('report-101'));
    await click(within(screen.getByTestId('report-reasons-101')).getByRole('radio', { name: '辱骂攻击' }));
    await click(screen.getByTestId('report-send-101'));
    await flush();
    expect(within(screen.getByTestId('comment-101')).getByRole('alert').textContent).toBe('您已举报过这条评论');
  });

  it('shows the assessors’ evidence only when the server sends it', async () => {
    await renderPage();
    expect(screen.queryByTestId('firm-evidence')).toBeNull();
    const evidence = [
      {
        periodId: 2,
        periodCode: '2026-Q2',
        scores: { organisation: 82, team: 75, service: 88 },
        note: '消防台账缺两个月',
        photos: [{ fileId: 'local/a.jpg', url: '/uploads/a.jpg' }],
        updatedAt: '2026-06-28T02:00:00.000Z',
      },
    ];
    (ratings.firmCard as jest.Mock).mockResolvedValue({ ok: true, data: firmCard({ evidence }) });
    cleanup();
    await renderPage();
    const item = screen.getByTestId('firm-evidence-0');
    expect(item.textContent).toContain('组织建设82分 · 队伍建设75分 · 服务质量88分');
    expect(item.textContent).toContain('消防台账缺两个月');
    expect(within(item).getByRole('list', { name: '考评员1的现场照片' })).toBeTruthy();
  });

  it('links to its board of each past period', async () => {
    await renderPage();
    await click(screen.getByTestId('firm-board-1'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ratings/pages/leaderboard/index?periodId=1' });
  });

  it('offers 去评价 for the verified home in this compound', async () => {
    await renderPage();
    await click(screen.getByTestId('firm-rate'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ratings/pages/rate/index?householdId=7' });
  });

  it('offers no 去评价 without a verified home', async () => {
    (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile({ memberships: [membership({ status: 'pending', statusLabel: '待审核' })] }) });
    await renderPage();
    await flush();
    expect(screen.queryByTestId('firm-rate')).toBeNull();
  });

  it('says why instead of offering 去评价 when the home may not rate now, and 修改我的评价 once rated', async () => {
    (ratings.myRating as jest.Mock).mockResolvedValue({ ok: true, data: myRating({ period: null, blockedReason: '当前没有进行中的评价期，请留意社区通知' }) });
    await renderPage();
    await flush();
    expect(ratings.myRating).toHaveBeenCalledWith({ householdId: 7 });
    expect(screen.queryByTestId('firm-rate')).toBeNull();
    expect(screen.getByTestId('firm-rate-blocked').textContent).toBe('当前没有进行中的评价期，请留意社区通知');
  });

  it('offers 修改我的评价 when the household already rated this period', async () => {
    (ratings.myRating as jest.Mock).mockResolvedValue({
      ok: true,
      data: myRating({
        rating: rated({ scores: { environment: 4, security: 4, repairs: 4, attitude: 4 } }),
      }),
    });
    await renderPage();
    await flush();
    expect(screen.getByTestId('firm-rate').textContent).toBe('修改我的评价');
  });

  it('offers 修改本户的评价 when another member of the household rated', async () => {
    (ratings.myRating as jest.Mock).mockResolvedValue({ ok: true, data: myRating({ rating: rated({ byMe: false, commentByOther: true }) }) });
    await renderPage();
    await flush();
    expect(screen.getByTestId('firm-rate').textContent).toBe('修改本户的评价');
  });

  it('explains the composite: each criterion with its weight, score and source, the sample against the minimum, the rounding rule', async () => {
    await renderPage();
    const explain = screen.getByRole('region', { name: '评分说明' });
    expect(within(explain).getByRole('heading', { name: '老旧小区 · 2026-Q2 期' })).toBeTruthy();
    const rows = within(explain).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.rfirm__criterion-label')?.textContent)).toEqual(['组织建设', '队伍建设', '服务质量', '群众满意度']);
    expect(screen.getByTestId('firm-explain-old-satisfaction').textContent).toBe('群众满意度82分权重 40%来自36户居民的评价。');
    expect(screen.getByTestId('firm-explain-old-sample').textContent).toBe('评价户数：36户，评星至少需要5户 — 已达到');
    expect(screen.getByTestId('firm-explain-old-composite').textContent).toBe('综合分 81分，4星');
    expect(screen.getByTestId('firm-explain-old-rounding').textContent).toContain('四舍五入到半颗星');
    expect(Taro.pageScrollTo).not.toHaveBeenCalled();
  });

  it('below the minimum sample says so, and a criterion without data carries no weight', async () => {
    const b = breakdown({ sample: 3 });
    b.criteria[0] = { ...b.criteria[0], score: null, appliedWeight: 0 };
    b.criteria[1] = { ...b.criteria[1], score: null, appliedWeight: 0 };
    b.criteria[2] = { ...b.criteria[2], appliedWeight: 42.9 };
    b.criteria[3] = { ...b.criteria[3], score: null, appliedWeight: 57.1 };
    (ratings.firmCard as jest.Mock).mockResolvedValue({
      ok: true,
      data: firmCard({
        results: [
          result({ stars: null, composite: null, sample: 3, breakdown: b, criteria: { organisation: null, team: null, service: 80, satisfaction: null } }),
        ],
      }),
    });
    await renderPage();
    expect(screen.getByTestId('firm-explain-old-organisation-weight').textContent).toBe('权重 15%，本期无数据，不计入');
    expect(screen.getByTestId('firm-explain-old-service-weight').textContent).toBe('权重 30%，本期按42.9%计');
    expect(screen.getByTestId('firm-explain-old-satisfaction-score').textContent).toBe('样本不足');
    expect(screen.getByTestId('firm-explain-old-sample').textContent).toBe('评价户数：3户，评星至少需要5户 — 还差2户，暂不评星');
    expect(screen.queryByTestId('firm-explain-old-composite')).toBeNull();
  });

  it('opened from a leaderboard row: that compound type first, scrolled to 评分说明', async () => {
    __setRouter('/packages/ratings/pages/firm/index', { firmId: '9', compoundType: 'commercial', explain: '1' });
    (ratings.firmCard as jest.Mock).mockResolvedValue({
      ok: true,
      data: firmCard({ results: [result(), result({ compoundType: 'commercial', breakdown: breakdown() })] }),
    });
    await renderPage();
    await flush();
    const heads = within(screen.getByRole('region', { name: '评分说明' })).getAllByRole('heading', { level: 3 });
    expect(heads.map((h) => h.textContent)).toEqual(['商住小区 · 2026-Q2 期', '老旧小区 · 2026-Q2 期']);
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ selector: '#firm-explain', duration: 0 });
  });

  it('居民语音留言: the firm hears a note (a voice-only comment cannot be reported); a moderator hides it from the firm', async () => {
    const note = { fileId: `local/${'b'.repeat(64)}.wav`, url: `/uploads/${'b'.repeat(64)}.wav`, durationSec: 12, transcript: null, transcriptEditable: false };
    const base = firmCard();
    const spoken = { ...base.comments[0], ratingId: 103, body: '', voiceNote: note, voiceHidden: false };
    (ratings.firmCard as jest.Mock).mockResolvedValue({ ok: true, data: { ...base, comments: [spoken, ...base.comments] } });
    await renderPage();
    const row = within(screen.getByTestId('comment-103'));
    expect(screen.getByTestId('comment-body-103').textContent).toBe('（只留了语音）');
    expect(row.getByText('居民语音留言，仅物业与审核人员可听')).toBeTruthy();
    expect(screen.getByTestId('comment-voice-player-103-time').textContent).toBe('0:12');
    expect(row.queryByTestId('report-103')).toBeNull();
    expect(row.queryByTestId('comment-voice-hide-103')).toBeNull();
    // The other comments carry no note.
    expect(screen.queryByTestId('comment-voice-101')).toBeNull();
    cleanup();

    (ratings.firmCard as jest.Mock).mockResolvedValue({ ok: true, data: { ...base, comments: [{ ...spoken, canMask: true }] } });
    (ratings.hideVoice as jest.Mock).mockResolvedValue({ ok: true, data: { voiceHidden: true } });
    await renderPage();
    await click(screen.getByTestId('comment-voice-hide-103'));
    await flush();
    expect(ratings.hideVoice).toHaveBeenCalledWith({ ratingId: 103, hidden: true });
    expect(screen.getByTestId('comment-voice-103').textContent).toContain('已对物业隐藏（物业听不到）');
    expect(screen.getByTestId('comment-voice-hide-103').textContent).toBe('恢复语音（物业可听）');
  });
});

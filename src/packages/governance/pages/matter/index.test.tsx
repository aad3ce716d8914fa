import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter } from '../../../../../test/mocks/taro';
import { deliberation } from '../../../../services/deliberation';
import { click, flush } from '../../../../test-utils';
import { ballot, matter, tally } from '../../test-fixtures';
import MatterPage from './index';

jest.mock('../../../../services/deliberation');

const get = deliberation.get as jest.Mock;
const myBallot = deliberation.myBallot as jest.Mock;
const vote = deliberation.vote as jest.Mock;

beforeEach(() => {
  jest.clearAllMocks();
  __setRouter('/packages/governance/pages/matter/index', { id: '7' });
});

async function renderPage() {
  render(<MatterPage />);
  await flush();
  await screen.findByTestId('matter-page-7');
  await flush();
}

describe('议题', () => {
  it('shows the notice with version and hash, the four rules and the steps, and no counts while voting', async () => {
    get.mockResolvedValue({ ok: true, data: matter() });
    myBallot.mockResolvedValue({ ok: true, data: null });
    await renderPage();
    expect(screen.getByTestId('matter-version').textContent).toBe('第1版 · 校验码 3fa1c0de');
    expect(screen.getByTestId('rule-who').textContent).toContain('每户一票，共 120 户');
    expect(screen.getByTestId('rule-quorum').textContent).toContain('至少 50% 的户参加投票，结果才有效，即至少 60 户');
    expect(screen.getByTestId('rule-approval').textContent).toContain('超过所投票数的 50% 才算通过');
    expect(screen.getByTestId('rule-deadline').textContent).toContain('12月12日 20:00 截止');
    expect(screen.getByTestId('matter-steps').querySelector('[aria-current="step"]')?.textContent).toContain('组织协商');
    expect(screen.getByTestId('vote-41-none').textContent).toContain('本户还没有投票');
    expect(screen.queryByTestId('matter-tally')).toBeNull();
    expect(screen.getByTestId('matter-timeline').textContent).toContain('发布公告（第1版）');
    expect(screen.queryByTestId('matter-source-need')).toBeNull();
  });

  it('a matter proposed from a followed need links to the need', async () => {
    get.mockResolvedValue({ ok: true, data: matter({ sourceNeedId: 31 }) });
    myBallot.mockResolvedValue({ ok: true, data: null });
    await renderPage();
    await click(screen.getByTestId('matter-source-need'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/needs/pages/detail/index?id=31' });
  });

  it('votes in two taps (option, confirm) and then offers to change it before the deadline', async () => {
    get.mockResolvedValue({ ok: true, data: matter() });
    myBallot.mockResolvedValueOnce({ ok: true, data: null }).mockResolvedValue({ ok: true, data: ballot() });
    vote.mockResolvedValue({ ok: true, data: ballot() });
    await renderPage();
    await click(screen.getByTestId('vote-41-option-0'));
    const dialog = within(screen.getByTestId('vote-41-confirm'));
    expect(screen.getByTestId('vote-41-confirm').textContent).toContain('选择「同意安装」？');
    expect(vote).not.toHaveBeenCalled();
    await click(dialog.getByTestId('vote-41-confirm-yes'));
    await flush();
    expect(vote).toHaveBeenCalledWith({ matterId: 7, householdId: 41, optionIndex: 0 });
    expect(screen.getByTestId('vote-41-done').textContent).toBe('已投票：「同意安装」');
    expect(screen.getByTestId('vote-41-current').textContent).toContain('同意安装');
    expect(screen.getByTestId('vote-41').textContent).toMatch(/截止（(2026年)?12月12日 20:00）前可以改投/);
    // Tapping the household's current choice again does nothing; another option asks to change.
    await click(screen.getByTestId('vote-41-option-0'));
    expect(screen.queryByTestId('vote-41-confirm')).toBeNull();
    await click(screen.getByTestId('vote-41-option-1'));
    expect(screen.getByTestId('vote-41-confirm').textContent).toContain('把「同意安装」改为「不同意安装」？');
  });

  it('says why a ballot was refused and keeps the household’s ballot as it was', async () => {
    get.mockResolvedValue({ ok: true, data: matter() });
    myBallot.mockResolvedValue({ ok: true, data: null });
    vote.mockResolvedValue({ ok: false, error: { code: 'INVALID_TRANSITION', message: '投票已截止' } });
    await renderPage();
    await click(screen.getByTestId('vote-41-option-1'));
    await click(screen.getByTestId('vote-41-confirm-yes'));
    await flush();
    expect(screen.getByTestId('vote-41-error').textContent).toBe('投票已截止');
    expect(screen.queryByTestId('vote-41-current')).toBeNull();
  });

  it('after close shows the stored tally, the outcome, and no voting buttons', async () => {
    get.mockResolvedValue({
      ok: true,
      data: matter({
        status: 'published',
        statusLabel: '反馈公示',
        votingOpen: false,
        tally: tally(),
        outcome: '物业下月安装。',
        outcomePublishedAt: '2026-12-14T02:00:00.000Z',
      }),
    });
    myBallot.mockResolvedValue({ ok: true, data: ballot({ channel: 'meeting', castByMember: false }) });
    await renderPage();
    expect(screen.getByTestId('tally-verdict').textContent).toBe('通过：「同意安装」');
    expect(screen.getByTestId('tally-participation').textContent).toBe('参加 80 户 / 共 120 户（66.7%）');
    expect(screen.getByTestId('tally-option-0').textContent).toContain('60 票 · 75%');
    expect(screen.getByTestId('matter-outcome').textContent).toContain('物业下月安装。');
    expect(screen.getByTestId('vote-41-current').textContent).toContain('会议表决');
    expect(screen.queryByTestId('vote-41-option-0')).toBeNull();
  });

  it('gives organisers the steps the server allows: publish a draft with a window after the notice period', async () => {
    const draft = matter({
      status: 'draft',
      statusLabel: '制定方案',
      version: 0,
      contentHash: null,
      eligible: null,
      opensAt: null,
      closesAt: null,
      votingOpen: false,
      myHouseholds: [],
      can: ['edit', 'publish', 'withdraw'],
    });
    get.mockResolvedValue({ ok: true, data: draft });
    (deliberation.publish as jest.Mock).mockResolvedValue({
      ok: true,
      data: matter({ status: 'notice', statusLabel: '发布公告', votingOpen: false, myHouseholds: [], can: ['withdraw', 'participation'] }),
    });
    await renderPage();
    expect(screen.getByTestId('rule-deadline').textContent).toContain('公告至少 3 天后才开始投票');
    await click(screen.getByTestId('matter-publish'));
    await flush();
    const sent = (deliberation.publish as jest.Mock).mock.calls[0][0];
    expect(sent.matterId).toBe(7);
    // Opens at 09:00 Beijing at least three days on, closes at 20:00 seven days after.
    expect(Date.parse(sent.opensAt) - Date.now()).toBeGreaterThanOrEqual(3 * 24 * 3600_000);
    expect(new Date(sent.opensAt).getUTCHours()).toBe(1);
    expect(Date.parse(sent.closesAt) - Date.parse(sent.opensAt)).toBe(7 * 24 * 3600_000 + 11 * 3600_000);
    expect(screen.getByTestId('matter-ballots').textContent).toBe('参与情况');
    expect(screen.getByTestId('matter-status').textContent).toMatch(/^发布公告：公告期内，(2026年)?12月5日 09:00 开始投票$/);
    expect(screen.queryByTestId('matter-publish')).toBeNull();
  });
});

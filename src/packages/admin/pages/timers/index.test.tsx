import { render, screen, within } from '@testing-library/react';
import type { TimerJobDTO, TimerRunDTO } from '@hg/types';
import { __setRouter } from '../../../../../test/mocks/taro';
import { escalation } from '../../../../services/escalation';
import { click, flush } from '../../../../test-utils';
import TimersPage from './index';

jest.mock('../../../../services/escalation');

const jobs = escalation.jobs as jest.Mock;

/** This year's 5 March at hh:mm Beijing time (formatLocalTime leaves the year out for this year). */
const at = (hh: number, mm = 0) => new Date(Date.UTC(new Date().getUTCFullYear(), 2, 5, hh - 8, mm)).toISOString();

function run(overrides: Partial<TimerRunDTO> = {}): TimerRunDTO {
  return { holder: 'tick-1', outcome: 'ok', outcomeLabel: '成功', startedAt: at(14, 5), finishedAt: at(14, 5), counts: {}, error: null, ...overrides };
}

function job(name: string, overrides: Partial<TimerJobDTO> = {}): TimerJobDTO {
  return {
    name,
    state: 'idle',
    stateLabel: '空闲',
    holder: null,
    leaseUntil: null,
    lastStartedAt: at(14, 5),
    lastFinishedAt: at(14, 5),
    lastOutcome: 'ok',
    lastOkAt: at(14, 5),
    failStreak: 0,
    recent: [run()],
    ...overrides,
  };
}

const escalate = job('needs.escalateOverdue', {
  recent: [run({ counts: { escalated: 2, resumed: 0 } }), run({ holder: 'tick-0', startedAt: at(14, 0), outcome: 'skipped', outcomeLabel: '已跳过' })],
});
const standing = job('bookings.standingOrders', {
  lastOutcome: 'failed',
  lastOkAt: at(13, 50),
  failStreak: 3,
  recent: [
    run({ outcome: 'failed', outcomeLabel: '失败', counts: {}, error: { code: 'INTERNAL', message: 'TypeError（日志编号 ab12cd）' } }),
    run({
      holder: 'tick-0',
      startedAt: at(14, 0),
      outcome: 'failed',
      outcomeLabel: '失败',
      error: { code: 'INTERNAL', message: 'TypeError（日志编号 99ff00）' },
    }),
  ],
});
const ratingsJob = job('ratings.closeEndedPeriods', {
  state: 'never',
  stateLabel: '尚未运行',
  lastStartedAt: null,
  lastFinishedAt: null,
  lastOutcome: null,
  lastOkAt: null,
  recent: [],
});

beforeEach(() => {
  jest.clearAllMocks();
  __setRouter('/packages/admin/pages/timers/index');
  jobs.mockResolvedValue({ ok: true, data: [escalate, standing, ratingsJob] });
});

async function renderPage() {
  render(<TimersPage />);
  await flush();
  await screen.findByTestId('timers-summary');
}

describe('定时任务', () => {
  it('shows every job by its plain name, with its badge, last run in Beijing time and what it did', async () => {
    await renderPage();
    expect(screen.getByTestId('timers-summary').textContent).toBe('共3项任务：1项正常，1项上次失败，1项从未运行');
    const card = screen.getByTestId('job-needs.escalateOverdue');
    expect(within(card).getByTestId('job-needs.escalateOverdue-badge').textContent).toBe('正常');
    expect(within(card).getByTestId('job-needs.escalateOverdue-last').textContent).toBe('上次运行：3月5日 14:05');
    expect(within(card).getByTestId('job-needs.escalateOverdue-result').textContent).toBe('结果：成功，升级2条需求');
    expect(within(card).queryByTestId('job-needs.escalateOverdue-streak')).toBeNull();
    expect(screen.getByText('长期订餐')).toBeTruthy();
  });

  it('a failed job shows the reason and how often it failed in a row', async () => {
    await renderPage();
    const card = screen.getByTestId('job-bookings.standingOrders');
    expect(within(card).getByTestId('job-bookings.standingOrders-badge').textContent).toBe('上次失败');
    expect(within(card).getByTestId('job-bookings.standingOrders-error').textContent).toBe(
      '出错原因：TypeError（日志编号 ab12cd）错误代码：INTERNAL（系统内部错误）',
    );
    expect(within(card).getByTestId('job-bookings.standingOrders-streak').textContent).toBe('已连续失败3次');
    expect(within(card).getByTestId('job-bookings.standingOrders-last-ok').textContent).toBe('上次成功：3月5日 13:50');
    expect(within(card).queryByTestId('job-bookings.standingOrders-result')).toBeNull();
  });

  it('a job that never ran says so', async () => {
    await renderPage();
    const card = screen.getByTestId('job-ratings.closeEndedPeriods');
    expect(within(card).getByText('评价期自动截止')).toBeTruthy();
    expect(within(card).getByTestId('job-ratings.closeEndedPeriods-badge').textContent).toBe('从未运行');
    expect(within(card).getByTestId('job-ratings.closeEndedPeriods-never').textContent).toContain('还没有运行过');
    // Nothing to list yet: no toggle for an empty record.
    expect(within(card).queryByTestId('job-ratings.closeEndedPeriods-toggle')).toBeNull();
  });

  it('lists the recent attempts on demand, skips included', async () => {
    await renderPage();
    const toggle = screen.getByTestId('job-needs.escalateOverdue-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('查看最近2次运行记录▾');
    expect(screen.queryByTestId('job-needs.escalateOverdue-runs')).toBeNull();

    await click(toggle);
    const runs = within(screen.getByTestId('job-needs.escalateOverdue-runs')).getAllByRole('listitem');
    expect(runs.map((r) => r.textContent)).toEqual(['3月5日 14:05成功升级2条需求', '3月5日 14:00已跳过上一次运行还没结束，本次跳过']);
    expect(screen.getByTestId('job-needs.escalateOverdue-toggle').getAttribute('aria-expanded')).toBe('true');

    await click(screen.getByTestId('job-needs.escalateOverdue-toggle'));
    expect(screen.queryByTestId('job-needs.escalateOverdue-runs')).toBeNull();
  });

  it('shows a running job, a lapsed lease and a job name it does not know', async () => {
    jobs.mockResolvedValue({
      ok: true,
      data: [
        job('needs.resumeHolds', {
          state: 'running',
          stateLabel: '运行中',
          holder: 'tick-2',
          lastOutcome: 'running',
          recent: [run({ outcome: 'running', outcomeLabel: '运行中', finishedAt: null })],
        }),
        job('needs.autoCloseUnrated', { state: 'lapsed', stateLabel: '上次运行中断，等待接管', holder: 'tick-1', lastOutcome: 'running' }),
        job('parking.sweep'),
      ],
    });
    await renderPage();
    expect(screen.getByTestId('job-needs.resumeHolds-badge').textContent).toBe('运行中');
    expect(screen.getByTestId('job-needs.resumeHolds-last').textContent).toBe('开始运行：3月5日 14:05');
    expect(screen.getByTestId('job-needs.autoCloseUnrated-badge').textContent).toBe('运行中断');
    expect(screen.getByTestId('job-needs.autoCloseUnrated').textContent).toContain('上次运行中断，等待接管');
    expect(within(screen.getByTestId('job-parking.sweep')).getByRole('heading').textContent).toBe('parking.sweep');
    expect(screen.getByTestId('timers-summary').textContent).toBe('共3项任务：1项运行中，1项运行中断，1项正常');
  });

  it('first load fails: only the error with 重试, no 刷新 beside it', async () => {
    jobs.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: '网络不通，请稍后重试' } });
    render(<TimersPage />);
    await flush();
    await screen.findByText('网络不通，请稍后重试');
    expect(screen.getByText('重试')).toBeTruthy();
    expect(screen.queryByTestId('timers-refresh')).toBeNull();
  });

  it('refused: the reason, and no 重试 that could never help', async () => {
    jobs.mockResolvedValue({ ok: false, error: { code: 'FORBIDDEN', message: '仅限管理员查看定时任务' } });
    render(<TimersPage />);
    await flush();
    await screen.findByText('仅限管理员查看定时任务');
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('刷新 asks again; an error offers 重试 and an empty answer says so', async () => {
    await renderPage();
    const calls = jobs.mock.calls.length;
    jobs.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: '网络不通，请稍后重试' } });
    await click(screen.getByTestId('timers-refresh'));
    await flush();
    expect(jobs.mock.calls.length).toBe(calls + 1);
    expect(screen.getByText('网络不通，请稍后重试')).toBeTruthy();

    jobs.mockResolvedValue({ ok: true, data: [] });
    await click(screen.getByText('重试'));
    await flush();
    expect(screen.getByText('没有定时任务')).toBeTruthy();
    expect(screen.queryByTestId('timers-summary')).toBeNull();
  });
});

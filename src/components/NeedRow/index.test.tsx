import { render, screen } from '@testing-library/react';
import { summary } from '../../packages/needs/test-fixtures';
import NeedRow, { dueText, formatSpan } from './index';

const NOW = new Date('2026-03-01T08:00:00.000Z'); // 16:00 in 阆中
const HOUR = 3600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('NeedRow clock', () => {
  it('shows the time left and the deadline in local time while the clock runs', () => {
    render(<NeedRow need={summary(7, { status: 'dispatched', statusLabel: '已派单', dueAt: at(3 * HOUR + 20 * 60_000) })} now={NOW} />);
    expect(screen.getByTestId('need-due').textContent).toBe('剩余 3小时');
    expect(screen.getByTestId('need-due-at').textContent).toBe('接单时限：3月1日 19:20');
    expect(screen.queryByTestId('need-overdue')).toBeNull();
  });

  it('turns into an overdue mark with how long ago the deadline passed', () => {
    render(<NeedRow need={summary(8, { status: 'in_progress', statusLabel: '处理中', overdue: true, dueAt: at(-(2 * HOUR + 5 * 60_000)) })} now={NOW} />);
    expect(screen.getByTestId('need-overdue').textContent).toBe('已超时 2小时');
    expect(screen.getByTestId('need-due-at').textContent).toBe('办结时限：3月1日 13:55');
    expect(screen.queryByTestId('need-due')).toBeNull();
  });

  it('shows no clock when none runs (on hold, finished)', () => {
    render(<NeedRow need={summary(9, { status: 'resolved', statusLabel: '已办结', dueAt: null })} now={NOW} />);
    expect(screen.queryByTestId('need-due')).toBeNull();
    expect(screen.queryByTestId('need-overdue')).toBeNull();
    expect(screen.queryByTestId('need-due-at')).toBeNull();
  });

  it('trusts the server when it says overdue, even if the phone clock lags', () => {
    expect(dueText({ overdue: true, dueAt: at(10 * 60_000) }, NOW)).toMatchObject({ overdue: true, text: '已超时' });
  });

  it.each([
    [30 * 1000, '不足1分钟'],
    [45 * 60_000, '45分钟'],
    [5 * HOUR, '5小时'],
    [50 * HOUR, '2天2小时'],
    [48 * HOUR, '2天'],
    [-3 * HOUR, '3小时'],
  ])('spans %d ms as %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});

describe('NeedRow place', () => {
  it('names where the problem is and marks a need filed before the binding was verified', () => {
    render(<NeedRow need={summary(11, { place: 'building', placeLabel: '3栋 公共区域', unverified: true })} now={NOW} />);
    expect(screen.getByTestId('need-row-11').textContent).toContain('锦屏花园 3栋 公共区域');
    expect(screen.getByTestId('need-unverified').textContent).toBe('待核实');
  });

  it('shows a compound-wide need at 小区级, where it started, not as a climb', () => {
    render(<NeedRow need={summary(12, { place: 'compound', placeLabel: '小区公共区域', building: null, level: 'compound', levelLabel: '小区' })} now={NOW} />);
    expect(screen.getByTestId('need-level').textContent).toBe('小区级');
    expect(screen.queryByTestId('need-unverified')).toBeNull();
  });
});

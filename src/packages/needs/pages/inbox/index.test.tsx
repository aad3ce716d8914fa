import { fireEvent, render, screen } from '@testing-library/react';
import { __storage } from '../../../../../test/mocks/taro';
import { needs } from '../../../../services/needs';
import { click, flush } from '../../../../test-utils';
import { summary } from '../../test-fixtures';
import InboxPage from './index';

jest.mock('../../../../services/needs');

const inbox = needs.inbox as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  inbox.mockResolvedValue({
    ok: true,
    data: { items: [summary(4, { status: 'dispatched', statusLabel: '已派单', overdue: true, dueAt: '2025-03-01T06:00:00.000Z' })], nextCursor: null },
  });
  (needs.inboxCounts as jest.Mock).mockResolvedValue({ ok: true, data: { action: 1, dispatched: 1, working: 0, on_hold: 0, resolved: 2, all: 3 } });
});

describe('接单箱', () => {
  it('opens on 待办 with counts, switches tabs and searches', async () => {
    render(<InboxPage />);
    await flush();
    expect(inbox).toHaveBeenCalledWith({ tab: 'action', limit: 20 });
    expect(screen.getAllByRole('tab').map((t) => t.getAttribute('aria-label'))).toEqual([
      '待办 1条',
      '待接单 1条',
      '处理中 0条',
      '挂起 0条',
      '已办结 2条',
      '全部 3条',
    ]);
    expect(screen.getByTestId('need-overdue').textContent).toMatch(/^已超时 /);

    await click(screen.getByTestId('inbox-tab-resolved'));
    await flush();
    expect(inbox).toHaveBeenLastCalledWith({ tab: 'resolved', limit: 20 });

    fireEvent.input(screen.getByLabelText('搜索编号或内容'), { target: { value: '漏水' } });
    await click(screen.getByTestId('inbox-search-go'));
    await flush();
    expect(inbox).toHaveBeenLastCalledWith({ tab: 'all', q: '漏水', limit: 20 });
    expect(needs.inboxCounts).toHaveBeenLastCalledWith({ q: '漏水' });

    // Words are searched in the recent window; the page says so and offers 搜索更早, and back.
    expect(screen.getByTestId('inbox-search-window').textContent).toBe('只搜索了近90天的需求');
    await click(screen.getByTestId('inbox-search-older'));
    await flush();
    expect(inbox).toHaveBeenLastCalledWith({ tab: 'all', q: '漏水', older: true, limit: 20 });
    expect(needs.inboxCounts).toHaveBeenLastCalledWith({ q: '漏水', older: true });
    expect(screen.getByTestId('inbox-search-window').textContent).toBe('正在搜索90天以前的需求');
    expect(screen.getByTestId('inbox-search-older').textContent).toBe('回到近90天');
    // A new search starts in the recent window again; a need number has no window.
    fireEvent.input(screen.getByLabelText('搜索编号或内容'), { target: { value: '#12' } });
    await click(screen.getByTestId('inbox-search-go'));
    await flush();
    expect(inbox).toHaveBeenLastCalledWith({ tab: 'all', q: '#12', limit: 20 });
    expect(screen.queryByTestId('inbox-search-window')).toBeNull();
  });

  it('refuses a search over 50 characters without calling the server', async () => {
    render(<InboxPage />);
    await flush();
    const before = inbox.mock.calls.length;
    fireEvent.input(screen.getByLabelText('搜索编号或内容'), { target: { value: '字'.repeat(51) } });
    await click(screen.getByTestId('inbox-search-go'));
    await flush();
    expect(screen.getByRole('alert').textContent).toBe('最多50个字');
    expect(inbox).toHaveBeenCalledTimes(before);
  });
});

import { fireEvent, render, screen, within } from '@testing-library/react';
import { __storage } from '../../../../../test/mocks/taro';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { needs } from '../../../../services/needs';
import { saveExport } from '../../../../services/export-file';
import { click, flush } from '../../../../test-utils';
import { profile, summary } from '../../test-fixtures';
import ConsolePage from './index';

jest.mock('../../../../services/needs');
jest.mock('../../../../services/me');
jest.mock('../../../../services/community');
jest.mock('../../../../services/export-file');

const queue = needs.queue as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  queue.mockImplementation(async (input: { cursor?: string }) =>
    input.cursor
      ? { ok: true, data: { items: [summary(3)], nextCursor: null } }
      : { ok: true, data: { items: [summary(1), summary(2, { overdue: true, level: 'community', levelLabel: '社区' })], nextCursor: 'c1' } },
  );
  (me.get as jest.Mock).mockResolvedValue({
    ok: true,
    data: profile({
      name: '杨晓燕',
      roles: [{ role: 'community_staff', roleLabel: '社区工作人员', scopeLevel: 'community', scopeId: 5, scopeName: '南街社区', organisation: null }],
    }),
  });
  (community.listCompounds as jest.Mock).mockResolvedValue({ ok: true, data: [] });
  (saveExport as jest.Mock).mockResolvedValue(null);
  (needs.queueCounts as jest.Mock).mockResolvedValue({ ok: true, data: { action: 6, submitted: 3, assigned: 2, working: 1, resolved: 1, all: 13 } });
});

function group(label: string) {
  return within(screen.getByRole('radiogroup', { name: label }));
}

describe('派单台', () => {
  it('opens on 待处理 with a count on every tab, and links each row to its detail', async () => {
    render(<ConsolePage />);
    await flush();
    expect(queue).toHaveBeenCalledWith({ tab: 'action', limit: 20 });
    expect(needs.queueCounts).toHaveBeenCalledWith({});
    expect(screen.getByTestId('need-row-1')).toBeTruthy();
    expect(within(screen.getByTestId('need-row-2')).getByTestId('need-overdue')).toBeTruthy();
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['待处理6', '待派单3', '待接单2', '处理中1', '已办结1', '全部13']);
    expect(screen.getByRole('tab', { name: '待处理 6条' }).getAttribute('aria-selected')).toBe('true');
  });

  it('switches tabs, searches by number or words, and keeps the badges under the same search', async () => {
    render(<ConsolePage />);
    await flush();
    await click(screen.getByTestId('queue-tab-resolved'));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ tab: 'resolved', limit: 20 });

    fireEvent.input(screen.getByLabelText('搜索编号或内容'), { target: { value: '#12' } });
    await click(screen.getByTestId('queue-search-go'));
    await flush();
    // A search looks in every status; the badges tell where the hits are.
    expect(queue).toHaveBeenLastCalledWith({ tab: 'all', q: '#12', limit: 20 });
    expect(needs.queueCounts).toHaveBeenLastCalledWith({ q: '#12' });
    expect(screen.getByRole('status').textContent).toBe('搜索「#12」');
    await click(screen.getByTestId('queue-tab-resolved'));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ tab: 'resolved', q: '#12', limit: 20 });

    await click(screen.getByTestId('queue-search-clear'));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ tab: 'action', limit: 20 });
  });

  it('keeps level and overdue behind 更多筛选 and passes them through', async () => {
    render(<ConsolePage />);
    await flush();
    expect(screen.queryByTestId('console-filters')).toBeNull();
    await click(screen.getByTestId('more-filters'));
    await click(group('层级').getByRole('radio', { name: '社区' }));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ tab: 'action', level: 'community', limit: 20 });

    await click(group('时限').getByRole('radio', { name: '只看超时' }));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ tab: 'action', level: 'community', overdue: true, limit: 20 });
    expect(needs.queueCounts).toHaveBeenLastCalledWith({ level: 'community', overdue: true });
    await click(screen.getByTestId('more-filters'));
    expect(screen.getByTestId('more-filters').textContent).toBe('更多筛选（已选2项）');
  });

  it('loads the next page with the cursor and the same filters', async () => {
    render(<ConsolePage />);
    await flush();
    await click(screen.getByTestId('queue-tab-all'));
    await flush();
    await click(screen.getByTestId('load-more'));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ tab: 'all', limit: 20, cursor: 'c1' });
    expect(screen.getByTestId('need-row-3')).toBeTruthy();
    expect(screen.queryByTestId('load-more')).toBeNull();
  });

  it('exports the staff member’s community and hands the file to the platform', async () => {
    const file = {
      filename: 'needs.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: 'UEsDBA==',
      url: null,
      fileId: null,
      bytes: 4,
      rows: 12,
    };
    (needs.export as jest.Mock).mockResolvedValue({ ok: true, data: file });
    render(<ConsolePage />);
    await flush();
    await click(group('文件格式').getByRole('radio', { name: 'CSV' }));
    await click(screen.getByTestId('export'));
    await flush();
    const arg = (needs.export as jest.Mock).mock.calls[0][0];
    expect(arg).toMatchObject({ communityId: 5, format: 'csv' });
    expect(Date.parse(arg.from)).toBeLessThan(Date.parse(arg.to));
    expect(saveExport).toHaveBeenCalledWith(file);
    expect(screen.getByTestId('export-message').textContent).toBe('已导出 12 条：needs.xlsx');
  });
});

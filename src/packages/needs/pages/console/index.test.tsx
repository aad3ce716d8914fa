import { render, screen, within } from '@testing-library/react';
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
});

function group(label: string) {
  return within(screen.getByRole('radiogroup', { name: label }));
}

describe('派单台', () => {
  it('lists the queue and links each row to its detail', async () => {
    render(<ConsolePage />);
    await flush();
    expect(queue).toHaveBeenCalledWith({ limit: 20 });
    expect(screen.getByTestId('need-row-1')).toBeTruthy();
    expect(within(screen.getByTestId('need-row-2')).getByTestId('need-overdue')).toBeTruthy();
  });

  it('passes the status, level and overdue filters through to needs.queue', async () => {
    render(<ConsolePage />);
    await flush();
    await click(group('状态').getByRole('radio', { name: '挂起' }));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ status: 'on_hold', limit: 20 });

    await click(group('层级').getByRole('radio', { name: '社区' }));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ status: 'on_hold', level: 'community', limit: 20 });

    await click(group('时限').getByRole('radio', { name: '只看超时' }));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ status: 'on_hold', level: 'community', overdue: true, limit: 20 });

    await click(group('状态').getByRole('radio', { name: '全部' }));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ level: 'community', overdue: true, limit: 20 });
  });

  it('loads the next page with the cursor and the same filters', async () => {
    render(<ConsolePage />);
    await flush();
    await click(group('层级').getByRole('radio', { name: '小区' }));
    await flush();
    await click(screen.getByTestId('load-more'));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ level: 'compound', limit: 20, cursor: 'c1' });
    expect(screen.getByTestId('need-row-3')).toBeTruthy();
    expect(screen.queryByTestId('load-more')).toBeNull();
  });

  it('exports the staff member’s community and hands the file to the platform', async () => {
    const file = { filename: 'needs.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: 'UEsDBA==', rows: 12 };
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

import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { NotificationDTO } from '@hg/types';
import { __storage } from '../../../../../test/mocks/taro';
import { notifications } from '../../../../services/notifications';
import { click, flush } from '../../../../test-utils';
import MessagesPage from './index';

jest.mock('../../../../services/notifications');

function message(id: number, overrides: Partial<NotificationDTO> = {}): NotificationDTO {
  return { id, title: `消息${id}`, body: '内容', subjectKind: null, subjectId: null, read: false, createdAt: '2025-03-01T08:30:00.000Z', ...overrides };
}

const list = notifications.list as jest.Mock;
const markRead = notifications.markRead as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  markRead.mockResolvedValue({ ok: true, data: { updated: 1 } });
});

async function renderWith(items: NotificationDTO[]) {
  list.mockResolvedValue({ ok: true, data: { items, nextCursor: null, unread: items.filter((n) => !n.read).length } });
  render(<MessagesPage />);
  await flush();
}

describe('消息中心', () => {
  it('opens a need message at the need, marking it read', async () => {
    await renderWith([message(1, { title: '需求已办结', subjectKind: 'need', subjectId: 42 })]);
    expect(screen.getByTestId('unread-count').textContent).toBe('1 条未读');
    await click(screen.getByRole('link', { name: /需求已办结/ }));
    expect(markRead).toHaveBeenCalledWith({ ids: [1] });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/needs/pages/detail/index?id=42' });
    expect(screen.getByTestId('unread-count').textContent).toBe('没有未读消息');
  });

  it('opens a membership message at 我的 (where the homes are listed)', async () => {
    await renderWith([message(2, { title: '房屋认证已通过', subjectKind: 'membership', subjectId: 5, read: true })]);
    await click(screen.getByRole('link', { name: /房屋认证已通过/ }));
    expect(markRead).not.toHaveBeenCalled();
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
  });

  it('marks a message about nothing read without leaving the page', async () => {
    await renderWith([message(3, { title: '系统通知' })]);
    expect(screen.queryByRole('link')).toBeNull();
    await click(screen.getByText('系统通知'));
    expect(markRead).toHaveBeenCalledWith({ ids: [3] });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});

import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RoleAssignmentDTO } from '@hg/types';
import { capabilitiesOf } from '@hg/types/roles';
import { __storage } from '../../../test/mocks/taro';
import { me } from '../../services/me';
import { notifications } from '../../services/notifications';
import { ROUTES } from '../../routes';
import { click, flush } from '../../test-utils';
import { profile } from '../../packages/needs/test-fixtures';
import MePage from './index';

jest.mock('../../services/me');
jest.mock('../../services/notifications');

const unitHead: RoleAssignmentDTO = { role: 'unit_head', roleLabel: '单元长', scopeLevel: 'unit', scopeId: 111, scopeName: '1栋1单元', organisation: null };
const buildingHead: RoleAssignmentDTO = {
  role: 'building_head',
  roleLabel: '楼栋长',
  scopeLevel: 'building',
  scopeId: 11,
  scopeName: '1栋',
  organisation: null,
};
const none = capabilitiesOf([]);

async function renderAs(data: ReturnType<typeof profile>) {
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data });
  render(<MePage />);
  await flush();
  await screen.findByText(data.name);
}

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  (notifications.list as jest.Mock).mockResolvedValue({ ok: true, data: { items: [], nextCursor: null, unread: 2 } });
});

describe('我的', () => {
  it('does not offer 居民认证审核 to a unit head the server does not let verify (刘桂芳)', async () => {
    await renderAs(profile({ name: '刘桂芳', roles: [unitHead], can: { ...none, fileForOthers: true, verifyHouseholds: false } }));
    expect(screen.getByText(/单元长/)).toBeTruthy();
    expect(screen.queryByText('居民认证审核')).toBeNull();
    expect(screen.queryByTestId('entry-verify')).toBeNull();
  });

  it('offers 居民认证审核 to a building head the server lets verify, and opens the queue', async () => {
    await renderAs(profile({ name: '赵建国', roles: [buildingHead], can: { ...none, fileForOthers: true, verifyHouseholds: true } }));
    await click(screen.getByTestId('entry-verify'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.verify });
  });

  it('follows `can`, not the roles: 二维码海报 only when printPosters is true', async () => {
    await renderAs(profile({ name: '杨晓燕', roles: [], can: { ...none, printPosters: true } }));
    expect(screen.getByTestId('entry-posters')).toBeTruthy();
    expect(screen.queryByTestId('entry-verify')).toBeNull();
  });

  it('offers 助餐核销 and 助餐管理 to centre staff only (can.runCareCentre)', async () => {
    await renderAs(profile({ name: '陈素华', roles: [], can: { ...none, runCareCentre: true } }));
    await click(screen.getByTestId('entry-meal-counter'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.bookingCounter });
    await click(screen.getByTestId('entry-meal-console'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.bookingConsole });
  });

  it('shows no 助餐 staff entries to residents', async () => {
    await renderAs(profile({ name: '杨晓燕', roles: [], can: none }));
    expect(screen.queryByTestId('entry-meal-counter')).toBeNull();
    expect(screen.queryByTestId('entry-meal-console')).toBeNull();
  });

  it('offers 定时任务 to the city admin only (can.timerStatus), in the admin subpackage', async () => {
    await renderAs(profile({ name: '林峰', roles: [], can: { ...none, timerStatus: true } }));
    await click(screen.getByTestId('entry-timers'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/timers/index' });
  });

  it('shows no 定时任务 to community staff', async () => {
    await renderAs(profile({ name: '杨晓燕', roles: [], can: { ...capabilitiesOf([{ role: 'community_staff' }]) } }));
    expect(screen.queryByTestId('entry-timers')).toBeNull();
    expect(screen.queryByText('定时任务')).toBeNull();
  });

  it('opens 消息中心 in the 我的 subpackage, with the unread count', async () => {
    await renderAs(profile());
    expect(screen.getByTestId('entry-messages').textContent).toContain('2条未读');
    await click(screen.getByTestId('entry-messages'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/messages/index' });
  });
});

import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MembershipDTO, RoleAssignmentDTO } from '@hg/types';
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
let mockSignedIn = true;
jest.mock('../../services/platform', () => ({ ...jest.requireActual('../../services/platform'), hasIdentity: () => mockSignedIn }));

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
  mockSignedIn = true;
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

  it('offers 城市配置 to the city admin only (can.citySettings), in the admin subpackage', async () => {
    await renderAs(profile({ name: '林峰', roles: [], can: capabilitiesOf([{ role: 'admin' }]) }));
    await click(screen.getByTestId('entry-settings'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/settings/index' });
  });

  it('shows no 城市配置 to community staff', async () => {
    await renderAs(profile({ name: '杨晓燕', roles: [], can: capabilitiesOf([{ role: 'community_staff' }]) }));
    expect(screen.queryByTestId('entry-settings')).toBeNull();
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

describe('我的 shows each role what it can use (entries from the manifests)', () => {
  const home = (status: MembershipDTO['status']): MembershipDTO => ({
    id: 40,
    householdId: 400,
    status,
    statusLabel: status === 'verified' ? '已认证' : '待审核',
    relation: 'owner',
    compound: { id: 3, name: '锦屏花园' },
    building: { id: 11, name: '1栋' },
    unit: { id: 111, name: '1单元' },
    room: '201',
    address: '1栋2单元201',
    rejectReason: null,
    createdAt: '2030-03-01T02:00:00.000Z',
    verifiedAt: null,
  });
  const staff: RoleAssignmentDTO = {
    role: 'community_staff',
    roleLabel: '社区工作人员',
    scopeLevel: 'community',
    scopeId: 2,
    scopeName: '南街社区',
    organisation: null,
  };
  const headings = () => screen.queryAllByRole('heading').map((h) => h.textContent);

  it('a community clerk who lives elsewhere sees her work under a heading per domain, and no resident entries', async () => {
    await renderAs(profile({ name: '杨晓燕', roles: [staff], verifiedResident: false, can: capabilitiesOf([staff]) }));
    for (const id of ['entry-bind', 'entry-my-meals', 'entry-family', 'entry-rate-firm', 'me-resident']) expect(screen.queryByTestId(id)).toBeNull();
    expect(screen.queryByText('我的房屋')).toBeNull();
    expect(headings()).toEqual(expect.arrayContaining(['我的工作', '居民认证', '小区管理', '需求办理', '物业评星']));
    const needsWork = within(screen.getByRole('navigation', { name: '需求办理' }));
    expect(needsWork.getAllByRole('button').map((b) => b.textContent?.replace('›', ''))).toEqual(['派单台', '升级待办', '代办点单', '数据看板']);
    await click(screen.getByTestId('entry-console'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.needConsole });
    // Everyone's entries stay.
    expect(screen.getByTestId('entry-messages')).toBeTruthy();
    expect(screen.getByTestId('entry-firm-board')).toBeTruthy();
  });

  it('centre staff see 助餐服务 and 场地与活动 work only, without 我的订餐 or 为家人订餐', async () => {
    const care: RoleAssignmentDTO = { ...staff, role: 'care_staff', roleLabel: '照料中心工作人员' };
    await renderAs(profile({ name: '郑红梅', roles: [care], verifiedResident: false, can: capabilitiesOf([care]) }));
    expect(screen.queryByTestId('entry-my-meals')).toBeNull();
    expect(screen.queryByTestId('entry-family')).toBeNull();
    expect(
      within(screen.getByTestId('me-work'))
        .getAllByRole('navigation')
        .map((n) => n.getAttribute('aria-label')),
    ).toEqual(['助餐服务', '场地与活动']);
  });

  it('a building head with a home sees both: 居民服务 and his work', async () => {
    await renderAs(profile({ name: '陈志强', roles: [buildingHead], memberships: [home('verified')], can: capabilitiesOf([buildingHead]) }));
    const resident = within(screen.getByTestId('me-resident'));
    expect(resident.getAllByRole('button').map((b) => b.textContent?.replace('›', ''))).toEqual([
      '绑定房屋',
      '我的订餐',
      '为家人订餐',
      '场地与活动',
      '我的预约',
      '评价物业',
      '小区议事',
    ]);
    expect(screen.getByText('我的房屋')).toBeTruthy();
    expect(screen.getByTestId('entry-verify')).toBeTruthy();
    expect(screen.getByTestId('entry-ladder')).toBeTruthy();
  });

  it('a brand-new user (no role, no home) finds 绑定房屋, and no work heading', async () => {
    await renderAs(profile({ name: '新用户', verifiedResident: false }));
    await click(screen.getByTestId('entry-bind'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.bind });
    expect(screen.queryByTestId('entry-rate-firm')).toBeNull();
    expect(screen.queryByTestId('me-work')).toBeNull();
  });

  it('before signing in: 绑定房屋 and 物业星级榜, nothing that needs an account', async () => {
    mockSignedIn = false;
    render(<MePage />);
    await flush();
    expect(screen.getByTestId('entry-bind')).toBeTruthy();
    expect(screen.getByTestId('entry-firm-board')).toBeTruthy();
    for (const id of ['entry-messages', 'entry-my-meals', 'entry-family', 'me-work']) expect(screen.queryByTestId(id)).toBeNull();
    expect(me.get).not.toHaveBeenCalled();
  });
});

import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CompoundHomeDTO, Envelope, MeDTO, MembershipDTO, NeedCategoryDTO, RoleAssignmentDTO } from '@hg/types';
import { capabilitiesOf } from '@hg/types/roles';
import { __storage } from '../../../test/mocks/taro';
import { community } from '../../services/community';
import { me } from '../../services/me';
import { needs } from '../../services/needs';
import { households } from '../../services/households';
import { bookings } from '../../services/bookings';
import { deliberation } from '../../services/deliberation';
import { booking } from '../../packages/bookings/test-fixtures';
import { ROUTES } from '../../routes';
import { click, flush } from '../../test-utils';
import HomePage from './index';
import { compoundHome, FIRM } from '../../components/CompoundHome/test-fixtures';

jest.mock('../../services/community');
jest.mock('../../services/me');
jest.mock('../../services/needs');
jest.mock('../../services/households');
jest.mock('../../services/notifications');
jest.mock('../../services/bookings');
jest.mock('../../services/deliberation');
jest.mock('../../services/platform', () => ({
  PLATFORM: { demoLogin: true, pickCompoundFromList: true, canPrint: false, canScan: false },
  hasIdentity: () => true,
}));

const compound = compoundHome({
  propertyFirm: FIRM,
  services: [{ id: 21, name: '管网疏通服务队', kind: 'service_team', kindLabel: '专业服务队', hotline: '0817-6220021' }],
});

const category = (id: number, code: string, name: string): NeedCategoryDTO =>
  ({
    id,
    code,
    name,
    icon: '🔧',
    list: 'need',
    listLabel: '需求清单',
    dispatchMode: 'assign',
    partyClaimable: false,
    acceptSlaHours: 24,
    resolveSlaHours: 72,
  }) satisfies NeedCategoryDTO;

const categories = [
  category(1, 'suggestion', '意见建议'),
  category(2, 'repair', '公共维修'),
  category(3, 'pipe', '管网疏通'),
  category(4, 'elderly', '助老服务'),
  category(5, 'appliance', '家电维修'),
];

function membership(status: MembershipDTO['status'], compoundId = 3): MembershipDTO {
  return {
    id: 40,
    householdId: 400,
    status,
    statusLabel: status === 'pending' ? '待审核' : status === 'verified' ? '已认证' : '未通过',
    relation: 'owner',
    compound: { id: compoundId, name: '锦屏花园' },
    building: { id: 11, name: '1栋' },
    unit: { id: 111, name: '1单元' },
    room: '502',
    address: '1栋1单元502',
    rejectReason: null,
    createdAt: '2030-03-01T02:00:00.000Z',
    verifiedAt: null,
  };
}

async function renderHomeAs(memberships: MembershipDTO[], roles: RoleAssignmentDTO[] = [], compoundChosen = true) {
  if (compoundChosen) __storage.set('hg.currentCompoundId', 3);
  (community.listCompounds as jest.Mock).mockResolvedValue({ ok: true, data: [compound] });
  (community.getCompound as jest.Mock).mockResolvedValue({ ok: true, data: compound } satisfies Envelope<CompoundHomeDTO>);
  (needs.categories as jest.Mock).mockResolvedValue({ ok: true, data: categories } satisfies Envelope<NeedCategoryDTO[]>);
  (me.get as jest.Mock).mockResolvedValue({
    ok: true,
    data: {
      id: 1,
      name: '王秀兰',
      phone: null,
      roles,
      memberships,
      verifiedResident: memberships.some((m) => m.status === 'verified'),
      can: capabilitiesOf(roles),
    } satisfies MeDTO,
  });
  render(<HomePage />);
  await flush(50);
}

/** The first full-width primary button on the page: what the eye and the thumb land on. */
const primary = () => document.querySelector('.btn--primary')?.textContent;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  (bookings.myNextMeal as jest.Mock).mockResolvedValue({ ok: true, data: { hasProfile: false, next: null, offers: [] } });
  (deliberation.list as jest.Mock).mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
});

describe('首页 小区议事 (a vote of the household is open)', () => {
  const open = {
    id: 7,
    title: '小区东门增设智能快递柜',
    status: 'voting' as const,
    statusLabel: '组织协商',
    scopeLevel: 'compound' as const,
    placeName: '锦屏花园',
    version: 1,
    opensAt: '2030-03-01T01:00:00.000Z',
    closesAt: '2030-03-08T12:00:00.000Z',
  };

  it('shows a verified resident 去投票 with the deadline, one tap to the matter', async () => {
    (deliberation.list as jest.Mock).mockResolvedValue({ ok: true, data: { items: [open], nextCursor: null } });
    await renderHomeAs([membership('verified')]);
    expect(deliberation.list).toHaveBeenCalledWith({ compoundId: 3, status: 'voting', limit: 5 });
    const go = screen.getByTestId('home-vote-7');
    expect(go.textContent).toMatch(/^去投票：小区东门增设智能快递柜(2030年)?3月8日 20:00 截止$/);
    await click(go);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.matter}?id=7` });
  });

  it('shows nothing when no vote is open, and never asks for a pending resident', async () => {
    await renderHomeAs([membership('verified')]);
    expect(screen.queryByTestId('home-vote')).toBeNull();
    jest.clearAllMocks();
    (deliberation.list as jest.Mock).mockResolvedValue({ ok: true, data: { items: [open], nextCursor: null } });
    (bookings.myNextMeal as jest.Mock).mockResolvedValue({ ok: true, data: { hasProfile: false, next: null, offers: [] } });
    await renderHomeAs([membership('pending')]);
    expect(deliberation.list).not.toHaveBeenCalled();
  });
});

describe('首页 我的助餐 (an elder with her own profile)', () => {
  const lunch = booking(900);
  const offered = booking(901, {
    status: 'offered',
    statusLabel: '候补到位，请确认',
    offerExpiresAt: '2030-03-05T04:30:00.000Z',
    slot: { ...booking(901).slot, title: '晚餐' },
  });

  it('shows nothing to someone without an elder profile', async () => {
    await renderHomeAs([membership('verified')]);
    expect(bookings.myNextMeal).toHaveBeenCalled();
    expect(screen.queryByTestId('home-meal')).toBeNull();
  });

  it('shows her next meal — day, sitting, centre, the counter code — and a seat offered from the waitlist, confirmed in one tap', async () => {
    (bookings.myNextMeal as jest.Mock).mockResolvedValue({ ok: true, data: { hasProfile: true, next: lunch, offers: [offered] } });
    (bookings.confirm as jest.Mock).mockResolvedValue({ ok: true, data: { ...offered, status: 'booked' } });
    await renderHomeAs([membership('verified')]);
    const next = screen.getByTestId('home-meal-next').textContent ?? '';
    expect(next).toContain(lunch.slot.title);
    expect(next).toContain(lunch.slot.centreName);
    expect(next).toContain(`核销码 ${lunch.code}`);
    const offer = within(screen.getByTestId('home-meal-offer-901'));
    expect(offer.getByText('您候补的这一餐有空位了！')).toBeTruthy();
    expect(offer.getByText(/请在 3月5日 12:30 前确认/)).toBeTruthy();
    (bookings.myNextMeal as jest.Mock).mockResolvedValue({ ok: true, data: { hasProfile: true, next: lunch, offers: [] } });
    await click(offer.getByTestId('home-meal-confirm-901'));
    await flush();
    expect(bookings.confirm).toHaveBeenCalledWith({ bookingId: 901 });
    expect(screen.queryByTestId('home-meal-offer-901')).toBeNull();
    expect(screen.getByTestId('home-meal-confirmed').textContent).toBe(`已为您订好：3月5日 周二 晚餐，核销码 ${offered.code}`);
  });

  it('says so when nothing is booked, with the way to book', async () => {
    (bookings.myNextMeal as jest.Mock).mockResolvedValue({ ok: true, data: { hasProfile: true, next: null, offers: [] } });
    await renderHomeAs([membership('verified')]);
    expect(screen.getByTestId('home-meal-none').textContent).toBe('近期没有订餐');
    await click(screen.getByTestId('home-meal-week'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.bookingWeek });
  });
});

describe('首页 first actions by where the person stands', () => {
  it('a stranger is asked to bind a home first, and can still ring the property firm', async () => {
    await renderHomeAs([]);
    expect(screen.getByTestId('resident-actions-stranger')).toBeTruthy();
    expect(primary()).toBe('绑定房屋');
    expect(screen.queryByText('我要点单')).toBeNull();
    expect(screen.getByRole('link', { name: '拨打 物业电话 0817-6220001' })).toBeTruthy();
    expect(needs.categories).not.toHaveBeenCalled();
    await click(screen.getByTestId('resident-bind'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bind}?compoundId=3` });
  });

  it('a verified resident files a need (common categories one tap away) or rings the hotline; 绑定房屋 is no longer primary', async () => {
    await renderHomeAs([membership('verified')]);
    const actions = within(screen.getByTestId('resident-actions-verified'));
    expect(primary()).toBe('我要点单');
    expect(actions.getByRole('link', { name: '拨打 物业电话 0817-6220001' })).toBeTruthy();
    expect(actions.queryByTestId('resident-bind')).toBeNull();
    expect(actions.getByTestId('resident-bind-more').className).not.toContain('btn--primary');
    // Repairs and pipes first, then whatever else is active, four in all.
    expect(actions.getAllByRole('button', { name: /^我要点单：/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      '我要点单：公共维修',
      '我要点单：管网疏通',
      '我要点单：家电维修',
      '我要点单：意见建议',
    ]);
    await click(actions.getByTestId('quick-category-pipe'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.needCreate}?compoundId=3&categoryId=3` });
    await click(actions.getByTestId('resident-create-need'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `${ROUTES.needCreate}?compoundId=3` });
  });

  it('a resident whose binding is pending sees 我要点单, the hotline and when the check will be done', async () => {
    await renderHomeAs([membership('pending')]);
    expect(screen.getByTestId('resident-actions-pending')).toBeTruthy();
    expect(primary()).toBe('我要点单');
    expect(screen.getByTestId('resident-pending-notice').textContent).toContain('一般在 2 个工作日内审核完成');
    expect(screen.getByTestId('resident-pending-notice').textContent).toContain('待核实');
    expect(screen.getByRole('link', { name: '拨打 物业电话 0817-6220001' })).toBeTruthy();
    expect(screen.queryByTestId('resident-bind')).toBeNull();
  });

  it('a binding verified in another compound does not make this one "mine"', async () => {
    await renderHomeAs([membership('verified', 99), membership('rejected')]);
    expect(primary()).toBe('绑定房屋');
  });

  it("shows the service teams' numbers as tappable links", async () => {
    await renderHomeAs([]);
    await click(screen.getByRole('link', { name: '拨打 管网疏通服务队 电话 0817-6220021' }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0817-6220021' });
  });
});

describe('首页 shows staff their work first', () => {
  const role = (r: RoleAssignmentDTO['role'], roleLabel: string): RoleAssignmentDTO => ({
    role: r,
    roleLabel,
    scopeLevel: 'community',
    scopeId: 2,
    scopeName: '南街社区',
    organisation: null,
  });
  const page = (n: number) => ({ ok: true, data: { items: Array.from({ length: n }, (_, i) => ({ id: i })), nextCursor: n >= 20 ? 'next' : null } });
  const tiles = () => within(screen.getByTestId('home-work')).getAllByRole('link');

  beforeEach(() => {
    (needs.queueCounts as jest.Mock).mockResolvedValue({ ok: true, data: { action: 7, submitted: 7, assigned: 2, working: 1, resolved: 0, all: 10 } });
    (needs.inboxCounts as jest.Mock).mockResolvedValue({ ok: true, data: { action: 3, dispatched: 1, working: 2, on_hold: 0, resolved: 5, all: 8 } });
    // 升级待办 is counted on the server now (ladderCounts), never peeked at as 20+.
    (needs.ladderCounts as jest.Mock).mockResolvedValue({ ok: true, data: { all: 27, overdue: 4 } });
    (needs.claimable as jest.Mock).mockResolvedValue(page(0));
    (households.verifyQueue as jest.Mock).mockResolvedValue(page(20));
  });

  it('a community clerk without a compound sees her work with what waits in each list, and the compound picker below', async () => {
    await renderHomeAs([], [role('community_staff', '社区工作人员')], false);
    expect(tiles().map((t) => t.getAttribute('data-testid'))).toEqual([
      'home-entry-verify',
      'home-entry-posters',
      'home-entry-console',
      'home-entry-ladder',
      'home-entry-proxy',
      'home-entry-dashboard',
      'home-entry-proxy-booking',
      'home-entry-subsidy-rollup',
      'home-entry-moderation',
      'home-entry-governance-work',
      'home-entry-party-review',
      'home-entry-party-hours',
      'home-entry-cobuilding',
      'home-entry-cobuilding-confirm',
      'home-entry-appointments',
    ]);
    expect(screen.getByTestId('home-entry-console-count').textContent).toBe('待派单 7');
    expect(screen.getByTestId('home-entry-verify-count').textContent).toBe('待审核 20+');
    expect(screen.getByTestId('home-entry-ladder-count').textContent).toBe('待处理 27');
    expect(needs.ladderCounts).toHaveBeenCalledWith({});
    expect(needs.ladder).not.toHaveBeenCalled();
    expect(needs.queueCounts).toHaveBeenCalledWith({});
    expect(households.verifyQueue).toHaveBeenCalledWith({ limit: 20 });
    await click(screen.getByTestId('home-entry-console'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.needConsole });
    // The picker is still there, below the work.
    expect(screen.getByRole('heading', { name: '选择小区' })).toBeTruthy();
    expect(screen.getByText('锦屏花园')).toBeTruthy();
  });

  it('property-firm staff see 接单箱 with its 待办 count', async () => {
    await renderHomeAs(
      [],
      [{ ...role('org_staff', '接单方工作人员'), organisation: { id: 9, name: '阆苑物业', kind: 'property_company' } } as RoleAssignmentDTO],
      false,
    );
    expect(tiles().map((t) => t.getAttribute('data-testid'))).toEqual(['home-entry-inbox']);
    expect(screen.getByTestId('home-entry-inbox-count').textContent).toBe('待办 3');
  });

  it('a building head with a home sees his work above his compound, with its first actions unchanged', async () => {
    await renderHomeAs([membership('verified')], [{ ...role('building_head', '楼栋长'), scopeLevel: 'building', scopeId: 11, scopeName: '1栋' }]);
    expect(tiles().map((t) => t.getAttribute('data-testid'))).toEqual([
      'home-entry-verify',
      'home-entry-ladder',
      'home-entry-proxy',
      'home-entry-proxy-booking',
      'home-entry-governance-work',
    ]);
    expect(screen.getByTestId('resident-actions-verified')).toBeTruthy();
    expect(primary()).toBe('我要点单');
  });

  it("a resident's home has no work panel and asks for no counts", async () => {
    await renderHomeAs([membership('verified')]);
    expect(screen.queryByTestId('home-work')).toBeNull();
    expect(needs.queueCounts).not.toHaveBeenCalled();
    expect(households.verifyQueue).not.toHaveBeenCalled();
  });
});

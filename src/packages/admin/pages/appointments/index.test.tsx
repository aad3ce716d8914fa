import { render, screen, within } from '@testing-library/react';
import type { AppointmentDTO, AppointmentsDTO } from '@hg/types';
import { appointments } from '../../../../services/appointments';
import { click, flush, typeInto } from '../../../../test-utils';
import AppointmentsPage from './index';

jest.mock('../../../../services/appointments');

const list = appointments.list as jest.Mock;
const appoint = appointments.appoint as jest.Mock;
const revoke = appointments.revoke as jest.Mock;

const at = new Date(Date.UTC(new Date().getUTCFullYear(), 2, 5, 2, 0)).toISOString(); // 10:00 Beijing

function post(over: Partial<AppointmentDTO> = {}): AppointmentDTO {
  return {
    id: 1,
    role: 'building_head',
    roleLabel: '楼栋长',
    scopeLevel: 'building',
    scopeId: 11,
    placeName: '锦屏花园1栋',
    organisation: null,
    person: { id: 5, name: '陈志强', phone: '100****0012' },
    appointedAt: null,
    appointedBy: null,
    note: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    can: ['revoke'],
    ...over,
  };
}

const tree: AppointmentsDTO['tree'] = [
  {
    level: 'compound',
    id: 1,
    name: '锦屏花园',
    children: [
      { level: 'building', id: 11, name: '1栋', children: [{ level: 'unit', id: 111, name: '1单元', children: [] }] },
      { level: 'building', id: 12, name: '2栋', children: [{ level: 'unit', id: 121, name: '1单元', children: [] }] },
    ],
  },
];

function listed(over: Partial<AppointmentsDTO> = {}): AppointmentsDTO {
  return {
    place: { level: 'community', id: 3, name: '南街社区' },
    places: [{ level: 'community', id: 3, name: '南街社区' }],
    active: [
      post(),
      post({ id: 2, role: 'grid_worker', roleLabel: '网格员', scopeLevel: 'community', scopeId: 3, placeName: '南街社区', person: { id: 6, name: '张丽', phone: null }, can: ['revoke'] }),
      post({ id: 3, role: 'community_staff', roleLabel: '社区工作人员', scopeLevel: 'community', scopeId: 3, placeName: '南街社区', person: { id: 7, name: '杨晓燕', phone: null }, can: [] }),
    ],
    history: [
      post({
        id: 9,
        person: { id: 8, name: '孙建军', phone: null },
        placeName: '锦屏花园2栋',
        appointedAt: at,
        appointedBy: { id: 7, name: '杨晓燕' },
        endedAt: at,
        endedBy: { id: 7, name: '杨晓燕' },
        endReason: '搬离本楼',
        can: [],
      }),
    ],
    tree,
    appointable: [
      { role: 'building_head', roleLabel: '楼栋长', level: 'building', organisations: [] },
      { role: 'grid_worker', roleLabel: '网格员', level: 'community', organisations: [] },
      { role: 'care_staff', roleLabel: '日间照料中心工作人员', level: 'community', organisations: [{ id: 40, name: '南街社区日间照料中心' }] },
    ],
    ...over,
  };
}

async function renderPage() {
  render(<AppointmentsPage />);
  await flush();
  await screen.findByTestId('appt-active');
}
const choose = async (groupLabel: string, option: string) => {
  const group = screen.getByRole('radiogroup', { name: groupLabel });
  await click(within(group).getByText(option));
};

describe('人员任命', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    list.mockResolvedValue({ ok: true, data: listed() });
  });

  it('lists the people in posts by role, 撤销 only where the level above may, and the history with who ended it and why', async () => {
    await renderPage();
    expect(list).toHaveBeenCalledWith({});
    expect(screen.getByTestId('appt-group-community_staff').textContent).toContain('社区工作人员（1人）');
    expect(screen.getByTestId('appt-group-building_head').textContent).toContain('陈志强（100****0012）');
    expect(screen.getByTestId('post-1').textContent).toContain('初始设置');
    expect(screen.queryByTestId('post-1-revoke')).not.toBeNull();
    expect(screen.queryByTestId('post-3-revoke')).toBeNull();
    const ended = screen.getByTestId('history-9').textContent!;
    expect(ended).toContain('孙建军');
    expect(ended).toContain('杨晓燕 任命于');
    expect(ended).toContain('撤销于');
    expect(ended).toContain('搬离本楼');
  });

  it('revokes with a reason asked in place, then reloads', async () => {
    revoke.mockResolvedValue({ ok: true, data: post({ endedAt: at, endReason: '年龄原因', can: [] }) });
    await renderPage();
    await click(screen.getByTestId('post-1-revoke'));
    await click(screen.getByTestId('post-1-confirm'));
    expect(revoke).not.toHaveBeenCalled();
    expect(screen.getByTestId('post-1-reason-error').textContent).toContain('请填写撤销原因');
    await typeInto(await screen.findByLabelText('撤销 陈志强 的楼栋长职务的原因'), '年龄原因');
    list.mockResolvedValue({ ok: true, data: listed({ active: [] }) });
    const loads = list.mock.calls.length;
    await click(screen.getByTestId('post-1-confirm'));
    expect(revoke).toHaveBeenCalledWith({ id: 1, reason: '年龄原因' });
    await flush();
    expect(screen.getByTestId('appt-done').textContent).toBe('已撤销 陈志强 的楼栋长职务');
    expect(list.mock.calls.length).toBe(loads + 1);
    expect(screen.queryByTestId('post-1')).toBeNull();
  });

  it('appoints a building head by phone, offering 接替现任 where the place has one', async () => {
    appoint.mockResolvedValue({ ok: true, data: post({ id: 20, person: { id: 9, name: '钱玉兰', phone: '139****0001' }, placeName: '锦屏花园2栋' }) });
    await renderPage();
    // The form waits behind 任命新人员 at the top, above the list of posts.
    expect(screen.queryByTestId('appoint-form')).toBeNull();
    await click(screen.getByTestId('appt-open'));
    await click(screen.getByTestId('appoint-submit'));
    expect(appoint).not.toHaveBeenCalled();
    expect(screen.getByTestId('appoint-post-error').textContent).toBe('请选择岗位');

    await choose('岗位', '楼栋长');
    await choose('小区', '锦屏花园');
    await choose('楼栋', '1栋');
    expect(screen.getByTestId('appoint-holder').textContent).toContain('现任楼栋长：陈志强');
    expect(screen.getByTestId('appoint-submit').textContent).toBe('接替现任并任命');
    await choose('楼栋', '2栋');
    expect(screen.queryByTestId('appoint-holder')).toBeNull();
    await typeInto(await screen.findByLabelText('被任命人的手机号（本人登录小程序时填写的）'), '13900000001');
    await click(screen.getByTestId('appoint-submit'));
    expect(appoint).toHaveBeenCalledWith({ role: 'building_head', scopeLevel: 'building', scopeId: 12, phone: '13900000001' });
    await flush();
    expect(screen.getByTestId('appt-done').textContent).toBe('已任命 钱玉兰 为锦屏花园2栋楼栋长');
    // Done: the form folds away again.
    expect(screen.queryByTestId('appoint-form')).toBeNull();
    expect(screen.getByTestId('appt-open')).toBeTruthy();
  });

  it('sends replace for a place with a head, the organisation for centre staff, and shows the server’s field error by its field', async () => {
    appoint.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: '没有找到使用该手机号的用户，请其先登录小程序并填写手机号', details: { field: 'phone' } } });
    await renderPage();
    await click(screen.getByTestId('appt-open'));
    await choose('岗位', '日间照料中心工作人员');
    await typeInto(await screen.findByLabelText('被任命人的手机号（本人登录小程序时填写的）'), '13900000002');
    await click(screen.getByTestId('appoint-submit'));
    expect(appoint).not.toHaveBeenCalled();
    expect(screen.getByTestId('appoint-org-error').textContent).toBe('请选择所在单位');
    await choose('所在单位', '南街社区日间照料中心');
    await click(screen.getByTestId('appoint-submit'));
    expect(appoint).toHaveBeenLastCalledWith({ role: 'care_staff', scopeLevel: 'community', scopeId: 3, organisationId: 40, phone: '13900000002' });
    expect(screen.getByTestId('appoint-phone-error').textContent).toContain('没有找到使用该手机号的用户');

    appoint.mockResolvedValueOnce({ ok: true, data: post({ id: 21 }) });
    await choose('岗位', '楼栋长');
    await choose('小区', '锦屏花园');
    await choose('楼栋', '1栋');
    await click(screen.getByTestId('appoint-submit'));
    expect(appoint).toHaveBeenLastCalledWith({ role: 'building_head', scopeLevel: 'building', scopeId: 11, phone: '13900000002', replace: true });
  });

  it('switches between the places the caller appoints in', async () => {
    list.mockResolvedValue({
      ok: true,
      data: listed({ places: [{ level: 'community', id: 3, name: '南街社区' }, { level: 'community', id: 4, name: '内东街社区' }] }),
    });
    await renderPage();
    await choose('街道 / 社区', '内东街社区');
    expect(list).toHaveBeenLastCalledWith({ level: 'community', id: 4 });
  });
});

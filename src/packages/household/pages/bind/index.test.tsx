import { render, screen, waitFor } from '@testing-library/react';
import type { BuildingDTO, Envelope, MembershipDTO } from '@hg/types';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { community } from '../../../../services/community';
import { households } from '../../../../services/households';
import { requestSubscribe } from '../../../../services/subscribe';
import { click, flush, typeInto } from '../../../../test-utils';
import BindPage from './index';

jest.mock('../../../../services/community');
jest.mock('../../../../services/households');
jest.mock('../../../../services/subscribe');

const buildings: BuildingDTO[] = [
  {
    id: 11,
    name: '1栋',
    code: 'B1',
    units: [
      { id: 111, name: '1单元' },
      { id: 112, name: '2单元' },
    ],
  },
  { id: 12, name: '2栋', code: 'B2', units: [{ id: 121, name: '1单元' }] },
];

const bind = households.bind as jest.Mock;

async function renderForm() {
  __setRouter('/packages/household/pages/bind/index', { compoundId: '1', buildingId: '11' });
  (community.listBuildings as jest.Mock).mockResolvedValue({ ok: true, data: buildings } satisfies Envelope<BuildingDTO[]>);
  render(<BindPage />);
  await flush();
}

async function fillValidForm() {
  await click(screen.getByRole('radio', { name: '2单元' }));
  await typeInto(await screen.findByLabelText('房号'), '502');
  await typeInto(await screen.findByLabelText('姓名'), '张秀英');
  await typeInto(await screen.findByLabelText('手机号'), '19900001234');
  await click(screen.getByRole('radio', { name: '业主' }));
}

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
});

describe('绑定房屋 form', () => {
  it('prefills the scanned building and lists its units', async () => {
    await renderForm();
    expect(screen.getByRole('radio', { name: '1栋' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radio', { name: '2单元' })).toBeTruthy();
  });

  it('shows the Chinese validation error next to the field and does not call the service', async () => {
    await renderForm();
    await fillValidForm();
    await typeInto(await screen.findByLabelText('手机号'), '12345');

    await click(screen.getByRole('button', { name: '提交认证' }));
    expect(screen.getByTestId('bind-phone-error').textContent).toBe('请填写11位手机号');
    // stencil re-renders the inner <input> asynchronously
    await waitFor(() => expect(screen.getByLabelText('手机号').getAttribute('aria-invalid')).toBe('true'));
    expect(bind).not.toHaveBeenCalled();
  });

  it('asks for every missing field at once', async () => {
    await renderForm();
    await click(screen.getByRole('button', { name: '提交认证' }));
    expect(screen.getByTestId('bind-unit-error').textContent).toBe('请选择单元');
    expect(screen.getByTestId('bind-room-error').textContent).toBe('请填写房号');
    expect(screen.getByTestId('bind-name-error').textContent).toBe('请填写姓名');
    expect(screen.getByTestId('bind-relation-error').textContent).toBe('请选择与住户的关系');
    expect(bind).not.toHaveBeenCalled();
  });

  it('shows a server INVALID_INPUT error next to the field it names', async () => {
    bind.mockResolvedValue({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '该房号不存在，请核对', details: { field: 'room' } },
    });
    await renderForm();
    await fillValidForm();

    await click(screen.getByRole('button', { name: '提交认证' }));

    expect(bind).toHaveBeenCalledWith({
      compoundId: 1,
      buildingId: 11,
      unitId: 112,
      room: '502',
      name: '张秀英',
      phone: '19900001234',
      relation: 'owner',
    });
    expect(screen.getByTestId('bind-room-error').textContent).toBe('该房号不存在，请核对');
  });

  it('confirms the submission is waiting for review', async () => {
    const membership = {
      id: 5,
      householdId: 77,
      status: 'pending',
      statusLabel: '待审核',
      relation: 'owner',
      compound: { id: 1, name: '锦屏小区' },
      building: { id: 11, name: '1栋' },
      unit: { id: 112, name: '2单元' },
      room: '502',
      address: '1栋2单元502',
      rejectReason: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      verifiedAt: null,
    } satisfies MembershipDTO;
    bind.mockResolvedValue({ ok: true, data: membership });
    await renderForm();
    await fillValidForm();

    await click(screen.getByRole('button', { name: '提交认证' }));

    // Consent for the 审核结果 message is asked inside the tap, before the binding is filed.
    expect(requestSubscribe).toHaveBeenCalledWith(['membership_update']);
    expect((requestSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeLessThan(bind.mock.invocationCallOrder[0]);
    expect(screen.getByRole('status').textContent).toBe('已提交，等待楼栋长或社区审核');
  });
});

describe('绑定房屋 draft', () => {
  it('a newcomer’s form comes back after the login redirect, as the signed-in person’s own (H5)', async () => {
    // Not signed in: the submit is refused and the app sends the newcomer to the login.
    bind.mockResolvedValue({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    __setRouter('/packages/household/pages/bind/index', { compoundId: '1', buildingId: '11' });
    (community.listBuildings as jest.Mock).mockResolvedValue({ ok: true, data: buildings });
    const anonymous = render(<BindPage />);
    await flush();
    await fillValidForm();
    await click(screen.getByRole('button', { name: '提交认证' }));
    anonymous.unmount();

    // Back from the login, signed in: the page opens again with everything filled in.
    __storage.set('hg.session.user', { id: 31, name: '张秀英' });
    await renderForm();
    expect(screen.getByTestId('bind-draft-restored')).toBeTruthy();
    expect(((await screen.findByLabelText('房号')) as HTMLInputElement).value).toBe('502');
    expect(((await screen.findByLabelText('姓名')) as HTMLInputElement).value).toBe('张秀英');
    expect(((await screen.findByLabelText('手机号')) as HTMLInputElement).value).toBe('19900001234');
    expect(screen.getByRole('radio', { name: '2单元' }).getAttribute('aria-checked')).toBe('true');
    // Now the person's draft; the anonymous copy is gone, so nobody signing in later gets it.
    expect([...__storage.keys()].filter((k) => k.startsWith('hg.draft.'))).toEqual(['hg.draft.u31.household-bind:1']);
  });

  it('comes back after leaving the page and is gone once submitted', async () => {
    bind.mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message: '您已提交过该房屋的认证' } });
    __setRouter('/packages/household/pages/bind/index', { compoundId: '1', buildingId: '11' });
    (community.listBuildings as jest.Mock).mockResolvedValue({ ok: true, data: buildings });
    const first = render(<BindPage />);
    await flush();
    await fillValidForm();
    first.unmount();

    await renderForm();
    expect(screen.getByTestId('bind-draft-restored')).toBeTruthy();
    expect(((await screen.findByLabelText('房号')) as HTMLInputElement).value).toBe('502');
    expect(((await screen.findByLabelText('姓名')) as HTMLInputElement).value).toBe('张秀英');
    expect(screen.getByRole('radio', { name: '2单元' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radio', { name: '业主' }).getAttribute('aria-checked')).toBe('true');

    // A refusal keeps the draft; success clears it.
    await click(screen.getByRole('button', { name: '提交认证' }));
    expect([...__storage.keys()].some((k) => k.startsWith('hg.draft.'))).toBe(true);
    bind.mockResolvedValue({
      ok: true,
      data: { id: 5, status: 'pending', statusLabel: '待审核', relation: 'owner', compound: { id: 1, name: '锦屏小区' }, address: '1栋2单元502' },
    });
    await click(screen.getByRole('button', { name: '提交认证' }));
    expect([...__storage.keys()].some((k) => k.startsWith('hg.draft.'))).toBe(false);
  });
});

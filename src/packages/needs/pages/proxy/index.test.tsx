import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BuildingDTO } from '@hg/types';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { households } from '../../../../services/households';
import { setCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import ProxyNeedPage from './index';

jest.mock('../../../../services/households');

const lookup = households.lookup as jest.Mock;

const places = households.places as jest.Mock;
const compounds = [
  { id: 1, name: '锦屏花园' },
  { id: 2, name: '南湖小区' },
];

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

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.needProxy);
  setCurrentCompoundId(1);
  places.mockImplementation(async ({ compoundId }: { compoundId?: number }) => ({ ok: true, data: { compounds, buildings: compoundId ? buildings : [] } }));
  lookup.mockResolvedValue({ ok: true, data: { householdId: 9, address: '锦屏花园2栋1单元101', verifiedMembers: 2 } });
});

async function renderPage() {
  render(<ProxyNeedPage />);
  await flush();
}

async function pickRoom(room = '101') {
  await click(screen.getByRole('radio', { name: '2栋' }));
  await click(screen.getByRole('radio', { name: '1单元' }));
  await typeInto(await screen.findByLabelText('房号'), room);
}

describe('代办点单', () => {
  it('starts in the current compound and lists its buildings', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { name: '代办点单' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '锦屏花园' }).getAttribute('aria-checked')).toBe('true');
    expect(places).toHaveBeenCalledWith({ compoundId: 1 });
    expect(screen.getByRole('radio', { name: '1栋' })).toBeTruthy();
  });

  it('offers only the places in the helper scope and drops a remembered compound outside it', async () => {
    places.mockImplementation(async ({ compoundId }: { compoundId?: number }) => ({
      ok: true,
      data: { compounds: [{ id: 2, name: '南湖小区' }], buildings: compoundId === 2 ? [buildings[1]] : [] },
    }));
    await renderPage();
    expect(screen.queryByRole('radio', { name: '锦屏花园' })).toBeNull();
    expect(screen.getByRole('radio', { name: '南湖小区' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByRole('radio', { name: '1栋' })).toBeNull();
    expect(screen.getByRole('radio', { name: '2栋' })).toBeTruthy();
  });

  it('looks up the picked room, shows its address and files for it on 我要点单', async () => {
    await renderPage();
    await pickRoom();
    await click(screen.getByTestId('proxy-next'));

    expect(lookup).toHaveBeenCalledWith({ unitId: 121, room: '101' });
    expect(screen.getByTestId('proxy-address').textContent).toBe('锦屏花园2栋1单元101');
    expect(screen.getByTestId('proxy-members').textContent).toBe('该户已有 2 位认证居民，他们也会收到进度');

    await click(screen.getByRole('button', { name: '为该户点单' }));
    const url = (Taro.navigateTo as jest.Mock).mock.calls[0][0].url as string;
    expect(url.split('?')[0]).toBe(ROUTES.needCreate);
    const query = new URLSearchParams(url.split('?')[1]);
    expect(query.get('householdId')).toBe('9');
    expect(query.get('address')).toBe('锦屏花园2栋1单元101');
    expect(query.get('compoundId')).toBe('1');
  });

  it('says so when nobody in the room uses the app', async () => {
    lookup.mockResolvedValue({ ok: true, data: { householdId: 10, address: '锦屏花园1栋2单元502', verifiedMembers: 0 } });
    await renderPage();
    await click(screen.getByRole('radio', { name: '1栋' }));
    await click(screen.getByRole('radio', { name: '2单元' }));
    await typeInto(await screen.findByLabelText('房号'), '502');
    await click(screen.getByTestId('proxy-next'));
    expect(lookup).toHaveBeenCalledWith({ unitId: 112, room: '502' });
    expect(screen.getByTestId('proxy-members').textContent).toBe('该户暂无认证居民');
  });

  it('checks the room before calling the server', async () => {
    await renderPage();
    await click(screen.getByTestId('proxy-next'));
    expect(screen.getByTestId('proxy-building-error').textContent).toBe('请选择楼栋');
    expect(screen.getByTestId('proxy-room-error').textContent).toBe('请填写房号');

    await pickRoom('5#02');
    await click(screen.getByTestId('proxy-next'));
    expect(screen.getByTestId('proxy-room-error').textContent).toBe('房号只能包含数字、字母和-');
    expect(lookup).not.toHaveBeenCalled();
  });

  it('shows the server refusal and offers no filing', async () => {
    lookup.mockResolvedValue({ ok: false, error: { code: 'FORBIDDEN', message: '只有网格员、楼栋长或社区工作人员可以代办' } });
    await renderPage();
    await pickRoom();
    await click(screen.getByTestId('proxy-next'));
    expect(screen.getByTestId('proxy-error').textContent).toBe('只有网格员、楼栋长或社区工作人员可以代办');
    expect(screen.queryByTestId('proxy-file')).toBeNull();
  });

  it('forgets the found room when the room number changes', async () => {
    await renderPage();
    await pickRoom();
    await click(screen.getByTestId('proxy-next'));
    expect(screen.getByTestId('proxy-file')).toBeTruthy();
    await typeInto(screen.getByLabelText('房号'), '102');
    expect(screen.queryByTestId('proxy-file')).toBeNull();
    expect(screen.getByTestId('proxy-next')).toBeTruthy();
  });
});

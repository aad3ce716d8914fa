import { act, render, screen } from '@testing-library/react';
import { BOOKING_RULES } from '@hg/types/bookings';
import Taro from '@tarojs/taro';
import { localYear } from '@hg/types/local-time';
import { capabilitiesOf } from '@hg/types/roles';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { me } from '../../../../services/me';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import { profile } from '../../../needs/test-fixtures';
import { elder } from '../../test-fixtures';
import RegisterPage from './index';

jest.mock('../../../../services/bookings');
jest.mock('../../../../services/me');

const svc = bookings as jest.Mocked<typeof bookings>;
const none = capabilitiesOf([]);

async function renderAs(staff: boolean) {
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile({ can: { ...none, runCareCentre: staff } }) });
  render(<RegisterPage />);
  await flush();
}

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingRegister, { centreId: '7' });
  svc.registerElder.mockResolvedValue({ ok: true, data: elder() });
});

describe('助餐建档', () => {
  it('sends the elder’s own profile and goes on to the menu', async () => {
    await renderAs(false);
    expect(screen.queryByLabelText('老人姓名')).toBeNull();
    await typeInto(await screen.findByLabelText('出生年份'), '1944');
    await click(screen.getByRole('checkbox', { name: '独居 / 空巢' }));
    await click(screen.getByRole('checkbox', { name: '软烂' }));
    await click(screen.getByRole('checkbox', { name: '低盐' }));
    await click(screen.getByRole('checkbox', { name: '低盐' }));
    await typeInto(await screen.findByLabelText('过敏食物（没有可不填）'), ' 花生 ');
    await click(screen.getByTestId('register-submit'));

    expect(svc.registerElder).toHaveBeenCalledWith({ centreId: 7, birthYear: 1944, livesAlone: true, dibao: false, tekun: false, diets: ['软烂'], allergies: '花生' });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `${ROUTES.bookingWeek}?centreId=7` });
  });

  it('checks the birth year (and the age) before calling the server', async () => {
    await renderAs(false);
    await click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('reg-birth-error').textContent).toBe('请填写4位出生年份，例如 1948');
    await typeInto(await screen.findByLabelText('出生年份'), String(localYear(new Date()) - 40));
    await click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('reg-birth-error').textContent).toBe('日间照料中心服务60岁以上的老人');
    expect(svc.registerElder).not.toHaveBeenCalled();
  });

  it('checks the rest with the request schema, and says the subsidy follows the city without naming an age', async () => {
    await renderAs(false);
    expect(screen.getByText(/可按本市标准享受助餐补贴/)).toBeTruthy();
    expect(screen.queryByText(/80岁/)).toBeNull();
    await typeInto(await screen.findByLabelText('出生年份'), '1950');
    await typeInto(await screen.findByLabelText('过敏食物（没有可不填）'), '花'.repeat(BOOKING_RULES.allergiesMax + 1));
    await click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('reg-allergies-error').textContent).toBe(`过敏不超过${BOOKING_RULES.allergiesMax}个字`);
    expect(screen.queryByTestId('reg-birth-error')).toBeNull();
    expect(svc.registerElder).not.toHaveBeenCalled();
  });

  it('puts a server INVALID_INPUT about 低保 under 家庭情况, and sends once however fast the taps come', async () => {
    let answer: (r: unknown) => void = () => undefined;
    svc.registerElder.mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
    await renderAs(false);
    await typeInto(await screen.findByLabelText('出生年份'), '1950');
    await click(screen.getByRole('checkbox', { name: '低保' }));
    await click(screen.getByTestId('register-submit'));
    await click(screen.getByTestId('register-submit'));
    expect(svc.registerElder).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('register-submit').textContent).toBe('提交中…');

    await act(async () => answer({ ok: false, error: { code: 'INVALID_INPUT', message: '低保须由中心核实后登记', details: { field: 'dibao' } } }));
    expect(screen.getByTestId('reg-situation-error').textContent).toBe('低保须由中心核实后登记');
    expect(screen.queryByTestId('register-error')).toBeNull();
    expect(screen.getByTestId('register-submit').textContent).toBe('完成建档');
    await click(screen.getByRole('checkbox', { name: '低保' }));
    expect(screen.queryByTestId('reg-situation-error')).toBeNull();
  });

  it('shows a server refusal', async () => {
    svc.registerElder.mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message: '您已在该中心建档' } });
    await renderAs(false);
    await typeInto(await screen.findByLabelText('出生年份'), '1950');
    await click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('register-error').textContent).toBe('您已在该中心建档');
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('lets centre staff register a walk-in with name and phone, then book for them', async () => {
    svc.registerElder.mockResolvedValue({ ok: true, data: elder({ id: 55, name: '张桂兰', age: 78, tier: 'dibao', tierLabel: '低保', tierFen: 600 }) });
    await renderAs(true);
    await click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('reg-name-error').textContent).toBe('请填写姓名');
    // An elder without a mobile is registered all the same: no phone is demanded.
    expect(screen.queryByTestId('reg-phone-error')).toBeNull();

    await typeInto(await screen.findByLabelText('老人姓名'), '张桂兰');
    await typeInto(await screen.findByLabelText('手机号（没有可不填）'), '13800000055');
    await typeInto(await screen.findByLabelText('出生年份'), '1948');
    await click(screen.getByRole('checkbox', { name: '低保' }));
    await click(screen.getByRole('checkbox', { name: '特困供养' }));
    await click(screen.getByTestId('register-submit'));
    expect(svc.registerElder).toHaveBeenCalledWith({
      centreId: 7,
      name: '张桂兰',
      phone: '13800000055',
      birthYear: 1948,
      livesAlone: false,
      dibao: true,
      tekun: true,
      diets: [],
    });
    expect(screen.getByTestId('register-done').textContent).toContain('已为 张桂兰 建档');
    await click(screen.getByTestId('register-book'));
    const url = (Taro.navigateTo as jest.Mock).mock.calls[0][0].url as string;
    expect(url.split('?')[0]).toBe(ROUTES.bookingWeek);
    const q = new URLSearchParams(url.split('?')[1]);
    expect([q.get('centreId'), q.get('elderId'), q.get('elderName')]).toEqual(['7', '55', '张桂兰']);
  });

  it('registers a walk-in without a mobile (a landline and a guardian instead), then links her son for her', async () => {
    svc.registerElder.mockResolvedValue({
      ok: true,
      data: elder({ id: 56, name: '李桂兰', phoneMasked: '', landlineMasked: '0817-***2333', guardian: { name: '李建军', phoneMasked: '100****0188' }, hasAccount: false }),
    });
    svc.staffLinkFamily.mockResolvedValue({
      ok: true,
      data: { id: 9, centreId: 7, elder: { id: 56, name: '李桂兰' }, member: { id: 40, name: '李建军', phoneMasked: '100****0188' }, relationNote: '儿子', status: 'verified', statusLabel: '已关联', createdAt: '2026-01-05T02:00:00.000Z' },
    });
    await renderAs(true);
    await typeInto(await screen.findByLabelText('老人姓名'), '李桂兰');
    await typeInto(await screen.findByLabelText('座机（没有可不填）'), '12345');
    await typeInto(await screen.findByLabelText('出生年份'), '1938');
    await click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('reg-landline-error').textContent).toContain('区号');
    expect(svc.registerElder).not.toHaveBeenCalled();
    await typeInto(await screen.findByLabelText('座机（没有可不填）'), '0817-6222333');
    await typeInto(await screen.findByLabelText('监护人手机号'), '10000000188');
    await click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('reg-guardian-error').textContent).toBe('请填写监护人姓名');
    await typeInto(await screen.findByLabelText('监护人姓名（没有可不填）'), '李建军');
    await click(screen.getByTestId('register-submit'));
    expect(svc.registerElder).toHaveBeenCalledWith(
      expect.objectContaining({ name: '李桂兰', landline: '0817-6222333', guardianName: '李建军', guardianPhone: '10000000188', birthYear: 1938 }),
    );
    expect(svc.registerElder.mock.calls[0][0]).not.toHaveProperty('phone');
    expect(screen.getByTestId('register-contact').textContent).toBe('座机 0817-***2333 · 监护人 李建军 100****0188');

    await typeInto(await screen.findByLabelText('家属手机号'), '10000000188');
    await typeInto(await screen.findByLabelText('与老人关系'), '儿子');
    await click(screen.getByTestId('staff-link-submit'));
    expect(svc.staffLinkFamily).toHaveBeenCalledWith({ elderId: 56, memberPhone: '10000000188', relationNote: '儿子' });
    expect(screen.getByTestId('staff-link-done').textContent).toContain('已关联家属 李建军');
  });
});

import { act, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { addDays, localDay } from '@hg/types/local-time';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import { centre, elder, link, serviceSlot, slot } from '../../test-fixtures';
import ConsolePage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingConsole);
  svc.centres.mockResolvedValue({ ok: true, data: [centre()] });
  svc.linkQueue.mockResolvedValue({ ok: true, data: [] });
  svc.closedDays.mockResolvedValue({ ok: true, data: [] });
  svc.week.mockResolvedValue({
    ok: true,
    data: [slot(101, { seats: { dineIn: { capacity: 30, left: 0 }, delivery: { capacity: 10, left: 4 } }, waitlisted: 2 })],
  });
  svc.elders.mockResolvedValue({ ok: true, data: { items: [elder({ id: 55, name: '张桂兰' })], nextCursor: null } });
  svc.saveSlot.mockResolvedValue({ ok: true, data: slot(102) });
});

async function renderPage() {
  render(<ConsolePage />);
  await flush();
}

/** Picks a time on the wheel the way the platform reports it: a `change` on the picker around the button. */
async function pickTime(testId: string, value: string) {
  const picker = screen.getByTestId(testId).closest('taro-picker-core');
  if (!picker) throw new Error(`no picker around ${testId}`);
  await act(async () => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }));
  });
}

describe('助餐管理', () => {
  it('复制上周: the confirm says how many sittings will be created and which are skipped, then copies', async () => {
    const from = localDay(new Date());
    svc.copyWeek
      .mockResolvedValueOnce({
        ok: true,
        data: {
          created: Array.from({ length: 12 }, (_, i) => ({ day: addDays(from, i % 7), sitting: i < 7 ? 'lunch' : 'dinner', title: '午餐', slotId: null })),
          skipped: [{ day: addDays(from, 2), sitting: 'lunch', title: '午餐', reason: '休息日' }],
        },
      })
      .mockResolvedValueOnce({ ok: true, data: { created: [], skipped: [] } });
    await renderPage();
    await click(screen.getByTestId('copy-week'));
    expect(svc.copyWeek).toHaveBeenCalledWith({ centreId: 7, from, dryRun: true });
    const dialog = screen.getByTestId('copy-dialog');
    expect(dialog.textContent).toContain('新增12个餐次');
    expect(dialog.textContent).toContain('跳过1个（休息日）');
    expect(svc.copyWeek).toHaveBeenCalledTimes(1);
    await click(screen.getByTestId('copy-dialog-yes'));
    expect(svc.copyWeek).toHaveBeenNthCalledWith(2, { centreId: 7, from });
    expect(screen.queryByTestId('copy-dialog')).toBeNull();
    expect(svc.week).toHaveBeenCalledTimes(2);
  });

  it('复制上周 cancelled at the confirm writes nothing; nothing to copy says so', async () => {
    svc.copyWeek.mockResolvedValue({ ok: true, data: { created: [{ day: '2030-03-04', sitting: 'lunch', title: '午餐', slotId: null }], skipped: [] } });
    await renderPage();
    await click(screen.getByTestId('copy-week'));
    await click(screen.getByTestId('copy-dialog-no'));
    expect(svc.copyWeek).toHaveBeenCalledTimes(1);
    svc.copyWeek.mockResolvedValue({ ok: true, data: { created: [], skipped: [{ day: '2030-03-04', sitting: 'lunch', title: '午餐', reason: '本周已有' }] } });
    await click(screen.getByTestId('copy-week'));
    expect(screen.getByTestId('copy-week-note').textContent).toContain('没有可以复制到这一周的餐次。跳过1个（本周已有）');
    expect(screen.queryByTestId('copy-dialog')).toBeNull();
  });

  it('设为休息日 asks for a reason, confirms how many booked elders will be told, closes, and the day reads 休息', async () => {
    const day = addDays(localDay(new Date()), 2);
    svc.closePreview.mockResolvedValue({ ok: true, data: { day, closed: false, sittings: 2, bookings: 5, elders: 4, told: 3, toCall: ['孙德明'] } });
    svc.closeDay.mockResolvedValue({ ok: true, data: { day, slots: 2, bookings: 5 } });
    await renderPage();
    await click(screen.getByTestId(`close-day-${day}`));
    await click(screen.getByTestId(`close-confirm-${day}`));
    expect(screen.getByText('请填写原因，例如 元旦')).toBeTruthy();
    expect(svc.closePreview).not.toHaveBeenCalled();
    // The Taro input renders its native field asynchronously: wait for it rather than race it.
    await typeInto(await screen.findByLabelText('休息原因'), '元旦');
    svc.closedDays.mockResolvedValue({ ok: true, data: [{ day, reason: '元旦' }] });
    await click(screen.getByTestId(`close-confirm-${day}`));
    expect(svc.closePreview).toHaveBeenCalledWith({ centreId: 7, day });
    const dialog = screen.getByTestId('close-dialog').textContent;
    expect(dialog).toContain('2个餐次停止供餐');
    expect(dialog).toContain('通知3位已预订的老人');
    expect(dialog).toContain('孙德明不用小程序、也没有关联家属，请电话告知');
    expect(svc.closeDay).not.toHaveBeenCalled();
    await click(screen.getByTestId('close-dialog-yes'));
    expect(svc.closeDay).toHaveBeenCalledWith({ centreId: 7, day, reason: '元旦' });
    expect(screen.getByTestId(`cons-rest-${day}`).textContent).toContain('休息：元旦');
    expect(screen.queryByTestId(`close-day-${day}`)).toBeNull();
  });

  it('撤销休息日 says the withdrawn sittings and cancelled bookings stay so, reopens, and offers 复制上周 and 新增餐次 on that day', async () => {
    const day = addDays(localDay(new Date()), 3);
    svc.closedDays.mockResolvedValue({ ok: true, data: [{ day, reason: '冬至' }] });
    svc.reopenDay.mockResolvedValue({ ok: true, data: { day, withdrawn: 2 } });
    await renderPage();
    expect(screen.getByTestId(`cons-rest-${day}`).textContent).toContain('休息：冬至');
    await click(screen.getByTestId(`reopen-day-${day}`));
    const dialog = screen.getByTestId('reopen-dialog').textContent;
    expect(dialog).toContain('原来的餐次不会自动恢复');
    expect(dialog).toContain('已取消的预订也不会恢复');
    expect(svc.reopenDay).not.toHaveBeenCalled();
    svc.closedDays.mockResolvedValue({ ok: true, data: [] });
    await click(screen.getByTestId('reopen-dialog-yes'));
    await flush();
    expect(svc.reopenDay).toHaveBeenCalledWith({ centreId: 7, day });
    expect(screen.queryByTestId(`cons-rest-${day}`)).toBeNull();
    expect(screen.getByTestId(`reopened-${day}`).textContent).toContain('已恢复营业');
    expect(within(screen.getByTestId(`reopened-${day}`)).getByTestId('copy-week')).toBeTruthy();
    await click(screen.getByTestId(`reopened-add-${day}`));
    expect(screen.queryByTestId('slot-add')).toBeNull();
  });

  it('撤销休息日 refused (another colleague reopened it first) says so', async () => {
    const day = addDays(localDay(new Date()), 3);
    svc.closedDays.mockResolvedValue({ ok: true, data: [{ day, reason: '冬至' }] });
    svc.reopenDay.mockResolvedValue({ ok: false, error: { code: 'INVALID_TRANSITION', message: '不是休息日（可能已被其他同事恢复），请刷新' } });
    await renderPage();
    await click(screen.getByTestId(`reopen-day-${day}`));
    await click(screen.getByTestId('reopen-dialog-yes'));
    expect(screen.getByTestId(`reopen-error-${day}`).textContent).toContain('已被其他同事恢复');
  });

  it('改菜单: swaps a dish of a sitting and saves the menu', async () => {
    svc.editMenu.mockResolvedValue({ ok: true, data: slot(101) });
    await renderPage();
    await click(screen.getByTestId('menu-edit-open-101'));
    const first = await screen.findByLabelText('第1道菜');
    await typeInto(first, '红烧豆腐');
    await typeInto((await screen.findAllByLabelText('过敏原（用顿号隔开，没有就空着）'))[0], '大豆');
    await click(screen.getByTestId('menu-save-101'));
    const sent = svc.editMenu.mock.calls[0][0];
    expect(sent.slotId).toBe(101);
    expect(sent.dishes[0]).toEqual({ name: '红烧豆腐', tags: expect.any(Array), allergens: '大豆' });
  });

  it("shows the centre's sittings with seats held and opens the kitchen sheet", async () => {
    await renderPage();
    expect(svc.week).toHaveBeenCalledWith({ centreId: 7 });
    const held = screen.getByTestId('held-101').textContent;
    expect(held).toContain('堂食 30/30');
    expect(held).toContain('送餐 6/10');
    expect(held).toContain('候补 2');
    await click(screen.getByTestId('kitchen-101'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bookingKitchen}?slotId=101` });
  });

  it('finds an elder and books for them on the week page (代订)', async () => {
    await renderPage();
    await typeInto(await screen.findByLabelText('老人姓名或手机尾号'), ' 张 ');
    await click(screen.getByTestId('elder-search'));
    expect(svc.elders).toHaveBeenCalledWith({ centreId: 7, limit: 20, q: '张' });
    expect(within(screen.getByTestId('elder-55')).getByText(/138\*\*\*\*0001/)).toBeTruthy();
    await click(screen.getByTestId('elder-book-55'));
    const url = (Taro.navigateTo as jest.Mock).mock.calls[0][0].url as string;
    expect(url.split('?')[0]).toBe(ROUTES.bookingWeek);
    const q = new URLSearchParams(url.split('?')[1]);
    expect([q.get('centreId'), q.get('elderId'), q.get('elderName')]).toEqual(['7', '55', '张桂兰']);
  });

  it('verifies what an elder declared, correcting it, and shows who verified', async () => {
    const pending = elder({
      id: 56,
      name: '李秀珍',
      livesAlone: true,
      dibao: true,
      tier: null,
      tierLabel: null,
      tierFen: null,
      verification: { status: 'pending', statusLabel: '待中心核实', at: null, byName: null },
    });
    svc.elders.mockResolvedValue({ ok: true, data: { items: [pending], nextCursor: null } });
    svc.verifyElder.mockResolvedValue({
      ok: true,
      data: {
        ...pending,
        dibao: false,
        tier: 'age80',
        verification: { status: 'verified', statusLabel: '已核实', at: '2026-03-01T02:00:00.000Z', byName: '刘敏' },
      },
    });
    await renderPage();
    await click(screen.getByTestId('elder-pending'));
    expect(svc.elders).toHaveBeenCalledWith({ centreId: 7, limit: 20, pending: true });
    expect(screen.getByTestId('elder-verify-panel-56').textContent).toContain('核实前不享受助餐补贴');
    await click(screen.getByTestId('elder-verify-56'));
    await click(screen.getByTestId('verify-56-dibao'));
    await click(screen.getByTestId('elder-verify-confirm-56'));
    expect(svc.verifyElder).toHaveBeenCalledWith({ elderId: 56, livesAlone: true, dibao: false, tekun: false });
    expect(screen.getByTestId('elder-verified-56').textContent).toContain('刘敏');
  });

  it("adds a lunch sitting with its price in 元 sent as 分, Beijing times and each dish's allergens", async () => {
    await renderPage();
    await click(screen.getByTestId('slot-add'));
    await typeInto(await screen.findByLabelText('堂食名额'), '40');
    await typeInto(await screen.findByLabelText('送餐名额'), '10');
    await typeInto(await screen.findByLabelText('价格（元）'), '12.5');
    await typeInto(await screen.findByLabelText('菜名'), '清蒸鲈鱼');
    await click(within(screen.getByTestId('slot-form')).getByRole('checkbox', { name: '低盐' }));
    await click(screen.getByTestId('slot-dish-allergens-鱼'));
    await click(screen.getByTestId('slot-dish-add'));
    await typeInto(await screen.findByLabelText('菜名'), '花生芒果酥');
    await click(screen.getByTestId('slot-dish-allergens-花生'));
    await typeInto(await screen.findByLabelText('其他过敏原'), '芒果过敏、花生米');
    await click(screen.getByTestId('slot-dish-add'));
    expect(screen.getAllByTestId('slot-dish-allergens').map((el) => el.textContent)).toEqual(['含鱼', '含花生、芒果']);
    await click(screen.getByTestId('slot-save'));

    const day = addDays(localDay(new Date()), 1);
    expect(svc.saveSlot).toHaveBeenCalledWith({
      centreId: 7,
      kind: 'meal',
      day,
      sitting: 'lunch',
      startsAt: `${day}T11:30:00+08:00`,
      endsAt: `${day}T13:00:00+08:00`,
      cutoffAt: `${day}T09:30:00+08:00`,
      capacityDineIn: 40,
      capacityDelivery: 10,
      priceFen: 1250,
      dishes: [
        { name: '清蒸鲈鱼', tags: ['低盐'], allergens: ['鱼'] },
        { name: '花生芒果酥', tags: [], allergens: ['花生', '芒果'] },
      ],
    });
    expect(screen.queryByTestId('slot-form')).toBeNull();
    expect(svc.week).toHaveBeenCalledTimes(2);
  });

  it('adds a consultation slot with a title, capacity and its booking rules, and no sitting, dishes or delivery', async () => {
    svc.saveSlot.mockResolvedValue({ ok: true, data: serviceSlot(402, 'consult') });
    await renderPage();
    await click(screen.getByTestId('slot-add'));
    const form = within(screen.getByTestId('slot-form'));
    await click(form.getByRole('radio', { name: '健康咨询' }));
    expect(form.getByRole('heading', { level: 2 }).textContent).toBe('新增健康咨询时段');
    expect(form.queryByRole('radio', { name: '午餐' })).toBeNull();
    expect(form.queryByLabelText('送餐名额')).toBeNull();
    expect(form.queryByLabelText('菜名')).toBeNull();
    expect(form.queryByTestId('slot-dish-add')).toBeNull();

    await typeInto(await form.findByLabelText('名称'), '血压血糖咨询');
    expect(form.getByTestId('slot-start').textContent).toBe('09:00');
    await pickTime('slot-start', '09:30');
    await pickTime('slot-end', '11:30');
    await typeInto(await form.findByLabelText('名额'), '12');
    await typeInto(await form.findByLabelText('提前几天开放预订'), '3');
    await typeInto(await form.findByLabelText('每人每周限约几次'), '1');
    await click(screen.getByTestId('slot-save'));

    const day = addDays(localDay(new Date()), 1);
    expect(svc.saveSlot).toHaveBeenCalledWith({
      centreId: 7,
      kind: 'consult',
      day,
      title: '血压血糖咨询',
      startsAt: `${day}T09:30:00+08:00`,
      endsAt: `${day}T11:30:00+08:00`,
      cutoffAt: `${day}T08:00:00+08:00`,
      capacityDineIn: 12,
      priceFen: 0,
      // The start of the day three days before, Beijing time.
      opensAt: `${addDays(day, -3)}T00:00:00+08:00`,
      quotaPerWeek: 1,
    });
    const sent = svc.saveSlot.mock.calls[0][0];
    expect(sent).not.toHaveProperty('sitting');
    expect(sent).not.toHaveProperty('dishes');
    expect(sent).not.toHaveProperty('capacityDelivery');
    expect(screen.queryByTestId('slot-form')).toBeNull();
  });

  it('checks the booking rules of a room slot before calling the server', async () => {
    await renderPage();
    await click(screen.getByTestId('slot-add'));
    await click(screen.getByRole('radio', { name: '活动室' }));
    await typeInto(await screen.findByLabelText('名额'), '8');
    await typeInto(await screen.findByLabelText('提前几天开放预订'), '0');
    await typeInto(await screen.findByLabelText('每人每周限约几次'), '20');
    await click(screen.getByTestId('slot-save'));
    expect(screen.getByTestId('slot-ahead-error').textContent).toContain('1–60');
    expect(screen.getByTestId('slot-quota-error').textContent).toContain('1–14');
    expect(svc.saveSlot).not.toHaveBeenCalled();
  });

  it('shows a room slot as 已约 over its capacity, with its list of bookings', async () => {
    svc.week.mockResolvedValue({ ok: true, data: [serviceSlot(301, 'room')] });
    await renderPage();
    expect(screen.getByTestId('held-301').textContent).toBe('已约 5/8');
    expect(screen.getByTestId('kitchen-301').textContent).toBe('预约名单');
    expect(screen.queryByTestId('deliveries-301')).toBeNull();
  });

  it('checks the sitting form before calling the server', async () => {
    await renderPage();
    await click(screen.getByTestId('slot-add'));
    await click(screen.getByRole('radio', { name: '晚餐' }));
    await pickTime('slot-cutoff', '18:00');
    await click(screen.getByTestId('slot-save'));
    expect(screen.getByTestId('slot-cutoff-error').textContent).toBe('截止时间须早于开餐时间');
    expect(screen.getByTestId('slot-dinein-error').textContent).toContain('整数');
    expect(screen.getByTestId('slot-price-error').textContent).toContain('请填写价格');
    expect(svc.saveSlot).not.toHaveBeenCalled();
  });

  it('opens the delivery round of a sitting with delivery, and the subsidy report', async () => {
    await renderPage();
    await click(screen.getByTestId('deliveries-101'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bookingDeliveries}?slotId=101` });
    await click(screen.getByTestId('go-subsidy'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `${ROUTES.bookingSubsidy}?centreId=7` });
  });

  it('lists family links waiting with the member’s masked phone, and approves or rejects one', async () => {
    svc.linkQueue.mockResolvedValue({
      ok: true,
      data: [link(5), link(6, { member: { id: 9, name: '周小梅', phoneMasked: '100****7777' }, relationNote: '女儿' })],
    });
    svc.decideLink.mockImplementation(async ({ linkId, approve }) => ({
      ok: true,
      data: link(linkId, approve ? { status: 'verified', statusLabel: '已关联' } : { status: 'rejected', statusLabel: '未通过' }),
    }));
    await renderPage();
    expect(svc.linkQueue).toHaveBeenCalledWith({ centreId: 7 });
    const first = within(screen.getByTestId('queue-link-5'));
    expect(first.getByText('赵建国（儿子） → 王秀英')).toBeTruthy();
    expect(first.getByText('申请人电话 100****0002')).toBeTruthy();
    await click(screen.getByRole('button', { name: '通过 赵建国' }));
    expect(svc.decideLink).toHaveBeenCalledWith({ linkId: 5, approve: true });
    expect(first.getByRole('status').textContent).toBe('已关联');
    await click(screen.getByRole('button', { name: '不通过 周小梅' }));
    expect(svc.decideLink).toHaveBeenLastCalledWith({ linkId: 6, approve: false });
    expect(within(screen.getByTestId('queue-link-6')).getByRole('status').textContent).toBe('未通过');
  });

  it('offers sitting times on a picker, not as free text, prefilled by the sitting', async () => {
    await renderPage();
    await click(screen.getByTestId('slot-add'));
    const form = within(screen.getByTestId('slot-form'));
    expect(form.queryByLabelText('开餐')).toBeNull();
    expect(form.getByTestId('slot-start').getAttribute('aria-label')).toBe('开餐 11:30，点按选择时间');
    expect(form.getByTestId('slot-start').closest('taro-picker-core')?.getAttribute('mode')).toBe('time');
    await click(form.getByRole('radio', { name: '晚餐' }));
    expect(form.getByTestId('slot-start').textContent).toBe('17:00');
    expect(form.getByTestId('slot-cutoff').textContent).toBe('14:30');
  });

  describe('weeks', () => {
    const today = localDay(new Date());

    it('pages to the next week and back, asking the server for the week from that day', async () => {
      await renderPage();
      expect(screen.getByTestId('cons-week-title').textContent).toMatch(/^本周餐次与预约/);
      expect(screen.getByTestId('week-prev').getAttribute('aria-disabled')).toBe('true');
      await click(screen.getByTestId('week-next'));
      expect(svc.week).toHaveBeenLastCalledWith({ centreId: 7, from: addDays(today, 7) });
      expect(screen.getByTestId('cons-week-title').textContent).toMatch(/^下周餐次与预约/);
      await click(screen.getByTestId('week-prev'));
      expect(svc.week).toHaveBeenLastCalledWith({ centreId: 7 });
    });

    it('keeps a sitting saved for the seventh day from now in view: the console turns to its week', async () => {
      const day7 = addDays(today, 7);
      svc.saveSlot.mockResolvedValue({ ok: true, data: slot(150, { day: day7 }) });
      await renderPage();
      await click(screen.getByTestId('slot-add'));
      // The form offers exactly the days the console shows: today and the six after it.
      expect(within(screen.getByRole('radiogroup', { name: '日期' })).getAllByRole('radio')).toHaveLength(7);
      // The seventh day from now is next week's first: the form there offers it, first of seven.
      await click(screen.getByTestId('week-next'));
      svc.week.mockResolvedValue({ ok: true, data: [slot(150, { day: day7 })] });
      const dayChoices = within(screen.getByRole('radiogroup', { name: '日期' })).getAllByRole('radio');
      expect(dayChoices).toHaveLength(7);
      expect(dayChoices[0].getAttribute('aria-checked')).toBe('true');
      await typeInto(await screen.findByLabelText('堂食名额'), '40');
      await typeInto(await screen.findByLabelText('价格（元）'), '12');
      await click(screen.getByTestId('slot-save'));
      expect(svc.saveSlot).toHaveBeenCalledWith(expect.objectContaining({ day: day7 }));
      expect(svc.week).toHaveBeenLastCalledWith({ centreId: 7, from: day7 });
      expect(screen.getByTestId('cons-slot-150')).toBeTruthy();
    });

    it('turns to the week of a sitting saved outside the week shown', async () => {
      const later = addDays(today, 16);
      svc.saveSlot.mockResolvedValue({ ok: true, data: slot(151, { day: later }) });
      await renderPage();
      await click(screen.getByTestId('slot-add'));
      await typeInto(await screen.findByLabelText('堂食名额'), '40');
      await typeInto(await screen.findByLabelText('价格（元）'), '12');
      await click(screen.getByTestId('slot-save'));
      expect(svc.week).toHaveBeenLastCalledWith({ centreId: 7, from: addDays(today, 14) });
      expect(screen.getByTestId('cons-week-title').textContent).toMatch(/^2周后餐次与预约/);
    });
  });

  it('opens the week as elders see it, and the printable week menu of the week shown', async () => {
    await renderPage();
    await click(screen.getByTestId('go-preview'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `${ROUTES.bookingWeek}?centreId=7&preview=1` });
    await click(screen.getByTestId('week-next'));
    await click(screen.getByTestId('go-menu-print'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `${ROUTES.bookingMenuPrint}?centreId=7&from=${addDays(localDay(new Date()), 7)}` });
  });
});

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BookingDTO, Envelope, QuoteDTO } from '@hg/types';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush } from '../../../../test-utils';
import { dayTime } from '../../format';
import { booking, centre, elder, link, serviceSlot, slot } from '../../test-fixtures';
import WeekPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

const quote = (over: Partial<QuoteDTO> = {}): QuoteDTO => ({
  price: { priceFen: 1200, subsidyFen: 400, payFen: 800, tier: 'age80' },
  tierLabel: '80岁以上',
  pending: null,
  capNote: null,
  delivery: { hasAddress: true, address: '锦屏花园1栋1单元101' },
  warnings: [],
  seatsLeft: { dineIn: 12, delivery: 4 },
  open: true,
  ...over,
});

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingWeek);
  svc.centres.mockResolvedValue({ ok: true, data: [centre()] });
  svc.myLinks.mockResolvedValue({ ok: true, data: [] });
  svc.myElders.mockResolvedValue({ ok: true, data: [elder()] });
  svc.closedDays.mockResolvedValue({ ok: true, data: [] });
  svc.week.mockResolvedValue({
    ok: true,
    data: [
      slot(102, { sitting: 'dinner', title: '晚餐', startsAt: '2030-03-05T09:00:00.000Z', endsAt: '2030-03-05T10:30:00.000Z' }),
      slot(101),
      slot(201, { day: '2030-03-06' }),
    ],
  });
  svc.quote.mockResolvedValue({ ok: true, data: quote() });
  svc.book.mockResolvedValue({ ok: true, data: booking(900) });
});

async function renderPage() {
  render(<WeekPage />);
  await flush();
}

const card = (id: number) => screen.getByTestId(`slot-${id}`);

describe('本周菜单', () => {
  it("finds the centre and the elder's profile, then shows the week by day with menu, price and seats", async () => {
    await renderPage();
    expect(svc.centres).toHaveBeenCalledWith({});
    expect(svc.week).toHaveBeenCalledWith({ centreId: 7, elderId: 31, kind: 'meal' });
    expect(screen.getByText('南街社区日间照料中心')).toBeTruthy();

    const days = screen.getAllByRole('group');
    expect(days).toHaveLength(2);
    // Lunch before dinner within a day, whatever order the server sent.
    const names = within(days[0])
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(names[0]).toMatch(/^午餐/);
    expect(names[1]).toMatch(/^晚餐/);

    const lunch = within(card(101));
    expect(lunch.getByText('清蒸鲈鱼')).toBeTruthy();
    expect(lunch.getByText('软烂')).toBeTruthy();
    expect(lunch.getByTestId('slot-price').textContent).toContain('餐费 12.00元');
    // 80+ tier: 4 元 off, estimated on the card.
    expect(lunch.getByTestId('slot-price').textContent).toContain('补贴后约 8.00元');
    expect(lunch.getByTestId('slot-seats').textContent).toContain('堂食剩 12 份');
    expect(lunch.getByTestId('book-dine_in').textContent).toBe('堂食订餐');
    expect(lunch.getByTestId('book-delivery').textContent).toBe('送餐上门');
  });

  it('a closed day (休息日) reads 休息 with its reason in its place among the days', async () => {
    svc.closedDays.mockResolvedValue({
      ok: true,
      data: [
        { day: '2030-03-04', reason: '元旦' },
        { day: '2030-03-07', reason: '停水' },
      ],
    });
    await renderPage();
    expect(svc.closedDays).toHaveBeenCalledWith({ centreId: 7 });
    const order = Array.from(document.querySelectorAll('[data-testid^="week-closed-"], [role="group"][aria-label*="3月"]')).map(
      (el) => el.getAttribute('data-testid') ?? el.getAttribute('aria-label'),
    );
    expect(order).toEqual(['week-closed-2030-03-04', expect.stringContaining('3月5日'), expect.stringContaining('3月6日'), 'week-closed-2030-03-07']);
    expect(screen.getByTestId('week-closed-2030-03-04').textContent).toContain('3月4日 周一 休息：元旦，停止供餐');
  });

  it('tells an elder whose declared 独居 awaits the centre that the subsidy comes after the check', async () => {
    svc.quote.mockResolvedValue({
      ok: true,
      data: quote({
        price: { priceFen: 1200, subsidyFen: 0, payFen: 1200, tier: null },
        tierLabel: null,
        pending: { tierLabel: '独居/空巢', subsidyFen: 300 },
      }),
    });
    await renderPage();
    await click(within(card(101)).getByTestId('book-dine_in'));
    expect(screen.getByTestId('quote-pay').textContent).toBe('需支付 12.00元');
    expect(screen.getByTestId('quote-pending').textContent).toBe('独居/空巢补贴 −3.00元：待中心核实情况后减免，现在订的餐核实后自动按补贴价结算');
  });

  it('quotes, books once with a request id on a double tap, and shows the code', async () => {
    let answer: (v: Envelope<BookingDTO>) => void = () => {};
    svc.book.mockImplementation(() => new Promise((r) => (answer = r)));
    await renderPage();
    await click(within(card(101)).getByTestId('book-dine_in'));
    expect(svc.quote).toHaveBeenCalledWith({ slotId: 101, elderId: 31 });
    expect(screen.getByTestId('quote-pay').textContent).toBe('需支付 8.00元');

    const confirm = screen.getByTestId('book-confirm');
    await act(async () => {
      fireEvent.click(confirm);
      fireEvent.click(confirm);
    });
    expect(svc.book).toHaveBeenCalledTimes(1);
    expect(svc.book).toHaveBeenCalledWith({ slotId: 101, elderId: 31, mode: 'dine_in', requestId: expect.stringMatching(REQUEST_ID) });
    expect(screen.getByTestId('book-confirm').textContent).toBe('正在预订…');

    await act(async () => answer({ ok: true, data: booking(900) }));
    await flush();
    const lunch = within(card(101));
    expect(lunch.getByTestId('booking-code').textContent).toBe('K7M3QX');
    expect(lunch.getByTestId('booking-status').textContent).toBe('已预订');
    expect(lunch.getByTestId('booking-pay').textContent).toContain('8.00元');
    expect(lunch.queryByTestId('book-dine_in')).toBeNull();
  });

  it('retries a failed network call with the same request id, and a new tap with a new one', async () => {
    svc.book.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后再试' } });
    await renderPage();
    await click(within(card(101)).getByTestId('book-delivery'));
    await click(screen.getByTestId('book-confirm'));
    expect(screen.getByTestId('book-error').textContent).toBe('网络异常，请稍后再试');
    await click(screen.getByTestId('book-confirm'));
    const [first, second] = svc.book.mock.calls.map((c) => c[0]);
    expect(second.requestId).toBe(first.requestId);
    expect(second.mode).toBe('delivery');

    await click(within(card(201)).getByTestId('book-dine_in'));
    await click(within(card(201)).getByTestId('book-confirm'));
    expect(svc.book.mock.calls[2][0].requestId).not.toBe(first.requestId);
  });

  it('shows diet and allergy warnings before booking', async () => {
    svc.quote.mockResolvedValue({ ok: true, data: quote({ warnings: ['清蒸鲈鱼含鱼，与过敏“鱼”冲突'] }) });
    await renderPage();
    await click(within(card(101)).getByTestId('book-dine_in'));
    expect(screen.getByTestId('quote-warnings').textContent).toContain('清蒸鲈鱼含鱼');
    expect(screen.getByTestId('quote-warnings').getAttribute('role')).toBe('alert');
    expect(svc.book).not.toHaveBeenCalled();
  });

  it("says when the day's subsidy is used, so this meal is at full price", async () => {
    svc.quote.mockResolvedValue({
      ok: true,
      data: quote({ price: { priceFen: 1200, subsidyFen: 0, payFen: 1200, tier: null }, tierLabel: null, capNote: '今日补贴已用，本餐按原价' }),
    });
    await renderPage();
    await click(within(card(102)).getByTestId('book-dine_in'));
    expect(screen.getByTestId('quote-cap').textContent).toBe('今日补贴已用，本餐按原价');
    expect(screen.getByTestId('quote-pay').textContent).toBe('需支付 12.00元');
    expect(screen.getByTestId('book-confirm')).toBeTruthy();
  });

  it('shows where a delivered meal goes before confirming, and offers no confirm without an address', async () => {
    await renderPage();
    await click(within(card(101)).getByTestId('book-delivery'));
    expect(screen.getByTestId('quote-address').textContent).toContain('送到：锦屏花园1栋1单元101');
    await click(screen.getByTestId('book-back'));

    svc.quote.mockResolvedValue({ ok: true, data: quote({ delivery: { hasAddress: false, address: null } }) });
    await click(within(card(101)).getByTestId('book-delivery'));
    expect(screen.getByTestId('quote-no-address').textContent).toContain('没有送餐地址');
    expect(screen.queryByTestId('book-confirm')).toBeNull();
    await click(screen.getByTestId('book-back'));
    // Dine-in is still there for her.
    await click(within(card(101)).getByTestId('book-dine_in'));
    expect(screen.queryByTestId('quote-no-address')).toBeNull();
    expect(screen.getByTestId('book-confirm')).toBeTruthy();
  });

  it('offers 加入候补 on a full slot and books it as a waitlist place', async () => {
    svc.week.mockResolvedValue({
      ok: true,
      data: [slot(101, { seats: { dineIn: { capacity: 30, left: 0 }, delivery: { capacity: 0, left: 0 } }, waitlisted: 2 })],
    });
    svc.book.mockResolvedValue({ ok: true, data: booking(901, { status: 'waitlisted', statusLabel: '候补中', waitlistPosition: 3 }) });
    await renderPage();
    const full = within(card(101));
    expect(full.getByTestId('slot-seats').textContent).toContain('堂食已满');
    expect(full.queryByTestId('book-delivery')).toBeNull();
    expect(full.getByTestId('book-dine_in').textContent).toBe('堂食加入候补');

    await click(full.getByTestId('book-dine_in'));
    expect(screen.getByTestId('book-confirm').textContent).toBe('确认加入候补');
    await click(screen.getByTestId('book-confirm'));
    expect(svc.book).toHaveBeenCalledWith(
      expect.objectContaining({ slotId: 101, mode: 'dine_in', waitlist: true, requestId: expect.stringMatching(REQUEST_ID) }),
    );
    expect(full.getByTestId('booking-status').textContent).toBe('候补中');
    expect(full.getByTestId('booking-position').textContent).toContain('候补第 3 位');
  });

  it('turns a seat taken meanwhile into the waitlist offer', async () => {
    svc.book.mockResolvedValueOnce({ ok: false, error: { code: 'CAPACITY_FULL', message: '名额已满，可以加入候补' } });
    await renderPage();
    await click(within(card(101)).getByTestId('book-dine_in'));
    await click(screen.getByTestId('book-confirm'));
    expect(screen.getByTestId('book-error').textContent).toBe('名额已满，可以加入候补');
    expect(screen.getByTestId('book-confirm').textContent).toBe('确认加入候补');
  });

  it("says 已过预订截止时间 after the cut-off, offers no booking but the centre's phone", async () => {
    svc.week.mockResolvedValue({ ok: true, data: [slot(101, { open: false })] });
    await renderPage();
    const closed = within(card(101)).getByTestId('slot-closed');
    expect(closed.textContent).toContain('已过预订截止时间');
    expect(closed.textContent).toContain(`${dayTime(slot(101).cutoffAt)} 截止`);
    expect(within(closed).getByRole('link', { name: '拨打 中心电话 0817-6221234' })).toBeTruthy();
    expect(within(card(101)).queryByTestId('book-dine_in')).toBeNull();
  });

  it('offers no phone after the cut-off when the centre has none', async () => {
    svc.centres.mockResolvedValue({ ok: true, data: [{ ...centre(), hotline: null }] });
    svc.week.mockResolvedValue({ ok: true, data: [slot(101, { open: false })] });
    await renderPage();
    expect(within(card(101)).getByTestId('slot-closed').textContent).toContain('已过预订截止时间');
    expect(screen.queryByTestId('slot-call')).toBeNull();
    expect(screen.queryByTestId('week-call')).toBeNull();
  });

  it("heads the week with the centre's name and phone", async () => {
    await renderPage();
    const head = within(screen.getByTestId('week-centre'));
    expect(head.getByText('南街社区日间照料中心')).toBeTruthy();
    expect(head.getByRole('link', { name: '拨打 中心电话 0817-6221234' })).toBeTruthy();
  });

  it('opens at the next sitting still bookable and marks it', async () => {
    svc.week.mockResolvedValue({
      ok: true,
      data: [
        slot(101, { open: false }),
        slot(102, { sitting: 'dinner', title: '晚餐', startsAt: '2030-03-05T09:00:00.000Z' }),
        slot(201, { day: '2030-03-06' }),
      ],
    });
    await renderPage();
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ selector: '#slot-102', duration: 0 });
    expect(within(card(102)).getByTestId('slot-next').textContent).toBe('最近可订');
    expect(within(card(201)).queryByTestId('slot-next')).toBeNull();
  });

  it('does not scroll when the first sitting is the next bookable one', async () => {
    await renderPage();
    expect(within(card(101)).getByTestId('slot-next')).toBeTruthy();
    expect(Taro.pageScrollTo).not.toHaveBeenCalled();
  });

  it('opens at the top of the next bookable day below a 休息 line, once the closed days are in', async () => {
    let closedAnswer: (r: unknown) => void = () => undefined;
    svc.closedDays.mockImplementation(() => new Promise((resolve) => (closedAnswer = resolve)) as never);
    svc.week.mockResolvedValue({ ok: true, data: [slot(201, { day: '2030-03-06' }), slot(202, { day: '2030-03-06', sitting: 'dinner', title: '晚餐' })] });
    await renderPage();
    // The 休息 line is not in yet: scrolling now would land below where the day ends up.
    expect(Taro.pageScrollTo).not.toHaveBeenCalled();
    await act(async () => closedAnswer({ ok: true, data: [{ day: '2030-03-05', reason: '元旦' }] }));
    expect(screen.getByTestId('week-closed-2030-03-05')).toBeTruthy();
    expect(Taro.pageScrollTo).toHaveBeenCalledTimes(1);
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ selector: '#week-day-2030-03-06', duration: 0 });
    expect(document.querySelector('#week-day-2030-03-06')?.textContent).toContain('最近可订');
  });

  it('reads the seats left again after booking, without leaving the page', async () => {
    await renderPage();
    expect(within(card(101)).getByTestId('slot-seats').textContent).toContain('堂食剩 12 份');
    svc.week.mockResolvedValue({
      ok: true,
      data: [slot(101, { seats: { dineIn: { capacity: 30, left: 11 }, delivery: { capacity: 10, left: 4 } } }), slot(201, { day: '2030-03-06' })],
    });
    await click(within(card(101)).getByTestId('book-dine_in'));
    await click(screen.getByTestId('book-confirm'));
    await flush();
    expect(svc.week).toHaveBeenCalledTimes(2);
    expect(within(card(101)).getByTestId('slot-seats').textContent).toContain('堂食剩 11 份');
    expect(within(card(101)).getByTestId('booking-code').textContent).toBe('K7M3QX');
  });

  it('shows an existing booking with its code, and cancels it while open', async () => {
    svc.week.mockResolvedValue({ ok: true, data: [slot(101, { myBooking: booking(900) })] });
    svc.cancel.mockResolvedValue({ ok: true, data: booking(900, { status: 'cancelled', statusLabel: '已取消', can: [] }) });
    await renderPage();
    const lunch = within(card(101));
    expect(lunch.getByTestId('booking-code').textContent).toBe('K7M3QX');
    await click(lunch.getByTestId('booking-cancel'));
    // The page's own dialog asks first, naming the day and the meal.
    const dialog = within(screen.getByRole('alertdialog'));
    expect(dialog.getByRole('heading').textContent).toBe('取消这餐？');
    expect(dialog.getByTestId('cancel-dialog-what').textContent).toBe('3月5日 周二 午餐（堂食）');
    expect(svc.cancel).not.toHaveBeenCalled();
    await click(dialog.getByTestId('cancel-dialog-yes'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(svc.cancel).toHaveBeenCalledWith({ bookingId: 900 });
    expect(lunch.queryByTestId('booking-code')).toBeNull();
    expect(lunch.getByTestId('book-dine_in')).toBeTruthy();
  });

  it('lets a waitlisted elder leave the line with 退出候补, and shows nothing to pay', async () => {
    const waiting = booking(900, { status: 'waitlisted', statusLabel: '候补中', waitlistPosition: 2, code: '', can: ['cancel'] });
    svc.week.mockResolvedValue({ ok: true, data: [slot(101, { myBooking: waiting })] });
    svc.cancel.mockResolvedValue({ ok: true, data: { ...waiting, status: 'cancelled', statusLabel: '已取消', can: [] } });
    await renderPage();
    const lunch = within(card(101));
    expect(lunch.getByTestId('booking-cancel').textContent).toBe('退出候补');
    expect(lunch.queryByTestId('booking-pay')).toBeNull();
    await click(lunch.getByTestId('booking-cancel'));
    const dialog = within(screen.getByRole('alertdialog'));
    expect(dialog.getByRole('heading').textContent).toBe('退出候补？');
    expect(dialog.getByTestId('cancel-dialog-yes').textContent).toBe('退出候补');
    await click(dialog.getByTestId('cancel-dialog-no'));
    expect(svc.cancel).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('shows centre staff the week as elders see it (预览), with nothing to book', async () => {
    __setRouter(ROUTES.bookingWeek, { centreId: '7', preview: '1' });
    await renderPage();
    expect(screen.getByRole('heading', { name: '居民看到的样子（预览）' })).toBeTruthy();
    expect(screen.getByTestId('preview-note')).toBeTruthy();
    expect(svc.myElders).not.toHaveBeenCalled();
    expect(svc.week).toHaveBeenCalledWith({ centreId: 7, kind: 'meal' });
    expect(within(card(101)).getByText('清蒸鲈鱼')).toBeTruthy();
    expect(screen.queryByTestId('no-profile')).toBeNull();
    expect(screen.queryByTestId('go-standing')).toBeNull();
    await click(within(card(101)).getByTestId('book-dine_in'));
    expect(svc.quote).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '预览中，不能订餐', icon: 'none' });
  });

  it('confirms an offered waitlist seat', async () => {
    const offered = booking(900, {
      status: 'offered',
      statusLabel: '候补到位，请确认',
      offerExpiresAt: '2030-03-05T01:00:00.000Z',
      can: ['confirm', 'cancel'],
    });
    svc.week.mockResolvedValue({ ok: true, data: [slot(101, { myBooking: offered })] });
    svc.confirm.mockResolvedValue({ ok: true, data: booking(900) });
    await renderPage();
    await click(screen.getByTestId('booking-confirm'));
    expect(svc.confirm).toHaveBeenCalledWith({ bookingId: 900 });
    expect(screen.getByTestId('booking-status').textContent).toBe('已预订');
  });

  it('sends an elder without a profile to 建档', async () => {
    svc.myElders.mockResolvedValue({ ok: true, data: [] });
    await renderPage();
    expect(screen.getByTestId('no-profile').textContent).toContain('您还没有在日间照料中心建档');
    expect(svc.week).not.toHaveBeenCalled();
    await click(screen.getByTestId('go-register'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bookingRegister}?centreId=7` });
  });

  it('asks which centre when several serve the home', async () => {
    svc.centres.mockResolvedValue({ ok: true, data: [centre(7), centre(8, '内东街社区日间照料中心')] });
    svc.myElders.mockResolvedValue({ ok: true, data: [elder(), elder({ id: 32, centreId: 8 })] });
    await renderPage();
    expect(svc.week).not.toHaveBeenCalled();
    await click(screen.getByTestId('centre-8'));
    // The profile registered with that centre books there.
    expect(svc.week).toHaveBeenCalledWith({ centreId: 8, elderId: 32, kind: 'meal' });
  });

  it('books for the elder staff chose (代订), without asking whose profile it is', async () => {
    __setRouter(ROUTES.bookingWeek, { centreId: '7', elderId: '55', elderName: encodeURIComponent('张桂兰') });
    await renderPage();
    expect(screen.getByRole('heading', { name: '为张桂兰代订' })).toBeTruthy();
    // The centre from the query is looked up for its name and phone only.
    expect(svc.centres).toHaveBeenCalledWith({ all: true });
    expect(screen.getByTestId('week-centre').textContent).toContain('南街社区日间照料中心');
    expect(svc.myElders).not.toHaveBeenCalled();
    expect(svc.week).toHaveBeenCalledWith({ centreId: 7, elderId: 55, kind: 'meal' });
    await click(within(card(101)).getByTestId('book-dine_in'));
    await click(screen.getByTestId('book-confirm'));
    expect(svc.book).toHaveBeenCalledWith(expect.objectContaining({ elderId: 55, slotId: 101 }));
  });

  it('和上周一样 books in one tap and says what was booked and what was skipped, and why', async () => {
    svc.repeatWeek.mockResolvedValue({
      ok: true,
      data: { booked: [booking(901, { slotId: 101, modeLabel: '送餐', mode: 'delivery' })], skipped: [{ day: '2030-03-06', title: '午餐', reason: '已满' }] },
    });
    await renderPage();
    await click(screen.getByTestId('repeat-week'));
    await flush();
    expect(svc.repeatWeek).toHaveBeenCalledWith({ elderId: 31 });
    const result = screen.getByTestId('repeat-result');
    expect(within(result).getByText('已订好 1 餐')).toBeTruthy();
    expect(within(result).getByTestId('repeat-booked').textContent).toContain('午餐 · 送餐');
    expect(within(result).getByTestId('repeat-skipped').textContent).toContain('午餐：已满');
    // The booked sitting's card shows the ticket at once.
    expect(within(card(101)).queryByTestId('book-dine_in')).toBeNull();
    await click(screen.getByTestId('repeat-done'));
    expect(screen.getByTestId('repeat-week')).toBeTruthy();
  });

  it('offers the elders the caller is verified family of, and books for them', async () => {
    svc.myElders.mockResolvedValue({ ok: true, data: [] });
    svc.myLinks.mockResolvedValue({
      ok: true,
      data: [
        link(5, { status: 'verified', statusLabel: '已关联', elder: { id: 40, name: '李德明' } }),
        link(6, { elder: { id: 41, name: '张桂兰' } }),
        link(7, { status: 'verified', statusLabel: '已关联', centreId: 99, elder: { id: 42, name: '别处老人' } }),
      ],
    });
    await renderPage();
    expect(screen.queryByTestId('no-profile')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('为李德明订餐');
    expect(svc.week).toHaveBeenCalledWith({ centreId: 7, elderId: 40, kind: 'meal' });
    expect(screen.queryByRole('radio', { name: '张桂兰' })).toBeNull();
    await click(screen.getByTestId('go-standing'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bookingStanding}?elderId=40&elderName=${encodeURIComponent('李德明')}` });
  });

  describe('活动室 / 健康咨询 / 上门服务', () => {
    const opensAt = '2030-03-01T00:00:00+08:00';
    beforeEach(() => {
      svc.week.mockImplementation(async ({ kind }) => ({
        ok: true,
        data:
          kind === 'room'
            ? [serviceSlot(301, 'room')]
            : kind === 'consult'
              ? [serviceSlot(401, 'consult', { open: false, opensAt, quotaPerWeek: 1 }), serviceSlot(402, 'consult', { day: '2030-03-06', quotaPerWeek: 1 })]
              : kind === 'visit'
                ? []
                : [slot(101)],
      }));
      svc.quote.mockResolvedValue({ ok: true, data: quote({ price: { priceFen: 0, subsidyFen: 0, payFen: 0, tier: null }, tierLabel: null }) });
    });

    it('switches with big tabs, asking the server for that kind; 和上周一样 and 每周固定订餐 stay with 助餐', async () => {
      await renderPage();
      expect(screen.getByRole('tab', { name: '助餐' }).getAttribute('aria-selected')).toBe('true');
      expect(screen.getByTestId('repeat-week')).toBeTruthy();

      await click(screen.getByRole('tab', { name: '健康咨询' }));
      expect(svc.week).toHaveBeenLastCalledWith({ centreId: 7, elderId: 31, kind: 'consult' });
      expect(screen.getByRole('tab', { name: '健康咨询' }).getAttribute('aria-selected')).toBe('true');
      expect(screen.queryByTestId('repeat-week')).toBeNull();
      expect(screen.queryByTestId('go-standing')).toBeNull();
      expect(screen.queryByTestId('slot-101')).toBeNull();
      expect(within(card(402)).getByRole('heading', { level: 3 }).textContent).toMatch(/^健康咨询 /);

      await click(screen.getByTestId('kind-visit'));
      expect(svc.week).toHaveBeenLastCalledWith({ centreId: 7, elderId: 31, kind: 'visit' });
      expect(screen.getByText('这一周还没有上门服务可以预约')).toBeTruthy();

      await click(screen.getByTestId('kind-meal'));
      expect(svc.week).toHaveBeenLastCalledWith({ centreId: 7, elderId: 31, kind: 'meal' });
      expect(screen.getByTestId('repeat-week')).toBeTruthy();
      expect(screen.getByTestId('go-standing')).toBeTruthy();
    });

    it('books a room with one 预约 button: no dishes, no 堂食/送餐, no price when free', async () => {
      svc.book.mockResolvedValue({
        ok: true,
        data: booking(950, { slotId: 301, price: { priceFen: 0, subsidyFen: 0, payFen: 0, tier: null }, tierLabel: null }),
      });
      await renderPage();
      await click(screen.getByTestId('kind-room'));
      const room = within(card(301));
      expect(room.getByRole('heading', { level: 3 }).textContent).toMatch(/^棋牌室 /);
      expect(room.queryByText('菜单待公布')).toBeNull();
      expect(room.queryByTestId('slot-price')).toBeNull();
      expect(room.getByTestId('slot-seats').textContent).toBe('剩 3 个名额');
      expect(room.queryByTestId('book-dine_in')).toBeNull();
      expect(room.queryByTestId('book-delivery')).toBeNull();
      expect(room.getAllByRole('button')).toHaveLength(1);
      expect(room.getByTestId('book').textContent).toBe('预约');

      await click(room.getByTestId('book'));
      expect(svc.quote).toHaveBeenCalledWith({ slotId: 301, elderId: 31 });
      expect(room.getByTestId('quote-pay').textContent).toBe('免费，无需支付');
      expect(room.getByTestId('book-confirm').textContent).toBe('确认预约');
      await click(room.getByTestId('book-confirm'));
      expect(svc.book).toHaveBeenCalledWith({ slotId: 301, elderId: 31, mode: 'dine_in', requestId: expect.stringMatching(REQUEST_ID) });
      expect(room.getByTestId('booking-code').textContent).toBe('K7M3QX');
      expect(room.queryByText('堂食')).toBeNull();
      expect(room.queryByTestId('booking-pay')).toBeNull();
    });

    it('shows a priced visit with its fee', async () => {
      svc.week.mockResolvedValue({ ok: true, data: [serviceSlot(501, 'visit', { priceFen: 1500 })] });
      await renderPage();
      await click(screen.getByTestId('kind-visit'));
      expect(within(card(501)).getByTestId('slot-price').textContent).toBe('费用 15.00元');
    });

    it('says when booking opens instead of the button, and the weekly quota per person', async () => {
      await renderPage();
      await click(screen.getByTestId('kind-consult'));
      const early = within(card(401));
      expect(early.getByTestId('slot-opens').textContent).toBe(`${dayTime(opensAt)} 开放预订`);
      expect(early.getByTestId('slot-opens').textContent).toMatch(/^\d+月\d+日 \d\d:\d\d 开放预订$/);
      expect(early.queryByTestId('book')).toBeNull();
      expect(early.queryByTestId('slot-closed')).toBeNull();
      expect(early.getByTestId('slot-quota').textContent).toBe('每人每周限约1次');
      expect(within(card(402)).getByTestId('book')).toBeTruthy();
    });

    it("shows the server's answer in the card when the week's quota is used (RATE_LIMITED)", async () => {
      svc.book.mockResolvedValue({ ok: false, error: { code: 'RATE_LIMITED', message: '本周健康咨询已约满1次，请下周再约' } });
      await renderPage();
      await click(screen.getByTestId('kind-consult'));
      const open = within(card(402));
      await click(open.getByTestId('book'));
      await click(open.getByTestId('book-confirm'));
      const notice = open.getByTestId('slot-quota-used');
      expect(notice.textContent).toBe('本周健康咨询已约满1次，请下周再约');
      expect(notice.getAttribute('role')).toBe('alert');
      // Back on the card (not the confirm step): a later tap, after cancelling another, starts afresh.
      expect(open.queryByTestId('book-confirm')).toBeNull();
      expect(open.queryByTestId('book-error')).toBeNull();
      await click(open.getByTestId('book'));
      expect(open.queryByTestId('slot-quota-used')).toBeNull();
    });
  });
});

import { render, screen, within } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { me } from '../../../../services/me';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import { centre, profile, reservation, venueSlot } from '../../test-fixtures';
import VenueSlotsPage from './index';

jest.mock('../../../../services/bookings');
jest.mock('../../../../services/me');

const svc = bookings as jest.Mocked<typeof bookings>;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.venueSlots);
  svc.centres.mockResolvedValue({ ok: true, data: [centre] });
  svc.venueGroups.mockResolvedValue({ ok: true, data: [] });
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile() });
});

const input = (label: string) => screen.getByLabelText(label);

describe('场地与活动', () => {
  it('lists the week by day with seats left; 预约 for myself shows the ticket with its code', async () => {
    svc.venueSlots.mockResolvedValue({
      ok: true,
      data: [
        venueSlot(10),
        venueSlot(11, { title: '健康咨询', kind: 'consult', left: 0, waiting: 3 }),
        venueSlot(15, { title: '居民议事会', kind: 'meeting', left: 0, waitlist: false }),
      ],
    });
    svc.reserve.mockResolvedValue({ ok: true, data: reservation(500, { slotId: 10 }) });
    render(<VenueSlotsPage />);
    await flush();
    expect(svc.venueSlots).toHaveBeenCalledWith({ centreId: 3 });
    const room = within(screen.getByTestId('venue-slot-10'));
    expect(room.getByTestId('venue-slot-state-10').textContent).toBe('剩余 4 个名额（共 6 个）');
    // Full: the way in is the waitlist, with how many already wait …
    const consult = within(screen.getByTestId('venue-slot-11'));
    expect(consult.getByTestId('venue-slot-state-11').textContent).toBe('已满 · 3人候补');
    expect(consult.getByTestId('venue-waitlist-11').textContent).toBe('排队候补');
    // … unless the centre keeps no line for it: then there is no button to queue.
    const meeting = within(screen.getByTestId('venue-slot-15'));
    expect(meeting.getByTestId('venue-slot-state-15').textContent).toBe('已满（不排队）');
    expect(meeting.queryByTestId('venue-waitlist-15')).toBeNull();
    expect(meeting.queryByRole('button')).toBeNull();
    // No group role: no 为谁预约 choice.
    await click(room.getByTestId('venue-reserve-10'));
    expect(screen.queryByText('为谁预约')).toBeNull();
    svc.venueSlots.mockResolvedValue({ ok: true, data: [venueSlot(10, { myReservationId: 500, myStatus: 'booked', left: 3 })] });
    await click(room.getByTestId('reserve-submit-10'));
    await flush();
    const req = svc.reserve.mock.calls[0][0];
    expect(req).toMatchObject({ slotId: 10 });
    expect(req).not.toHaveProperty('groupId');
    expect(req).not.toHaveProperty('place');
    expect(req.requestId).toMatch(/^[A-Za-z0-9]{12,}$/);
    const done = within(screen.getByTestId('venue-done'));
    expect(done.getByText('✓ 预约成功')).toBeTruthy();
    expect(done.getByTestId('reservation-code').textContent).toBe('K7M3QX');
    expect(within(screen.getByTestId('venue-slot-10')).getByTestId('venue-slot-state-10').textContent).toBe('您已预约');
  });

  it('filters by kind', async () => {
    svc.venueSlots.mockResolvedValue({ ok: true, data: [] });
    render(<VenueSlotsPage />);
    await flush();
    await click(screen.getByTestId('venue-kind-activity'));
    await flush();
    expect(svc.venueSlots).toHaveBeenLastCalledWith({ centreId: 3, kind: 'activity' });
    expect(screen.getByText('近7天没有可预约的活动')).toBeTruthy();
  });

  it('a visit asks 地址 (prefilled with my home) and 事由 before sending', async () => {
    svc.venueSlots.mockResolvedValue({ ok: true, data: [venueSlot(12, { kind: 'visit', title: '家电维修上门', asksWhereAndWhat: true })] });
    svc.reserve.mockResolvedValue({ ok: true, data: reservation(501, { slotId: 12, kind: 'visit', place: '锦屏花园3栋2单元301', purpose: '洗衣机漏水' }) });
    render(<VenueSlotsPage />);
    await flush();
    await click(screen.getByTestId('venue-reserve-12'));
    await flush();
    expect((input('上门地址') as HTMLInputElement).value).toBe('锦屏花园3栋2单元301');
    await click(screen.getByTestId('reserve-submit-12'));
    expect(svc.reserve).not.toHaveBeenCalled();
    expect(screen.getByTestId('reserve-purpose-12-error').textContent).toContain('请说明要办的事');
    await typeInto(input('事由'), '洗衣机漏水');
    await click(screen.getByTestId('reserve-submit-12'));
    await flush();
    expect(svc.reserve.mock.calls[0][0]).toMatchObject({ slotId: 12, place: '锦屏花园3栋2单元301', purpose: '洗衣机漏水' });
    expect(within(screen.getByTestId('venue-done')).getByText('上门地址：锦屏花园3栋2单元301')).toBeTruthy();
  });

  it('when the last seat went meanwhile, says so and offers the waitlist with the same form', async () => {
    svc.venueSlots.mockResolvedValue({ ok: true, data: [venueSlot(13, { left: 1 })] });
    svc.reserve.mockResolvedValueOnce({ ok: false, error: { code: 'CAPACITY_FULL', message: '名额已满，可以排队候补', details: { waitlist: true } } });
    svc.reserve.mockResolvedValueOnce({
      ok: true,
      data: reservation(502, { slotId: 13, status: 'waitlisted', code: 'ABCDEF', can: { cancel: true, accept: false, checkIn: false, checkOut: false } }),
    });
    render(<VenueSlotsPage />);
    await flush();
    await click(screen.getByTestId('venue-reserve-13'));
    await click(screen.getByTestId('reserve-submit-13'));
    await flush();
    expect(screen.getByTestId('reserve-error').textContent).toContain('可以排队候补');
    expect(screen.getByTestId('reserve-submit-13').textContent).toBe('确认排队候补');
    await click(screen.getByTestId('reserve-submit-13'));
    await flush();
    expect(svc.reserve.mock.calls[1][0]).toMatchObject({ slotId: 13, waitlist: true });
    const done = within(screen.getByTestId('venue-done'));
    expect(done.getByText('✓ 已加入候补')).toBeTruthy();
    // In line, the code is not for the door yet.
    expect(done.queryByTestId('reservation-code')).toBeNull();
  });

  it('when the last seat went meanwhile on a slot with no line, says so and offers no waitlist', async () => {
    svc.venueSlots.mockResolvedValue({ ok: true, data: [venueSlot(16, { left: 1, waitlist: false })] });
    svc.reserve.mockResolvedValueOnce({ ok: false, error: { code: 'CAPACITY_FULL', message: '名额已满，这个时段不排队候补', details: { waitlist: false } } });
    render(<VenueSlotsPage />);
    await flush();
    await click(screen.getByTestId('venue-reserve-16'));
    svc.venueSlots.mockResolvedValue({ ok: true, data: [venueSlot(16, { left: 0, waitlist: false })] });
    await click(screen.getByTestId('reserve-submit-16'));
    await flush();
    expect(screen.getByTestId('reserve-error').textContent).toContain('不排队候补');
    expect(screen.getByTestId('reserve-submit-16').textContent).toBe('确认预约');
    expect(svc.venueSlots).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('venue-slot-state-16').textContent).toBe('已满（不排队）');
  });

  it('为谁预约 offers only the groups the server lets me book for; a group taken away meanwhile is explained', async () => {
    const team = { id: 9, name: '管网疏通服务队' };
    // He also works for a property firm: the server leaves it out, so the page never offers it.
    (me.get as jest.Mock).mockResolvedValue({
      ok: true,
      data: profile({
        roles: [
          { role: 'org_staff', roleLabel: '接单方工作人员', scopeLevel: 'community', scopeId: 1, scopeName: '南街社区', organisation: team },
          {
            role: 'org_staff',
            roleLabel: '接单方工作人员',
            scopeLevel: 'community',
            scopeId: 1,
            scopeName: '南街社区',
            organisation: { id: 12, name: '阆苑物业服务有限公司' },
          },
        ],
      }),
    });
    svc.venueGroups.mockResolvedValue({ ok: true, data: [team] });
    svc.venueSlots.mockResolvedValue({ ok: true, data: [venueSlot(14)] });
    svc.reserve.mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: '团体不存在' } });
    render(<VenueSlotsPage />);
    await flush();
    await click(screen.getByTestId('venue-reserve-14'));
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual(['我自己', '管网疏通服务队']);
    await click(screen.getByRole('radio', { name: '管网疏通服务队' }));
    await click(screen.getByTestId('reserve-submit-14'));
    await flush();
    expect(svc.reserve.mock.calls[0][0]).toMatchObject({ slotId: 14, groupId: 9 });
    expect(screen.getByTestId('reserve-error').textContent).toContain('请选「我自己」');
  });
});

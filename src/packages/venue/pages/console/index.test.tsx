import { render, screen, within } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { addDays, localDay } from '@hg/types/local-time';
import { click, flush, typeInto } from '../../../../test-utils';
import { centre, venueSlot } from '../../test-fixtures';
import VenueConsolePage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;
const tomorrow = addDays(localDay(new Date()), 1);

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.venueConsole);
  svc.centres.mockResolvedValue({ ok: true, data: [centre] });
  svc.venueSlots.mockResolvedValue({ ok: true, data: [] });
});

describe('场地与活动管理', () => {
  it('publishes a slot for tomorrow at the usual hours of its kind, in Beijing time, once the places are given', async () => {
    svc.publishSlot.mockResolvedValue({ ok: true, data: venueSlot(20, { day: tomorrow }) });
    render(<VenueConsolePage />);
    await flush();
    await click(screen.getByTestId('venue-publish'));
    await flush();
    await click(screen.getByRole('radio', { name: '活动' }));
    await typeInto(screen.getByLabelText('名称'), '重阳节包饺子');
    await click(screen.getByTestId('venue-slot-save'));
    expect(svc.publishSlot).not.toHaveBeenCalled();
    expect(screen.getByTestId('vform-capacity-error').textContent).toBe('请填写名额（整数）');
    await typeInto(screen.getByLabelText('名额'), '20');
    // A full activity keeps a line unless staff say no: here the hall seats twenty and no more.
    expect(screen.getByRole('radio', { name: '可以排队候补' }).getAttribute('aria-checked')).toBe('true');
    await click(screen.getByRole('radio', { name: '不排队，约满即止' }));
    expect(screen.getByTestId('vform-waitlist-hint').textContent).toContain('不排队');
    await click(screen.getByTestId('venue-slot-save'));
    await flush();
    expect(svc.publishSlot).toHaveBeenCalledWith({
      centreId: 3,
      kind: 'activity',
      title: '重阳节包饺子',
      startsAt: `${tomorrow}T09:30:00+08:00`,
      endsAt: `${tomorrow}T11:00:00+08:00`,
      cutoffAt: `${tomorrow}T08:30:00+08:00`,
      capacity: 20,
      waitlist: false,
    });
    expect(screen.queryByTestId('venue-slot-form')).toBeNull();
  });

  it('edits only a slot nobody booked; after the first booking it says to withdraw and publish again', async () => {
    svc.venueSlots.mockResolvedValue({
      ok: true,
      data: [
        venueSlot(21, { day: tomorrow, editable: true }),
        venueSlot(22, { day: tomorrow, title: '棋牌', left: 0, waiting: 2 }),
        venueSlot(23, { day: tomorrow, title: '议事', left: 1, waitlist: false }),
      ],
    });
    svc.editSlot.mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message: '已有预约' } });
    render(<VenueConsolePage />);
    await flush();
    expect(within(screen.getByTestId('staff-slot-22')).queryByTestId('staff-edit-22')).toBeNull();
    expect(screen.getByTestId('staff-slot-count-22').textContent).toBe('已约 6/6 · 2人候补');
    expect(screen.getByTestId('staff-slot-count-23').textContent).toBe('已约 5/6 · 不排队');
    await click(screen.getByTestId('staff-edit-21'));
    await flush();
    expect((screen.getByLabelText('名额') as HTMLInputElement).value).toBe('6');
    await typeInto(screen.getByLabelText('名额'), '8');
    await click(screen.getByTestId('venue-slot-save'));
    await flush();
    expect(svc.editSlot).toHaveBeenCalledWith(expect.objectContaining({ slotId: 21, capacity: 8, title: '书画室', waitlist: true }));
    expect(screen.getByTestId('venue-slot-error').textContent).toContain('请撤回后重新发布');
  });

  it('withdraws with a reason, telling how many were booked', async () => {
    svc.venueSlots.mockResolvedValue({ ok: true, data: [venueSlot(22, { day: tomorrow, title: '棋牌', left: 2 })] });
    svc.withdrawSlot.mockResolvedValue({ ok: true, data: venueSlot(22, { status: 'withdrawn' }) });
    render(<VenueConsolePage />);
    await flush();
    await click(screen.getByTestId('staff-withdraw-22'));
    await flush();
    const dialog = within(screen.getByTestId('withdraw-dialog'));
    expect(dialog.getByText('已有 4 人预约', { exact: false })).toBeTruthy();
    await click(dialog.getByTestId('withdraw-dialog-yes'));
    expect(svc.withdrawSlot).not.toHaveBeenCalled();
    expect(screen.getByTestId('withdraw-reason-error').textContent).toContain('请说明撤回原因');
    await typeInto(screen.getByLabelText('撤回原因'), '场地维修');
    await click(dialog.getByTestId('withdraw-dialog-yes'));
    await flush();
    expect(svc.withdrawSlot).toHaveBeenCalledWith({ slotId: 22, reason: '场地维修' });
    expect(screen.queryByTestId('withdraw-dialog')).toBeNull();
  });

  it('closes a day after asking, and says what it ended', async () => {
    svc.closeDay.mockResolvedValue({ ok: true, data: { day: tomorrow, slots: 2, bookings: 3 } });
    render(<VenueConsolePage />);
    await flush();
    const section = within(screen.getByTestId('venue-close-day'));
    await click(section.getByTestId('close-day-submit'));
    expect(screen.getByTestId('close-day-error').textContent).toBe('请选择日期');
    await click(section.getAllByRole('radio')[1]);
    await typeInto(screen.getByLabelText('原因'), '元旦休息');
    await click(section.getByTestId('close-day-submit'));
    await click(screen.getByTestId('close-day-dialog-yes'));
    await flush();
    expect(svc.closeDay).toHaveBeenCalledWith({ centreId: 3, day: tomorrow, reason: '元旦休息' });
    expect(screen.getByTestId('close-day-done').textContent).toContain('撤回 2 个时段，已通知 3 个预约');
  });
});

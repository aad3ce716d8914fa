import { In } from 'typeorm';
import { BOOKING_CHANNEL_LABEL, BOOKING_STATUS_LABEL, localDay, MEAL_MODE_LABEL, type BookingStatus } from '@hg/types';
import type { MealRosterDTO, MealRosterEntryDTO } from '@hg/types/meal-roster';
import { ZMealRosterRequest } from '@hg/types/meal-roster-schemas';
import { defineAction } from '../../../core/action';
import { byId } from '../../../core/by-id';
import { clock } from '../../../core/clock';
import { forbidden } from '../../../core/errors';
import { maskPhone } from '../../identity/public';
import { isCentreStaff } from '../booking.policy';
import { presentRemark } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { loadCentre } from '../centres';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';

/** Who is on the roster: everyone holding a seat (the kitchen cooked for them). */
const ON_ROSTER: BookingStatus[] = ['booked', 'offered', 'redeemed', 'no_show'];

/** A delivered meal reads 已送达 on the roster, an eaten one 已用餐, a missed delivery 未送达. */
function statusLabelOf(b: Booking): string {
  if (b.mode === 'delivery' && b.status === 'redeemed') return '已送达';
  if (b.mode === 'delivery' && b.status === 'no_show') return '未送达';
  return BOOKING_STATUS_LABEL[b.status];
}

/**
 * 今日名单 / 签到表: a centre's meal sittings of one day (today by default), each with every seat
 * holder by name — masked phone, 堂食/送餐, counter code, status, who booked — so the counter can
 * check in by name an elder who was booked by phone and has no code to show, and print a sign-in
 * sheet. `q` narrows each sitting to names (or codes) containing it. Centre staff only: the elder's
 * view for staff (elder-visibility.ts) includes all of this; nobody else gets the roster.
 */
export const getMealRoster = defineAction({
  input: ZMealRosterRequest,
  async handler({ centreId, day, q }, ctx): Promise<MealRosterDTO> {
    if (!isCentreStaff(ctx.actor, centreId)) throw forbidden('只有本中心工作人员可以查看名单');
    const em = ctx.ds.manager;
    const { centre } = await loadCentre(em, centreId);
    const theDay = day ?? localDay(clock.now());
    const slots = await em.find(Slot, { where: { centreId, kind: 'meal', day: theDay }, order: { startsAt: 'ASC' } });
    const rows = slots.length
      ? await em.find(Booking, { where: { slotId: In(slots.map((s) => s.id)), status: In(ON_ROSTER) }, order: { id: 'ASC' } })
      : [];
    const elders = await byId(
      em,
      Elder,
      rows.map((b) => b.elderId),
    );
    const needle = q?.trim().toUpperCase() ?? '';
    const entry = (b: Booking): MealRosterEntryDTO => {
      const elder = elders.get(b.elderId)!;
      return {
        bookingId: b.id,
        elderId: elder.id,
        name: elder.name,
        phoneMasked: elder.phone ? maskPhone(elder.phone) : '',
        noAccount: elder.userId === null,
        mode: b.mode,
        modeLabel: MEAL_MODE_LABEL[b.mode],
        code: b.code,
        status: b.status,
        statusLabel: statusLabelOf(b),
        channel: b.channel,
        channelLabel: BOOKING_CHANNEL_LABEL[b.channel],
        payFen: b.payFen,
        paidBy: b.paidBy,
        redeemedAt: b.redeemedAt ? b.redeemedAt.toISOString() : null,
        remark: presentRemark(b),
      };
    };
    return {
      centre: { id: centre.id, name: centre.name },
      day: theDay,
      sittings: slots.map((slot) => {
        const mine = rows.filter((b) => b.slotId === slot.id).map(entry);
        const people = mine
          .filter((p) => !needle || p.name.toUpperCase().includes(needle) || p.code === needle)
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.bookingId - b.bookingId);
        return {
          slot: { id: slot.id, title: slot.title, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
          total: mine.length,
          redeemed: mine.filter((p) => p.status === 'redeemed').length,
          people,
        };
      }),
    };
  },
});

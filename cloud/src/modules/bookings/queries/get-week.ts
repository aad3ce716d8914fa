import { In } from 'typeorm';
import { addDays, localDay, ZWeekRequest, type BookingDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { closedDaysOf } from '../../slots/public';
import { activeKeyOf } from '../booking-flow';
import { bookingChannel, isLinkedFamily } from '../booking.policy';
import { dishesOf, presentBookings, presentSlot } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { loadCentre } from '../centres';
import { Elder } from '../elder.entity';
import { elderView, elderViewers } from '../elder-visibility';
import { allergyWarnings, elderAddress } from './get-quote';
import { Slot } from '../slot.entity';

const WEEK_DAYS = 7;

/**
 * 一周菜单 / 可约时段: a centre's slots for 7 days from `from` (default today, Beijing time), in
 * time order, with seats left and the waitlist length; a closed day's (休息日) slots are left out
 * (closedDays names the day). Menus are public to anyone signed in. With
 * `elderId` — someone the caller may book for (themselves, as staff, grid worker or verified family; anyone else
 * is NOT_FOUND) — each slot carries that elder's live booking and, for whoever may see the
 * elder's booking warnings (elder-visibility.ts), the dishes holding one of the elder's allergies.
 */
export const getWeek = defineAction({
  input: ZWeekRequest,
  async handler({ centreId, from, kind, elderId }, { actor, ds }) {
    const em = ds.manager;
    const now = clock.now();
    await loadCentre(em, centreId);
    let elder: Elder | null = null;
    if (elderId) {
      elder = await em.findOne(Elder, { where: { id: elderId } });
      if (!elder || !(await bookingChannel(em, actor, elder))) throw notFound('老人档案');
    }
    const first = from ?? localDay(now);
    const last = addDays(first, WEEK_DAYS - 1);
    const qb = em
      .createQueryBuilder(Slot, 's')
      .where('s.centreId = :centreId AND s.day >= :first AND s.day <= :last', { centreId, first, last })
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (kind) qb.andWhere('s.kind = :kind', { kind });
    // A closed day's sittings were withdrawn: the day reads 休息 (closedDays), not as sittings.
    const weekDays = Array.from({ length: WEEK_DAYS }, (_, i) => addDays(first, i));
    const closed = new Set((await closedDaysOf(em, centreId, weekDays)).map((c) => c.day));
    // A sitting a close withdrew stays out after the day is reopened (its bookings stay cancelled).
    qb.andWhere('s.withdrawnAt IS NULL');
    const slots = (await qb.getMany()).filter((s) => !closed.has(s.day));
    if (!slots.length) return [];

    const ids = slots.map((s) => s.id);
    const counts = await em
      .createQueryBuilder(Booking, 'b')
      .select('b.slotId', 'slotId')
      .addSelect('COUNT(*)', 'n')
      .where('b.slotId IN (:...ids) AND b.status = :status', { ids, status: 'waitlisted' })
      .groupBy('b.slotId')
      .getRawMany<{ slotId: number | string; n: number | string }>();
    const waitlisted = new Map(counts.map((c) => [Number(c.slotId), Number(c.n)]));

    const mine = new Map<number, BookingDTO>();
    if (elder) {
      const live = await em.find(Booking, { where: { activeKey: In(ids.map((id) => activeKeyOf(id, elder.id))) } });
      for (const dto of await presentBookings(em, live, actor, now)) mine.set(dto.slotId, dto);
    }
    const warned = elder && elderView(elderViewers(actor, elder, await isLinkedFamily(em, actor.userId, elder.id))).bookingWarnings ? elder : null;
    return slots.map((s) =>
      presentSlot(s, now, {
        waitlisted: waitlisted.get(s.id) ?? 0,
        myBooking: elder ? (mine.get(s.id) ?? null) : null,
        allergyWarnings: warned ? allergyWarnings(dishesOf(s), warned.allergies, elderAddress(actor, warned)) : [],
      }),
    );
  },
});

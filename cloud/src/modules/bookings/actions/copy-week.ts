import { In, IsNull } from 'typeorm';
import { addDays, BOOKING_RULES, localDay, ZCopyWeekRequest, type CopyWeekDTO, type Sitting } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, isUniqueViolation } from '../../../core/errors';
import { closedDayReason, closedDaysOf } from '../../slots/public';
import { isCentreStaff } from '../booking.policy';
import { loadCentre } from '../centres';
import { publishMealSitting } from '../meal-sittings';
import { Slot } from '../slot.entity';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const later = (d: Date) => new Date(d.getTime() + WEEK_MS);

/**
 * 复制上周菜单: for each meal sitting of the 7 days before `from` at the centre, the same sitting
 * seven days later — time, cut-off, booking opening, capacities, weekly quota, price and the menu
 * with its allergens — published at once like any saved sitting (the centre's staff review the
 * copied week in the console, swap a dish with editMenu and print it). Skipped, with the reason:
 * a closed day (休息日), a sitting the week already has (本周已有), a cut-off already past, a day
 * beyond how far ahead sittings may be published. A sitting a 休息日 withdrew (the day since
 * reopened) does not count as 本周已有: the copy takes its place. The unique key (centre, day, sitting) makes a
 * second or parallel copy create nothing twice; each closed-day check is a locking read, so a
 * day closed at the same time is either skipped here or withdrawn by the close.
 */
export const copyWeek = defineAction({
  input: ZCopyWeekRequest,
  async handler({ centreId, from, dryRun }, { actor, ds, tx }) {
    const now = clock.now();
    const { centre } = await loadCentre(ds.manager, centreId);
    if (!isCentreStaff(actor, centre.id)) throw forbidden('只有本中心工作人员可以复制菜单');
    const source = Array.from({ length: 7 }, (_, i) => addDays(from, i - 7));
    const target = source.map((d) => addDays(d, 7));
    const lastWeek = (await ds.manager.find(Slot, { where: { centreId, kind: 'meal', day: In(source) }, order: { startsAt: 'ASC', id: 'ASC' } })).filter(
      (s): s is Slot & { sitting: Sitting } => !!s.sitting,
    );
    const closed = new Map((await closedDaysOf(ds.manager, centreId, target)).map((c) => [c.day, c.reason]));
    const existing = new Set(
      (await ds.manager.find(Slot, { where: { centreId, kind: 'meal', day: In(target), withdrawnAt: IsNull() }, select: { day: true, sitting: true } })).map(
        (s) => `${s.day}:${s.sitting}`,
      ),
    );
    const lastDay = addDays(localDay(now), BOOKING_RULES.slotDaysAhead);
    const result: CopyWeekDTO = { created: [], skipped: [] };
    const todo: Slot[] = [];
    for (const s of lastWeek) {
      const day = addDays(s.day, 7);
      const item = { day, sitting: s.sitting, title: s.title };
      const reason = closed.has(day)
        ? '休息日'
        : existing.has(`${day}:${s.sitting}`)
          ? '本周已有'
          : later(s.cutoffAt).getTime() <= now.getTime()
            ? '已截止'
            : day > lastDay
              ? '超出可发布范围'
              : null;
      if (reason) result.skipped.push({ ...item, reason });
      else todo.push(s);
    }
    if (dryRun) {
      result.created = todo.map((s) => ({ day: addDays(s.day, 7), sitting: s.sitting!, title: s.title, slotId: null }));
      return result;
    }
    const created = await tx(async (em) => {
      const made: CopyWeekDTO['created'] = [];
      const skipped: CopyWeekDTO['skipped'] = [];
      for (const s of todo) {
        const day = addDays(s.day, 7);
        const item = { day, sitting: s.sitting!, title: s.title };
        if ((await closedDayReason(em, centreId, day)) !== null) {
          skipped.push({ ...item, reason: '休息日' });
          continue;
        }
        try {
          const res = await publishMealSitting(em, {
            centreId,
            kind: 'meal',
            day,
            sitting: s.sitting!,
            title: s.title,
            startsAt: later(s.startsAt),
            endsAt: later(s.endsAt),
            cutoffAt: later(s.cutoffAt),
            capacityDineIn: s.capacityDineIn,
            capacityDelivery: s.capacityDelivery,
            opensAt: s.opensAt ? later(s.opensAt) : null,
            quotaPerWeek: s.quotaPerWeek,
            priceFen: s.priceFen,
            dishes: s.dishes,
            createdById: actor.userId,
            createdAt: now,
          });
          made.push({ ...item, slotId: res.id });
        } catch (err) {
          // A parallel copy (or a staff member saving that sitting by hand) got there first.
          if (!isUniqueViolation(err)) throw err;
          skipped.push({ ...item, reason: '本周已有' });
        }
      }
      return { made, skipped };
    });
    result.created = created.made;
    result.skipped.push(...created.skipped);
    result.skipped.sort((a, b) => a.day.localeCompare(b.day));
    return result;
  },
});

import { localDay } from '@hg/types';
import { AppError } from '../../core/errors';
import type { TimerJob } from '../../core/module';
import { RatingPeriod } from './entities';
import { closePeriod } from './periods';

/** The day after a period's last day (Beijing time), it closes and its results are computed. */
export const closeEndedPeriods: TimerJob = {
  name: 'ratings.closeEndedPeriods',
  async run(ctx, now) {
    const today = localDay(now);
    const open = await ctx.em.find(RatingPeriod, { where: { status: 'open' } });
    let periodsClosed = 0;
    for (const period of open.filter((p) => p.endsOn < today)) {
      try {
        await closePeriod({ tx: ctx.tx }, period, now);
        periodsClosed++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return { periodsClosed };
  },
};

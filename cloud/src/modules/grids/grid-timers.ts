import type { TimerJob } from '../../core/module';
import { planVisits } from './plans';

/** 计划走访: plans this and the next period's visits for every target household (idempotent per household and period). */
export const GRID_TIMERS: readonly TimerJob[] = [{ name: 'grids.planVisits', run: (ctx, now) => planVisits(ctx.em, now) }];

import { PeriodStatus } from '@hg/types';
import { defineMachine } from '../../core/state-machine';

/** A rating period: open (households and assessors rate) → closed (computed) → published (public). */
export const PERIOD_MACHINE = defineMachine<PeriodStatus, 'close' | 'publish', 'admin'>({
  name: 'rating-period',
  states: Object.values(PeriodStatus),
  rows: [
    { action: 'close', from: ['open'], to: 'closed', event: 'closed', who: ['admin'] },
    { action: 'publish', from: ['closed'], to: 'published', event: 'published', who: ['admin'] },
  ],
});

import { StandingOrderStatus } from '@hg/types';
import { defineMachine } from '../../core/state-machine';

/** A standing order pauses and resumes; stopping ends it. Bookings already made stay (cancel them one by one). */
export const STANDING_MACHINE = defineMachine<StandingOrderStatus, 'pause' | 'resume' | 'stop'>({
  name: 'standing-order',
  states: Object.values(StandingOrderStatus),
  rows: [
    { action: 'pause', from: ['active'], to: 'paused', event: 'paused' },
    { action: 'resume', from: ['paused'], to: 'active', event: 'resumed' },
    { action: 'stop', from: ['active', 'paused'], to: 'stopped', event: 'stopped' },
  ],
});

import type { DomainModule } from '../../core/module';
import { notificationsModule } from '../notifications';
import { ClosedDay } from './closed-day.entity';
import { SlotEngine1765584000000 } from './migrations/1765584000000-SlotEngine';
import { SlotQuota1765627200000 } from './migrations/1765627200000-SlotQuota';
import { SlotWaitlistChoice1765958400000 } from './migrations/1765958400000-SlotWaitlistChoice';
import { SlotHolder } from './slot-holder.entity';
import { SlotBooking } from './slot-booking.entity';
import { SlotPool } from './slot-pool.entity';
import { SLOT_BOOKING_MACHINE, SLOT_MACHINE } from './slot-status';
import { EngineSlot } from './slot.entity';
import { SLOT_TIMERS } from './slot-timers';

/**
 * The slot engine: slots of a kind with seat pools, bookings by a holder (an elder, a resident, a
 * group), waitlist with offers, a slot's lifecycle and attendance. It knows no programme; the
 * programmes (cloud/src/modules/bookings) serve its actions and keep their own fields.
 */
export const slotsModule: DomainModule = {
  name: 'slots',
  entities: [EngineSlot, SlotPool, SlotBooking, ClosedDay, SlotHolder],
  requires: [notificationsModule],
  migrations: [SlotEngine1765584000000, SlotQuota1765627200000, SlotWaitlistChoice1765958400000],
  timers: SLOT_TIMERS,
  subjects: [SLOT_MACHINE.name, SLOT_BOOKING_MACHINE.name],
};

import type { EntityManager } from 'typeorm';
import type { EngineSlotKind } from '@hg/types';
import type { Notifier } from '../notifications/public';
import type { OfferTerms } from './reservations';
import type { SlotBookingView } from './views';

/** What the engine's timers tell of a slot, as a programme words it. */
export interface SlotOfKind {
  id: number;
  kind: EngineSlotKind;
  venueId: number;
  day: string;
  title: string;
}

/**
 * A programme's terms for the slots of a kind it runs, used where the engine acts on its own (the
 * timers): how a freed seat is offered on (its window and message), and how a lapsed offer and a
 * waitlist closed at the cut-off are told. A kind without terms gets the engine's.
 */
export interface KindTerms {
  offer?(em: EntityManager, slot: SlotOfKind, notifier: Notifier): Promise<OfferTerms>;
  offerLapsed?(em: EntityManager, booking: SlotBookingView, slot: SlotOfKind, notifier: Notifier): Promise<void>;
  waitlistClosed?(em: EntityManager, booking: SlotBookingView, slot: SlotOfKind, notifier: Notifier): Promise<void>;
}

const terms = new Map<EngineSlotKind, KindTerms>();

/** A programme names its terms for a kind once, when its module loads. */
export function setKindTerms(kind: EngineSlotKind, t: KindTerms): void {
  terms.set(kind, t);
}

export const kindTerms = (kind: EngineSlotKind): KindTerms | undefined => terms.get(kind);

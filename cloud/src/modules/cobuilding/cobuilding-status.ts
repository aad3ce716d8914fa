import { AgreementStatus, DeliveryStatus } from '@hg/types/cobuilding';
import { defineMachine } from '../../core/state-machine';

export type AgreementAction = 'edit' | 'endorse' | 'sign' | 'close';

/**
 * An agreement as one table. `edit` and `endorse` (the first side's signature) stay in draft so
 * each is still one compare-and-set with its event; `sign` is the second side's signature, after
 * which the items are frozen. `department` = the department's staff, `party` = staff of the street
 * or community (cobuilding.policy.ts).
 */
export const AGREEMENT_MACHINE = defineMachine<AgreementStatus, AgreementAction, 'department' | 'party'>({
  name: 'cobuilding_agreement',
  states: Object.values(AgreementStatus),
  rows: [
    { action: 'edit', from: ['draft'], to: 'draft', event: 'edited', who: ['department', 'party'] },
    { action: 'endorse', from: ['draft'], to: 'draft', event: 'endorsed', who: ['department', 'party'] },
    { action: 'sign', from: ['draft'], to: 'signed', event: 'signed', who: ['department', 'party'] },
    { action: 'close', from: ['signed'], to: 'closed', event: 'closed', who: ['party'] },
  ],
});

export type DeliveryAction = 'confirm' | 'decline';

/** A delivery is decided once: confirmed (it counts) or declined (with a reason; it never counts). */
export const DELIVERY_MACHINE = defineMachine<DeliveryStatus, DeliveryAction, 'party'>({
  name: 'cobuilding_delivery',
  states: Object.values(DeliveryStatus),
  rows: [
    { action: 'confirm', from: ['pending'], to: 'confirmed', event: 'confirmed', who: ['party'] },
    { action: 'decline', from: ['pending'], to: 'declined', event: 'declined', who: ['party'] },
  ],
});

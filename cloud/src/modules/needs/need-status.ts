import type { NeedActionName, NeedStatus } from '@hg/types';

/**
 * The state machine of BRIEF §5. `dispatched → dispatched` is a transfer (转单); `→ submitted` from
 * dispatched/accepted is a decline (退单, back to the community); `resolved → in_progress` a reopen.
 */
export const NEED_TRANSITIONS: Record<NeedStatus, readonly NeedStatus[]> = {
  submitted: ['dispatched', 'open_for_claim', 'rejected', 'cancelled', 'merged'],
  dispatched: ['accepted', 'submitted', 'dispatched', 'cancelled', 'merged'],
  open_for_claim: ['accepted', 'dispatched', 'cancelled', 'merged'],
  accepted: ['in_progress', 'submitted', 'dispatched'],
  in_progress: ['on_hold', 'resolved', 'dispatched'],
  on_hold: ['in_progress'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: [],
  cancelled: [],
  merged: [],
};

export function canTransition(from: NeedStatus, to: NeedStatus): boolean {
  return NEED_TRANSITIONS[from].includes(to);
}

/** Each state-changing action: the states it starts from and the state it leads to. */
export const ACTION_TRANSITIONS: Partial<Record<NeedActionName | 'autoClose', { from: readonly NeedStatus[]; to: NeedStatus }>> = {
  dispatch: { from: ['submitted', 'open_for_claim'], to: 'dispatched' },
  publish: { from: ['submitted'], to: 'open_for_claim' },
  claim: { from: ['open_for_claim'], to: 'accepted' },
  accept: { from: ['dispatched'], to: 'accepted' },
  decline: { from: ['dispatched', 'accepted'], to: 'submitted' },
  transfer: { from: ['dispatched', 'accepted', 'in_progress'], to: 'dispatched' },
  start: { from: ['accepted'], to: 'in_progress' },
  hold: { from: ['in_progress'], to: 'on_hold' },
  resume: { from: ['on_hold'], to: 'in_progress' },
  resolve: { from: ['in_progress'], to: 'resolved' },
  rate: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'in_progress' },
  cancel: { from: ['submitted', 'dispatched', 'open_for_claim'], to: 'cancelled' },
  reject: { from: ['submitted'], to: 'rejected' },
  merge: { from: ['submitted', 'dispatched', 'open_for_claim'], to: 'merged' },
  autoClose: { from: ['resolved'], to: 'closed' },
};

/** States from which the non-transition actions (urge, comment) make sense. */
export const URGEABLE: readonly NeedStatus[] = ['submitted', 'dispatched', 'open_for_claim', 'accepted', 'in_progress', 'on_hold'];
export const COMMENTABLE: readonly NeedStatus[] = [...URGEABLE, 'resolved'];

import { NeedStatus, type NeedActionName, type NeedEventType } from '@hg/types';
import { defineMachine } from '../../core/state-machine';

/**
 * How the actor relates to a need; `who` in the table lists the relations that may act.
 * `follower`: a resident whose duplicate was merged into this need (need_followers).
 * `ladder`: holds a ladder role (LADDER_RUNG) over the need's place at or below the need's current
 * level — escalation gives power to act (dispatch, transfer, 督办), not only to watch.
 */
export type NeedRelationKey = 'reporter' | 'staff' | 'head' | 'receiver' | 'claimer' | 'follower' | 'ladder';

/** State-changing actions: the user actions plus the timer's unrated auto-close. */
export type NeedTransitionAction = Exclude<NeedActionName, 'urge' | 'comment'> | 'autoClose';

const OPEN: readonly NeedStatus[] = ['submitted', 'dispatched', 'open_for_claim', 'accepted', 'in_progress', 'on_hold'];

/**
 * The needs machine of BRIEF §5, one row per action. `dispatched → dispatched` is a transfer
 * (转单); `→ submitted` from dispatched/accepted is a decline (退单, back to the community);
 * `resolved`/`closed` → `in_progress` a reopen. `autoClose` has no `who`: only the timer takes it.
 */
export const NEED_MACHINE = defineMachine<NeedStatus, NeedTransitionAction, NeedRelationKey>({
  name: 'need',
  states: Object.values(NeedStatus),
  rows: [
    { action: 'dispatch', from: ['submitted', 'open_for_claim'], to: 'dispatched', event: 'dispatched', who: ['staff', 'ladder'] },
    { action: 'publish', from: ['submitted'], to: 'open_for_claim', event: 'published', who: ['staff'] },
    { action: 'claim', from: ['open_for_claim'], to: 'accepted', event: 'claimed', who: ['claimer'] },
    { action: 'accept', from: ['dispatched'], to: 'accepted', event: 'accepted', who: ['receiver'] },
    { action: 'decline', from: ['dispatched', 'accepted'], to: 'submitted', event: 'declined', who: ['receiver'] },
    { action: 'transfer', from: ['dispatched', 'accepted', 'in_progress'], to: 'dispatched', event: 'transferred', who: ['staff', 'ladder'] },
    { action: 'start', from: ['accepted'], to: 'in_progress', event: 'started', who: ['receiver'] },
    { action: 'hold', from: ['in_progress'], to: 'on_hold', event: 'held', who: ['receiver'] },
    { action: 'resume', from: ['on_hold'], to: 'in_progress', event: 'resumed', who: ['receiver'] },
    { action: 'resolve', from: ['in_progress'], to: 'resolved', event: 'resolved', who: ['receiver'] },
    { action: 'rate', from: ['resolved'], to: 'closed', event: 'rated', who: ['reporter'] },
    // From `closed` too: rating does not end the resident's 7-day reopen window (the policy checks
    // the window from resolvedAt and that the close was a rating, not the unrated auto-close).
    { action: 'reopen', from: ['resolved', 'closed'], to: 'in_progress', event: 'reopened', who: ['reporter'] },
    { action: 'cancel', from: ['submitted', 'dispatched', 'open_for_claim'], to: 'cancelled', event: 'cancelled', who: ['reporter'] },
    { action: 'reject', from: ['submitted'], to: 'rejected', event: 'rejected', who: ['staff'] },
    { action: 'merge', from: ['submitted', 'dispatched', 'open_for_claim'], to: 'merged', event: 'merged', who: ['staff'] },
    { action: 'autoClose', from: ['resolved'], to: 'closed', event: 'auto_closed' },
  ],
});

/**
 * Actions that leave the state as it is (they still write an event or a comment): the states they
 * apply in and who may take them. Together with NEED_MACHINE this is every need action.
 */
export const NEED_IN_PLACE: Record<'urge' | 'comment', { from: readonly NeedStatus[]; who: readonly NeedRelationKey[] }> = {
  urge: { from: OPEN, who: ['reporter', 'ladder'] },
  comment: { from: [...OPEN, 'resolved'], who: ['reporter', 'receiver', 'staff', 'head', 'follower', 'ladder'] },
};

/** The event type a transition writes (typed view of the table's `event`). */
export const eventOf = (action: NeedTransitionAction): NeedEventType => NEED_MACHINE.rule(action).event as NeedEventType;

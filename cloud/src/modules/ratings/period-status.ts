import { ObjectionStatus, PeriodStatus } from '@hg/types';
import { defineMachine } from '../../core/state-machine';

/**
 * A rating period: scheduled (prepared ahead; the admin may edit or cancel it; the timer opens it
 * on its first day) → open (households and assessors rate; an admin may also open a period at once,
 * from its first day on) → closed (computed; the admin reviews the results and comments, nobody else
 * sees them) → publicity (公示: public, marked 公示中; the firm may object) → published (final, 定稿,
 * once 公示 has ended and every objection is answered). The event of the last step keeps its old
 * name: periods published before 公示 existed are final too. A cancelled period's row is deleted in
 * the cancelling transaction (nothing refers to a period that never opened); the log keeps it.
 */
export const PERIOD_MACHINE = defineMachine<PeriodStatus, 'open' | 'edit' | 'cancel' | 'close' | 'publicize' | 'finalize', 'admin' | 'timer'>({
  name: 'rating-period',
  states: Object.values(PeriodStatus),
  rows: [
    { action: 'open', from: ['scheduled'], to: 'open', event: 'opened', who: ['timer'] },
    { action: 'edit', from: ['scheduled'], to: 'scheduled', event: 'edited', who: ['admin'] },
    { action: 'cancel', from: ['scheduled'], to: 'cancelled', event: 'cancelled', who: ['admin'] },
    { action: 'close', from: ['open'], to: 'closed', event: 'closed', who: ['admin', 'timer'] },
    { action: 'publicize', from: ['closed'], to: 'publicity', event: 'publicized', who: ['admin'] },
    { action: 'finalize', from: ['publicity'], to: 'published', event: 'published', who: ['admin', 'timer'] },
  ],
});

/** A firm's objection during 公示: the admin upholds it (the result is corrected) or rejects it, with an answer. */
export const OBJECTION_MACHINE = defineMachine<ObjectionStatus, 'uphold' | 'reject', 'admin'>({
  name: 'rating-objection',
  states: Object.values(ObjectionStatus),
  rows: [
    { action: 'uphold', from: ['pending'], to: 'upheld', event: 'upheld', who: ['admin'] },
    { action: 'reject', from: ['pending'], to: 'rejected', event: 'rejected', who: ['admin'] },
  ],
});

export type CommentStatus = 'visible' | 'hidden' | 'removed';

/**
 * A rating's public comment: enough reports hide it until a moderator keeps or removes it; a
 * moderator may also take a visible comment down (the admin reviewing a closed period in 结果审核)
 * and give a removed one back. The household writing a new comment makes it visible again (it is
 * masked afresh). Masking a fragment changes no state: it is an in-place `masked` event of the same subject.
 */
export const COMMENT_MACHINE = defineMachine<CommentStatus, 'hide' | 'keep' | 'remove' | 'rewrite', 'reporters' | 'moderator' | 'author'>({
  name: 'rating-comment',
  states: ['visible', 'hidden', 'removed'],
  rows: [
    { action: 'hide', from: ['visible'], to: 'hidden', event: 'hidden', who: ['reporters'] },
    { action: 'keep', from: ['hidden', 'removed'], to: 'visible', event: 'kept', who: ['moderator'] },
    { action: 'remove', from: ['visible', 'hidden'], to: 'removed', event: 'removed', who: ['moderator'] },
    { action: 'rewrite', from: ['hidden', 'removed'], to: 'visible', event: 'rewritten', who: ['author'] },
  ],
});

import { ObjectionStatus, PeriodStatus } from '@hg/types';
import { defineMachine } from '../../core/state-machine';

/**
 * A rating period: open (households and assessors rate) → closed (computed; the admin reviews the
 * results and comments, nobody else sees them) → publicity (公示: public, marked 公示中; the firm
 * may object) → published (final, 定稿, once 公示 has ended and every objection is answered). The
 * event of the last step keeps its old name: periods published before 公示 existed are final too.
 */
export const PERIOD_MACHINE = defineMachine<PeriodStatus, 'close' | 'publicize' | 'finalize', 'admin' | 'timer'>({
  name: 'rating-period',
  states: Object.values(PeriodStatus),
  rows: [
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
 * A rating's public comment: enough reports hide it until a moderator keeps or removes it; the
 * household writing a new comment makes it visible again (it is masked afresh). Masking a fragment
 * changes no state: it is an in-place `masked` event of the same subject.
 */
export const COMMENT_MACHINE = defineMachine<CommentStatus, 'hide' | 'keep' | 'remove' | 'rewrite', 'reporters' | 'moderator' | 'author'>({
  name: 'rating-comment',
  states: ['visible', 'hidden', 'removed'],
  rows: [
    { action: 'hide', from: ['visible'], to: 'hidden', event: 'hidden', who: ['reporters'] },
    { action: 'keep', from: ['hidden'], to: 'visible', event: 'kept', who: ['moderator'] },
    { action: 'remove', from: ['hidden'], to: 'removed', event: 'removed', who: ['moderator'] },
    { action: 'rewrite', from: ['hidden', 'removed'], to: 'visible', event: 'rewritten', who: ['author'] },
  ],
});

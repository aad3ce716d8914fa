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

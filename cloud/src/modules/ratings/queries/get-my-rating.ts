import { ZMyRatingRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { loadMyRating } from '../my-rating';

/** The household's rating this period (to prefill the form), or why it cannot rate. */
export const getMyRating = defineAction({
  input: ZMyRatingRequest,
  handler: ({ householdId }, ctx) => loadMyRating(ctx, householdId),
});

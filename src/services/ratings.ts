import { client } from './client';

/**
 * 星级物业: households rate their firm once per period, assessors score the criteria, admins run
 * periods and weights, moderators handle reported comments, the firm replies in public.
 */
export const ratings = client('ratings', [
  'rate',
  'myRating',
  'assess',
  'firmCard',
  'leaderboard',
  'reply',
  'replyComment',
  'reportComment',
  'moderationQueue',
  'moderate',
  'maskComment',
  'hideVoice',
  'editTranscript',
  'periods',
  'openPeriod',
  'schedulePeriod',
  'editPeriod',
  'cancelPeriod',
  'closePeriod',
  'publishPeriod',
  'finalizePeriod',
  'periodReview',
  'lodgeObjection',
  'answerObjection',
  'objections',
  'correctResult',
  'resultVersions',
  'saveWeights',
  'assessable',
  'weights',
]);

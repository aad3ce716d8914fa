import { client } from './client';

/** 五步议事法: matters of a compound, the household's ballot, and the organisers' steps. */
export const deliberation = client('deliberation', [
  'list',
  'get',
  'create',
  'edit',
  'publish',
  'revise',
  'withdraw',
  'vote',
  'enterBallot',
  'myBallot',
  'participation',
  'close',
  'writeOutcome',
  'publishOutcome',
]);

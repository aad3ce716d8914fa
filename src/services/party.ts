import { client } from './client';

/** 党员双报到与履职: reports, commitments, activities on the slot engine, hours and their approval. */
export const party = client('party', [
  'report',
  'myReport',
  'renew',
  'withdraw',
  'reports',
  'confirm',
  'decline',
  'signCommitment',
  'myCommitment',
  'publishActivity',
  'activities',
  'signUp',
  'checkIn',
  'checkOut',
  'hours',
  'myHours',
  'decideHours',
  'correctHours',
]);

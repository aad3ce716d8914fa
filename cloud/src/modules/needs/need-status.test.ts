import { NeedStatus } from '@hg/types';
import { ACTION_TRANSITIONS, canTransition, NEED_TRANSITIONS } from './need-status';

const ALL = Object.values(NeedStatus);

/** The allowed moves, written out once more by hand so a change to the table is a deliberate act. */
const ALLOWED = new Set([
  'submitted>dispatched',
  'submitted>open_for_claim',
  'submitted>rejected',
  'submitted>cancelled',
  'submitted>merged',
  'dispatched>accepted',
  'dispatched>submitted',
  'dispatched>dispatched',
  'dispatched>cancelled',
  'dispatched>merged',
  'open_for_claim>accepted',
  'open_for_claim>dispatched',
  'open_for_claim>cancelled',
  'open_for_claim>merged',
  'accepted>in_progress',
  'accepted>submitted',
  'accepted>dispatched',
  'in_progress>on_hold',
  'in_progress>resolved',
  'in_progress>dispatched',
  'on_hold>in_progress',
  'resolved>closed',
  'resolved>in_progress',
]);

describe('need state machine', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it('has an entry for every status, and terminal states lead nowhere', () => {
    expect(Object.keys(NEED_TRANSITIONS).sort()).toEqual([...ALL].sort());
    for (const s of ['closed', 'rejected', 'cancelled', 'merged'] as const) expect(NEED_TRANSITIONS[s]).toEqual([]);
  });

  it.each(Object.entries(ACTION_TRANSITIONS))('action %s only uses allowed moves', (_action, rule) => {
    for (const from of rule!.from) expect(canTransition(from, rule!.to)).toBe(true);
  });

  it('cancel is only possible before acceptance', () => {
    expect(ACTION_TRANSITIONS.cancel!.from).not.toContain('accepted');
    expect(ACTION_TRANSITIONS.cancel!.from).not.toContain('in_progress');
  });
});

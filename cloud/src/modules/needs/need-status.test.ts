import { NeedStatus } from '@hg/types';
import { everyCase } from '../../core/state-machine';
import { NEED_IN_PLACE, NEED_MACHINE } from './need-status';

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
  // A rated need may be reopened within the window (the policy checks the window).
  'closed>in_progress',
]);

describe('need state machine', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(NEED_MACHINE.next(from).includes(to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it('terminal states lead nowhere', () => {
    for (const s of ['rejected', 'cancelled', 'merged'] as const) expect(NEED_MACHINE.next(s)).toEqual([]);
    expect(NEED_MACHINE.next('closed')).toEqual(['in_progress']);
  });

  // The generated table test: every action against every state, as the table says.
  it.each(everyCase(NEED_MACHINE))('%s from %s allowed: %s', (action, state, allowed) => {
    expect(NEED_MACHINE.allows(action, state)).toBe(allowed);
    if (allowed) expect(ALLOWED.has(`${state}>${NEED_MACHINE.rule(action).to}`)).toBe(true);
  });

  it('cancel is only possible before acceptance', () => {
    expect(NEED_MACHINE.rule('cancel').from).not.toContain('accepted');
    expect(NEED_MACHINE.rule('cancel').from).not.toContain('in_progress');
  });

  it('every user action names who may take it; only the timer closes unrated', () => {
    for (const row of NEED_MACHINE.rows) {
      if (row.action === 'autoClose') expect(row.who).toBeUndefined();
      else expect(row.who?.length).toBeGreaterThan(0);
    }
    expect(NEED_IN_PLACE.urge.from).not.toContain('resolved');
    expect(NEED_IN_PLACE.comment.from).toContain('resolved');
  });

  // Escalation gives power to act: exactly these actions are the ladder's; the console's stay staff-only.
  it.each([
    ['dispatch', true],
    ['transfer', true],
    ['publish', false],
    ['reject', false],
    ['merge', false],
    ['accept', false],
    ['resolve', false],
  ] as const)('the ladder may %s: %s', (action, allowed) => {
    expect(NEED_MACHINE.rule(action).who?.includes('ladder') ?? false).toBe(allowed);
  });
  it('the ladder may 催办 (督办) and comment', () => {
    expect(NEED_IN_PLACE.urge.who).toContain('ladder');
    expect(NEED_IN_PLACE.comment.who).toContain('ladder');
  });
});

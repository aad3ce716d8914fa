import { everyCase } from '../../core/state-machine';
import { COMMENT_MACHINE, OBJECTION_MACHINE, PERIOD_MACHINE } from './period-status';

describe('rating period machine', () => {
  it.each(everyCase(PERIOD_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(PERIOD_MACHINE.allows(action, state)).toBe(ok);
  });
  it('runs scheduled → open → closed → publicity (公示) → published (final) and never back', () => {
    expect(PERIOD_MACHINE.next('scheduled').sort()).toEqual(['cancelled', 'open', 'scheduled']);
    expect(PERIOD_MACHINE.next('cancelled')).toEqual([]);
    expect(PERIOD_MACHINE.next('open')).toEqual(['closed']);
    expect(PERIOD_MACHINE.next('closed')).toEqual(['publicity']);
    expect(PERIOD_MACHINE.next('publicity')).toEqual(['published']);
    expect(PERIOD_MACHINE.next('published')).toEqual([]);
  });
});

describe('objection machine', () => {
  it.each(everyCase(OBJECTION_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(OBJECTION_MACHINE.allows(action, state)).toBe(ok);
  });
  it('is answered once: upheld or rejected, never reopened', () => {
    expect(OBJECTION_MACHINE.next('pending').sort()).toEqual(['rejected', 'upheld']);
    expect(OBJECTION_MACHINE.next('upheld')).toEqual([]);
    expect(OBJECTION_MACHINE.next('rejected')).toEqual([]);
  });
});

describe('comment machine', () => {
  it.each(everyCase(COMMENT_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(COMMENT_MACHINE.allows(action, state)).toBe(ok);
  });
  it('reports hide, a moderator keeps or removes (a visible one too, and gives a removed one back), a new comment shows again', () => {
    expect(COMMENT_MACHINE.next('visible').sort()).toEqual(['hidden', 'removed']);
    expect(COMMENT_MACHINE.next('hidden').sort()).toEqual(['removed', 'visible']);
    expect(COMMENT_MACHINE.next('removed')).toEqual(['visible']);
    expect(COMMENT_MACHINE.allows('keep', 'visible')).toBe(false);
    expect(COMMENT_MACHINE.allows('remove', 'removed')).toBe(false);
  });
});

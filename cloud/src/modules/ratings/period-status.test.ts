import { everyCase } from '../../core/state-machine';
import { OBJECTION_MACHINE, PERIOD_MACHINE } from './period-status';

describe('rating period machine', () => {
  it.each(everyCase(PERIOD_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(PERIOD_MACHINE.allows(action, state)).toBe(ok);
  });
  it('runs open → closed → publicity (公示) → published (final) and never back', () => {
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

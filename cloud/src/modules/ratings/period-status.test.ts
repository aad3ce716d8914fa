import { everyCase } from '../../core/state-machine';
import { PERIOD_MACHINE } from './period-status';

describe('rating period machine', () => {
  it.each(everyCase(PERIOD_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(PERIOD_MACHINE.allows(action, state)).toBe(ok);
  });
  it('runs open → closed → published and never back', () => {
    expect(PERIOD_MACHINE.next('open')).toEqual(['closed']);
    expect(PERIOD_MACHINE.next('closed')).toEqual(['published']);
    expect(PERIOD_MACHINE.next('published')).toEqual([]);
  });
});

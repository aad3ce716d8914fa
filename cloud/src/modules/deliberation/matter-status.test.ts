import { everyCase } from '../../core/state-machine';
import { MATTER_MACHINE } from './matter-status';

describe('the five-step machine', () => {
  const allowed: Record<string, string[]> = {
    edit: ['draft'],
    publish: ['draft'],
    revise: ['notice', 'voting'],
    open: ['notice'],
    close: ['voting'],
    writeOutcome: ['closed'],
    publishOutcome: ['closed'],
    withdraw: ['draft', 'notice', 'voting'],
  };
  it.each(everyCase(MATTER_MACHINE))('%s from %s → allowed %s', (action, state, ok) => {
    expect(ok).toBe(allowed[action].includes(state));
  });

  it('never skips a step: each state leads only to the next one, back to notice, or out', () => {
    expect(MATTER_MACHINE.next('draft').sort()).toEqual(['draft', 'notice', 'withdrawn']);
    expect(MATTER_MACHINE.next('notice').sort()).toEqual(['notice', 'voting', 'withdrawn']);
    expect(MATTER_MACHINE.next('voting').sort()).toEqual(['closed', 'notice', 'withdrawn']);
    expect(MATTER_MACHINE.next('closed').sort()).toEqual(['closed', 'published']);
    expect(MATTER_MACHINE.next('published')).toEqual([]);
    expect(MATTER_MACHINE.next('withdrawn')).toEqual([]);
  });
});

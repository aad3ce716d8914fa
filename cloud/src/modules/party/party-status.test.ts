import { everyCase } from '../../core/state-machine';
import { HOURS_MACHINE, REPORT_MACHINE } from './party-status';

describe('the 双报到 machine', () => {
  it.each(everyCase(REPORT_MACHINE))('%s from %s is allowed: %s', (action, state, allowed) => {
    expect(REPORT_MACHINE.allows(action, state)).toBe(allowed);
  });
  it('a lapsed report can only be renewed; a declined or withdrawn one is over', () => {
    expect(REPORT_MACHINE.next('lapsed')).toEqual(['pending']);
    expect(REPORT_MACHINE.next('declined')).toEqual([]);
    expect(REPORT_MACHINE.next('withdrawn')).toEqual([]);
  });
});

describe('the hours machine', () => {
  it.each(everyCase(HOURS_MACHINE))('%s from %s is allowed: %s', (action, state, allowed) => {
    expect(HOURS_MACHINE.allows(action, state)).toBe(allowed);
  });
  it('hours are decided only once their times are known', () => {
    expect(HOURS_MACHINE.allows('approve', 'open')).toBe(false);
    expect(HOURS_MACHINE.next('approved')).toEqual([]);
  });
});

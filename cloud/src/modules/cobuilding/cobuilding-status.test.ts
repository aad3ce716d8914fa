import { everyCase } from '../../core/state-machine';
import { AGREEMENT_MACHINE, DELIVERY_MACHINE } from './cobuilding-status';

describe('the agreement machine', () => {
  const allowed: Record<string, string[]> = { edit: ['draft'], endorse: ['draft'], sign: ['draft'], close: ['signed'] };
  it.each(everyCase(AGREEMENT_MACHINE))('%s from %s → allowed %s', (action, state, ok) => {
    expect(ok).toBe(allowed[action].includes(state));
  });

  it('only goes forward: draft → signed → closed', () => {
    expect(AGREEMENT_MACHINE.next('draft').sort()).toEqual(['draft', 'signed']);
    expect(AGREEMENT_MACHINE.next('signed')).toEqual(['closed']);
    expect(AGREEMENT_MACHINE.next('closed')).toEqual([]);
  });
});

describe('the delivery machine', () => {
  it.each(everyCase(DELIVERY_MACHINE))('%s from %s → allowed %s', (_action, state, ok) => {
    expect(ok).toBe(state === 'pending');
  });

  it('decides once: confirmed and declined are final', () => {
    expect(DELIVERY_MACHINE.next('pending').sort()).toEqual(['confirmed', 'declined']);
    expect(DELIVERY_MACHINE.next('confirmed')).toEqual([]);
    expect(DELIVERY_MACHINE.next('declined')).toEqual([]);
  });
});

import { AppError } from './errors';
import { defineMachine, everyCase, transition } from './state-machine';

type S = 'draft' | 'open' | 'closed';
const machine = defineMachine<S, 'open' | 'close' | 'reopen'>({
  name: 'sample',
  states: ['draft', 'open', 'closed'],
  rows: [
    { action: 'open', from: ['draft'], to: 'open', event: 'opened' },
    { action: 'close', from: ['open'], to: 'closed', event: 'closed' },
    { action: 'reopen', from: ['closed'], to: 'open', event: 'reopened' },
  ],
});

class Row {
  id: number;
  status: S;
  note?: string;
}

/** A manager whose compare-and-set succeeds only while the stored status matches. */
function fakeEm(stored: { status: S }) {
  const updates: unknown[] = [];
  return {
    updates,
    em: {
      async update(_entity: unknown, where: { status: S }, set: { status: S }) {
        updates.push({ where, set });
        if (where.status !== stored.status) return { affected: 0 };
        stored.status = set.status;
        return { affected: 1 };
      },
    } as never,
  };
}

describe('state-machine kit', () => {
  it('rejects a table with an unknown state or a duplicated action', () => {
    expect(() => defineMachine({ name: 'bad', states: ['a'], rows: [{ action: 'go', from: ['a'], to: 'b' as 'a', event: 'x' }] })).toThrow(/unknown state b/);
    expect(() =>
      defineMachine({
        name: 'dup',
        states: ['a'],
        rows: [
          { action: 'go', from: ['a'], to: 'a', event: 'x' },
          { action: 'go', from: ['a'], to: 'a', event: 'y' },
        ],
      }),
    ).toThrow(/listed twice/);
  });

  it('knows the next states and every (action, state) case', () => {
    expect(machine.next('open')).toEqual(['closed']);
    expect(everyCase(machine)).toHaveLength(9);
    expect(everyCase(machine).filter(([, , ok]) => ok)).toEqual([
      ['open', 'draft', true],
      ['close', 'open', true],
      ['reopen', 'closed', true],
    ]);
  });

  it('moves the row and writes exactly one event', async () => {
    const stored = { status: 'draft' as S };
    const { em } = fakeEm(stored);
    const row = Object.assign(new Row(), { id: 1, status: 'draft' as S });
    const events: string[] = [];
    const from = await transition({
      em,
      machine,
      entity: Row,
      row,
      action: 'open',
      patch: { note: 'x' },
      at: new Date(),
      record: async (e) => void events.push(`${e.from}->${e.to}:${e.event}`),
    });
    expect(from).toBe('draft');
    expect(row).toMatchObject({ status: 'open', note: 'x' });
    expect(stored.status).toBe('open');
    expect(events).toEqual(['draft->open:opened']);
  });

  it('a wrong state is INVALID_TRANSITION and touches nothing', async () => {
    const { em, updates } = fakeEm({ status: 'draft' });
    const row = Object.assign(new Row(), { id: 1, status: 'draft' as S });
    const record = jest.fn();
    await expect(transition({ em, machine, entity: Row, row, action: 'close', at: new Date(), record })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(updates).toHaveLength(0);
    expect(record).not.toHaveBeenCalled();
  });

  it('a lost race (the stored state moved since it was read) is CONFLICT and writes no event', async () => {
    const { em } = fakeEm({ status: 'closed' });
    const row = Object.assign(new Row(), { id: 1, status: 'open' as S });
    const record = jest.fn();
    const err = await transition({ em, machine, entity: Row, row, action: 'close', at: new Date(), record }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('CONFLICT');
    expect(record).not.toHaveBeenCalled();
    expect(row.status).toBe('open');
  });
});

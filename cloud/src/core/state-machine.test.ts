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

/**
 * A manager whose compare-and-set succeeds only while the stored status matches, and which keeps
 * what the subject log's writer inserts (the batch transition is tested on both databases in
 * test/integration/subject-log.test.ts).
 */
function fakeEm(stored: { status: S }) {
  const updates: unknown[] = [];
  const events: Record<string, unknown>[] = [];
  const insert = { into: () => insert, values: (rows: Record<string, unknown>[]) => (events.push(...rows), insert), execute: async () => ({}) };
  return {
    updates,
    events,
    em: {
      async update(_entity: unknown, where: { status: S }, set: { status: S }) {
        updates.push({ where, set });
        if (where.status !== stored.status) return { affected: 0 };
        stored.status = set.status;
        return { affected: 1 };
      },
      createQueryBuilder: () => ({ insert: () => insert }),
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

  it('moves the row and writes exactly one subject_events row: the machine as kind, the event, from, to, who, data', async () => {
    const stored = { status: 'draft' as S };
    const { em, events } = fakeEm(stored);
    const row = Object.assign(new Row(), { id: 7, status: 'draft' as S });
    const at = new Date('2025-12-01T02:00:00Z');
    const from = await transition({ em, machine, entity: Row, row, action: 'open', patch: { note: 'x' }, at, actorId: 3, data: { note: '说明', empty: null } });
    expect(from).toBe('draft');
    expect(row).toMatchObject({ status: 'open', note: 'x' });
    expect(stored.status).toBe('open');
    expect(events).toEqual([
      { subjectKind: 'sample', subjectId: 7, action: 'opened', fromStatus: 'draft', toStatus: 'open', actorId: 3, at, data: { note: '说明' } },
    ]);
  });

  it('a wrong state is INVALID_TRANSITION and touches nothing', async () => {
    const { em, updates, events } = fakeEm({ status: 'draft' });
    const row = Object.assign(new Row(), { id: 1, status: 'draft' as S });
    await expect(transition({ em, machine, entity: Row, row, action: 'close', at: new Date(), actorId: null })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(updates).toHaveLength(0);
    expect(events).toHaveLength(0);
  });

  it('a lost race (the stored state moved since it was read) is CONFLICT and writes no event', async () => {
    const { em, events } = fakeEm({ status: 'closed' });
    const row = Object.assign(new Row(), { id: 1, status: 'open' as S });
    const err = await transition({ em, machine, entity: Row, row, action: 'close', at: new Date(), actorId: null }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('CONFLICT');
    expect(events).toHaveLength(0);
    expect(row.status).toBe('open');
  });
});

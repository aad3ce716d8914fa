import type { EntityManager, ObjectLiteral } from 'typeorm';
import { AppError } from './errors';
import { ErrorCode } from '@hg/types';

/**
 * One row of a state machine: the action, the states it may start from, where it leads, the event
 * it writes, and (optionally) which relations of the actor to the subject may take it.
 */
export interface MachineRow<S extends string, A extends string, W extends string = string> {
  action: A;
  from: readonly S[];
  to: S;
  event: string;
  who?: readonly W[];
}

export interface Machine<S extends string, A extends string, W extends string = string> {
  name: string;
  states: readonly S[];
  rows: readonly MachineRow<S, A, W>[];
  /** The row of `action` (throws for an action the table lacks: a programming error). */
  rule(action: A): MachineRow<S, A, W>;
  /** May `action` start from `state`? */
  allows(action: A, state: S): boolean;
  /** The states reachable from `state` in one step. */
  next(state: S): S[];
}

/**
 * Declare a machine as one table. Every action appears once; `from` and `to` must be listed states
 * (checked here, at load time, so a typo fails every test rather than one resident).
 */
export function defineMachine<S extends string, A extends string, W extends string = string>(def: {
  name: string;
  states: readonly S[];
  rows: readonly MachineRow<S, A, W>[];
}): Machine<S, A, W> {
  const byAction = new Map<A, MachineRow<S, A, W>>();
  for (const row of def.rows) {
    if (byAction.has(row.action)) throw new Error(`${def.name}: action ${row.action} listed twice`);
    for (const s of [...row.from, row.to]) if (!def.states.includes(s)) throw new Error(`${def.name}: unknown state ${s} in ${row.action}`);
    byAction.set(row.action, row);
  }
  return {
    ...def,
    rule(action) {
      const row = byAction.get(action);
      if (!row) throw new Error(`${def.name}: no transition for action ${action}`);
      return row;
    },
    allows: (action, state) => byAction.get(action)?.from.includes(state) ?? false,
    next: (state) => [...new Set(def.rows.filter((r) => r.from.includes(state)).map((r) => r.to))],
  };
}

/** What the event writer of a transition receives. */
export interface TransitionEvent<S extends string> {
  event: string;
  from: S;
  to: S;
  at: Date;
}

export interface TransitionOptions<E extends ObjectLiteral & { id: number }, S extends string, A extends string> {
  em: EntityManager;
  machine: Machine<S, A>;
  /** The subject's table and the row as read in this transaction (its status is the expected one). */
  entity: new () => E;
  row: E;
  action: A;
  /** Column holding the state; `status` by default. */
  statusField?: keyof E & string;
  /** Other columns to set in the same compare-and-set update. */
  patch?: Partial<E>;
  at: Date;
  /** Write the one event row of this step (in the same transaction). */
  record(event: TransitionEvent<S>): Promise<void>;
  /** Message for a lost race; the default names no domain. */
  conflictMessage?: string;
}

/**
 * The one way a state changes: a compare-and-set update (`WHERE id = ? AND status = <as read>`)
 * and exactly one event row, both in the caller's transaction. A state the action cannot start
 * from is INVALID_TRANSITION; losing the race to a concurrent change (no row updated) is CONFLICT
 * and writes nothing. The in-memory row is updated on success. Returns the state it left.
 */
export async function transition<E extends ObjectLiteral & { id: number }, S extends string, A extends string>(opts: TransitionOptions<E, S, A>): Promise<S> {
  const { em, machine, entity, row, action, at } = opts;
  const field = opts.statusField ?? 'status';
  const from = row[field] as S;
  const rule = machine.rule(action);
  if (!rule.from.includes(from)) throw new AppError(ErrorCode.INVALID_TRANSITION, '当前状态不允许此操作，请刷新后重试');
  const set = { ...(opts.patch ?? {}), [field]: rule.to } as Partial<E>;
  const res = await em.update(entity, { id: row.id, [field]: from } as never, set as never);
  if (res.affected !== 1) throw new AppError(ErrorCode.CONFLICT, opts.conflictMessage ?? '刚刚被其他人处理，请刷新后查看');
  await opts.record({ event: rule.event, from, to: rule.to, at });
  Object.assign(row, set);
  return from;
}

/**
 * Every (action, state) pair of a machine with whether the table allows it: the generated table
 * test of each machine (`it.each(everyCase(machine))`) and the documentation of what it permits.
 */
export function everyCase<S extends string, A extends string>(machine: Machine<S, A>): [A, S, boolean][] {
  return machine.rows.flatMap((row) => machine.states.map((s): [A, S, boolean] => [row.action, s, row.from.includes(s)]));
}

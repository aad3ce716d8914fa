import type { EntityManager, ObjectLiteral } from 'typeorm';
import { AppError } from './errors';
import { ErrorCode } from '@hg/types';
import type { EventData } from './subject-event.entity';
import { recordEvent, recordEvents } from './subject-log';

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
  /** Who took the step; null = the system (timers, automatic routing). */
  actorId: number | null;
  /** What the domain keeps beside the event row (a note, a transfer's target …). */
  data?: EventData | null;
  /** Message for a lost race; the default names no domain. */
  conflictMessage?: string;
}

/**
 * The one way a state changes: a compare-and-set update (`WHERE id = ? AND status = <as read>`)
 * and exactly one `subject_events` row (subject kind = the machine's name, action = the row's
 * event), both in the caller's transaction. A state the action cannot start from is
 * INVALID_TRANSITION; losing the race to a concurrent change (no row updated) is CONFLICT and
 * writes nothing. The in-memory row is updated on success. Returns the state it left.
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
  await recordEvent(em, { subjectKind: machine.name, subjectId: row.id, action: rule.event, from, to: rule.to, actorId: opts.actorId, at, data: opts.data });
  Object.assign(row, set);
  return from;
}

export interface BatchTransitionOptions<E extends ObjectLiteral & { id: number }, S extends string, A extends string>
  extends Omit<TransitionOptions<E, S, A>, 'row' | 'conflictMessage'> {
  /** The rows as read, all in the same state (the one the batch moves them from). */
  rows: readonly E[];
}

/**
 * Move many rows by one machine row at once (timers): a locking read of which of them are still
 * in the state they were read in (`FOR UPDATE` on MySQL; SQLite's transactions are queued), one
 * conditional `UPDATE … WHERE id IN (…) AND status = <as read>`, and one multi-row INSERT of their
 * `subject_events` rows, all in the caller's transaction. A row whose state changed since it was
 * read (a person got there first) is not moved and gets no event row. Returns the rows it moved,
 * updated in memory.
 */
export async function transitionMany<E extends ObjectLiteral & { id: number }, S extends string, A extends string>(
  opts: BatchTransitionOptions<E, S, A>,
): Promise<E[]> {
  const { em, machine, entity, rows, action, at } = opts;
  if (!rows.length) return [];
  const field = opts.statusField ?? 'status';
  const from = rows[0][field] as S;
  if (rows.some((r) => r[field] !== from)) throw new Error(`${machine.name}: a batch ${action} needs rows read in one state`);
  const rule = machine.rule(action);
  if (!rule.from.includes(from)) throw new AppError(ErrorCode.INVALID_TRANSITION, '当前状态不允许此操作，请刷新后重试');
  const ids = [...new Set(rows.map((r) => r.id))];
  const read = em.createQueryBuilder(entity, 't').select('t.id', 'id').where('t.id IN (:...ids)', { ids }).andWhere(`t.${field} = :from`, { from });
  if (em.connection.options.type !== 'better-sqlite3') read.setLock('pessimistic_write');
  const still = new Set((await read.getRawMany<{ id: number | string }>()).map((r) => Number(r.id)));
  const moving = rows.filter((r) => still.has(r.id));
  if (!moving.length) return [];
  const set = { ...(opts.patch ?? {}), [field]: rule.to } as Partial<E>;
  const res = await em
    .createQueryBuilder()
    .update(entity)
    .set(set as never)
    .where('id IN (:...ids)', { ids: [...still] })
    .andWhere(`${field} = :from`, { from })
    .execute();
  // The rows are locked since the read: anything else is a broken promise of the database.
  if (res.affected !== undefined && res.affected !== still.size) throw new AppError(ErrorCode.CONFLICT, '刚刚被其他人处理，请刷新后查看');
  await recordEvents(
    em,
    moving.map((r) => ({ subjectKind: machine.name, subjectId: r.id, action: rule.event, from, to: rule.to, actorId: opts.actorId, at, data: opts.data })),
  );
  for (const r of moving) Object.assign(r, set);
  return moving;
}

/**
 * Every (action, state) pair of a machine with whether the table allows it: the generated table
 * test of each machine (`it.each(everyCase(machine))`) and the documentation of what it permits.
 */
export function everyCase<S extends string, A extends string>(machine: Machine<S, A>): [A, S, boolean][] {
  return machine.rows.flatMap((row) => machine.states.map((s): [A, S, boolean] => [row.action, s, row.from.includes(s)]));
}

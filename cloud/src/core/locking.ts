import type { EntityManager } from 'typeorm';

/**
 * Lock option for a read that must see rows committed by concurrent transactions after ours began
 * (InnoDB's plain reads use the transaction's snapshot). SQLite serialises transactions, so it
 * needs (and supports) no lock.
 */
export function latestRowLock(em: EntityManager): { lock?: { mode: 'pessimistic_read' } } {
  return em.connection.options.type === 'better-sqlite3' ? {} : { lock: { mode: 'pessimistic_read' } };
}

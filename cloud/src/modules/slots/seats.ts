import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SLOT_RULES } from '@hg/types';
import { SlotPool } from './slot-pool.entity';

/**
 * Take one seat of a pool: `UPDATE slot_pools SET held = held + 1 WHERE … AND held < capacity`.
 * On MySQL the row lock serialises the bookings of one pool until their transactions end; the
 * condition makes the 301st of 300 fail. Returns false when the pool is full.
 */
export async function takeSeat(em: EntityManager, slotId: number, pool: string): Promise<boolean> {
  const res = await em
    .createQueryBuilder()
    .update(SlotPool)
    .set({ held: () => 'held + 1' })
    .where('slotId = :slotId AND pool = :pool AND held < capacity', { slotId, pool })
    .execute();
  return res.affected === 1;
}

/** Give `n` seats of a pool back (bookings that held them ended without passing them on). */
export async function releaseSeats(em: EntityManager, slotId: number, pool: string, n = 1): Promise<void> {
  if (n <= 0) return;
  await em
    .createQueryBuilder()
    .update(SlotPool)
    .set({ held: () => `held - ${Number(n)}` })
    .where('slotId = :slotId AND pool = :pool AND held >= :n', { slotId, pool, n })
    .execute();
}

/** A fresh check-in code: 6 characters without look-alikes (0/O, 1/I/L). Unique by index. */
export function newCode(): string {
  const alphabet = SLOT_RULES.codeAlphabet;
  let code = '';
  for (let i = 0; i < SLOT_RULES.codeLength; i++) code += alphabet[crypto.randomInt(alphabet.length)];
  return code;
}

/** "<slotId>:<holderKind>:<holderId>": the unique key of a live booking. */
export const activeKeyOf = (slotId: number, holderKind: string, holderId: number) => `${slotId}:${holderKind}:${holderId}`;

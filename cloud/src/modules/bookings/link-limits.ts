import { BOOKING_RULES } from '@hg/types';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { runInTransaction } from '../../core/data-source';
import { isUniqueViolation } from '../../core/errors';
import type { UsageLimit } from '../identity/public';
import { LinkAttempt } from './link-attempt.entity';
import { LinkTarget } from './link-target.entity';

/** The one answer to a try past either limit: the same whoever or whatever it aims at. */
export const TOO_MANY_LINK_TRIES = '尝试次数过多，请明天再试，或请日间照料中心工作人员协助关联';

export interface LinkTry {
  userId: number;
  centreId: number;
  elderName: string;
  now: Date;
}

/**
 * The limits of one 家属关联 try, for identity's `underLimit`: the applicant's misses (their usage
 * counter is the first lock) and, through `lockAlso`, the named elder's lock row, so the per-elder
 * count read next is taken after both locks. The per-elder check itself is `checkElderMisses`,
 * inside the same transaction. Misses only: a family member who typed the tail right is not held
 * back by their own later applications.
 */
export function linkTryLimit(t: LinkTry): UsageLimit {
  return {
    userId: t.userId,
    scope: 'bookings.linkFamily',
    max: BOOKING_RULES.linkMissesPerApplicant,
    message: TOO_MANY_LINK_TRIES,
    lockAlso: async (em) => {
      const bumped = await em.update(LinkTarget, { centreId: t.centreId, elderName: t.elderName }, { n: () => 'n + 1', updatedAt: t.now });
      if (bumped.affected !== 1) throw new Error(`link target of centre ${t.centreId} is missing`);
    },
    used: (em) => em.count(LinkAttempt, { where: { userId: t.userId, matched: false, createdAt: MoreThan(windowStart(t.now)) } }),
  };
}

/** Has the named elder had fewer misses, from anyone, in the window than the limit? */
export async function elderMissesLeft(em: EntityManager, t: LinkTry): Promise<boolean> {
  const misses = await em.count(LinkAttempt, {
    where: { centreId: t.centreId, elderName: t.elderName, matched: false, createdAt: MoreThan(windowStart(t.now)) },
  });
  return misses < BOOKING_RULES.linkMissesPerElder;
}

/**
 * The named elder's lock row exists before the transaction that locks it (as identity's counters:
 * created inside, two first tries would deadlock on MySQL's gap locks). Never deleted.
 */
export async function ensureLinkTarget(ds: DataSource, t: LinkTry): Promise<void> {
  if (await ds.manager.exists(LinkTarget, { where: { centreId: t.centreId, elderName: t.elderName } })) return;
  try {
    await runInTransaction(ds, (em) => em.insert(LinkTarget, { centreId: t.centreId, elderName: t.elderName, n: 0, updatedAt: t.now }));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
}

const windowStart = (now: Date) => new Date(now.getTime() - BOOKING_RULES.linkMissWindowHours * 3600 * 1000);

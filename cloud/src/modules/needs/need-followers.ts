import type { EntityManager } from 'typeorm';
import type { Notifier, Message } from '../notifications/public';
import { NeedFollower } from './need-follower.entity';
import type { Need } from './need.entity';

/**
 * The residents of `dup` follow `into` from now on: its reporter, whoever filed it, and everyone
 * already following `dup` (so a chain A → B → C still reaches A's reporter). In the merge's
 * transaction; `orIgnore` plus the unique (needId, userId) key keeps one row per person however
 * often or concurrently people are added.
 */
export async function addFollowers(em: EntityManager, dup: Need, into: Need, now: Date): Promise<void> {
  const inherited = await em.find(NeedFollower, { where: { needId: dup.id } });
  const ids = [...new Set([dup.reporterId, dup.createdById, ...inherited.map((f) => f.userId)])].filter((id) => id > 0 && id !== into.reporterId);
  if (!ids.length) return;
  await em
    .createQueryBuilder()
    .insert()
    .into(NeedFollower)
    .values(ids.map((userId) => ({ needId: into.id, userId, viaNeedId: dup.id, createdAt: now })))
    .orIgnore()
    .execute();
}

/** Does `userId` follow need `needId`? One unique-key lookup. */
export async function isFollower(em: EntityManager, needId: number, userId: number): Promise<boolean> {
  if (!userId) return false;
  return (await em.count(NeedFollower, { where: { needId, userId } })) > 0;
}

/** The people following a need besides its reporter. */
export async function followerIdsOf(em: EntityManager, needId: number): Promise<number[]> {
  const followers = await em.find(NeedFollower, { where: { needId }, order: { id: 'ASC' } });
  return followers.map((f) => f.userId);
}

/** Everyone told about the need's outcome as a resident: its reporter and its followers. */
export async function residentIdsOf(em: EntityManager, need: Pick<Need, 'id' | 'reporterId'>): Promise<number[]> {
  return [...new Set([need.reporterId, ...(await followerIdsOf(em, need.id))])];
}

/** A resident-facing message (progress, outcome) to the reporter and every follower. */
export async function tellResidents(em: EntityManager, notifier: Notifier, need: Need, msg: Omit<Message, 'kind' | 'subject'>): Promise<void> {
  await notifier.to(em, await residentIdsOf(em, need), { ...msg, kind: 'need_update', subject: { subjectKind: 'need', subjectId: need.id } });
}

import { In, type EntityManager } from 'typeorm';
import { maskPersonalData, type CommentReplyDTO } from '@hg/types';
import { CommentReply } from './entities';

/** The current replies to these comments, by rating id (one batched read). */
export async function repliesTo(em: EntityManager, ratingIds: readonly number[]): Promise<Map<number, CommentReplyDTO>> {
  if (!ratingIds.length) return new Map();
  const rows = await em.find(CommentReply, { where: { ratingId: In([...new Set(ratingIds)]) } });
  return new Map(
    rows.map((r) => [
      r.ratingId,
      // A reply is public like the comment: a door or a mobile number typed into it is masked the same way.
      { body: maskPersonalData(r.body), repliedAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() },
    ]),
  );
}

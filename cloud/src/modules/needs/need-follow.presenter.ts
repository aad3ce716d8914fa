import { In, type EntityManager } from 'typeorm';
import { OPEN_NEED_STATUSES, ORG_KIND_LABEL, ROLE_LABEL, type NeedDetailDTO } from '@hg/types';
import { byId } from '../../core/by-id';
import { organisationById } from '../community/public';
import { userById, type Actor } from '../identity/public';
import { NeedCategory } from './need-category.entity';
import type { NeedEvent } from './need-events';
import { NeedFollower } from './need-follower.entity';
import { canSee, relationTo, type Relation } from './need.policy';
import { Need } from './need.entity';

/** Events that hand the need to someone new (the accepting person is reset by the first three). */
const HANDOVER = new Set(['dispatched', 'transferred', 'declined', 'published', 'accepted', 'claimed']);

/**
 * The resident-facing parts of the detail: whether the caller follows the need, what was merged
 * into it, and who is coming (with a number to call for the need's own residents while it is open).
 */
export async function presentFollow(
  em: EntityManager,
  need: Need,
  actor: Actor,
  rel: Relation,
  events: readonly NeedEvent[],
): Promise<Pick<NeedDetailDTO, 'following' | 'mergedFrom' | 'handler'> & Partial<Pick<NeedDetailDTO, 'reporter'>>> {
  const [mergedFrom, handler] = await Promise.all([presentMergedFrom(em, need, actor), presentHandler(em, need, rel, events)]);
  const followerOnly = rel.follower && !rel.reporter && !rel.staff && !rel.head && !rel.receiver;
  // A follower is a neighbour with the same problem, not a party to the other resident's report:
  // the reporter's name and (even masked) number stay with those who handle the need.
  return { following: followerOnly, mergedFrom, handler, ...(followerOnly ? { reporter: { name: '其他居民', phone: null, phoneMasked: '' } } : {}) };
}

async function presentMergedFrom(em: EntityManager, need: Need, actor: Actor): Promise<NeedDetailDTO['mergedFrom']> {
  const merged = await em.find(Need, { where: { mergedIntoId: need.id }, order: { id: 'ASC' } });
  if (!merged.length) return [];
  const ids = merged.map((m) => m.id);
  const [categories, follows] = await Promise.all([
    byId(
      em,
      NeedCategory,
      merged.map((m) => m.categoryId),
    ),
    em.find(NeedFollower, { where: { userId: actor.userId, needId: In(ids) } }),
  ]);
  const followed = new Set(follows.map((f) => f.needId));
  return merged.map((m) => {
    const category = categories.get(m.categoryId);
    // Another resident's words are theirs: only people who may open that need read its text.
    const linkable = !!category && canSee(relationTo(actor, m, category, { follower: followed.has(m.id) }), m);
    return { id: m.id, excerpt: linkable ? (m.description.length > 60 ? `${m.description.slice(0, 60)}…` : m.description) : null, linkable };
  });
}

async function presentHandler(em: EntityManager, need: Need, rel: Relation, events: readonly NeedEvent[]): Promise<NeedDetailDTO['handler']> {
  if (!need.receiverOrgId && !need.receiverUserId) return null;
  const last = [...events].reverse().find((e) => HANDOVER.has(e.type));
  const personId = need.receiverUserId ?? (last && (last.type === 'accepted' || last.type === 'claimed') ? last.actorId : null);
  const [org, person] = await Promise.all([
    need.receiverOrgId ? organisationById(em, need.receiverOrgId) : Promise.resolve(null),
    personId ? userById(em, personId) : Promise.resolve(null),
  ]);
  // BRIEF §3.1: numbers only to the people the need belongs to, and only while it is being handled.
  const mayCall = (rel.reporter || rel.follower) && OPEN_NEED_STATUSES.includes(need.status);
  const phone = mayCall ? person?.phone || org?.hotline || null : null;
  if (org) return { name: org.name, kindLabel: ORG_KIND_LABEL[org.kind], person: person?.name || null, phone };
  if (person) return { name: person.name, kindLabel: ROLE_LABEL.party_member, person: null, phone };
  return null;
}

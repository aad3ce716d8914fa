import type { EntityManager } from 'typeorm';
import {
  LEVEL_LABEL,
  NEED_EVENT_LABEL,
  NEED_LIST_LABEL,
  NEED_STATUS_LABEL,
  ORG_KIND_LABEL,
  REJECT_REASON_LABEL,
  ROLE_LABEL,
  type NeedCategoryDTO,
  type NeedChangeDTO,
  type NeedDetailDTO,
  type NeedReceiverDTO,
  type NeedSummaryDTO,
  type PhotoDTO,
} from '@hg/types';
import { byId } from '../../core/by-id';
import { photoUrl } from '../../core/uploads';
import { presentVoiceNote } from '../../core/voice-notes';
import { namesOf } from '../community/public';
import { maskPhone, namesWithFirstRole, usersById, type Actor } from '../identity/public';
import { NeedCategory } from './need-category.entity';
import { NeedComment } from './need-comment.entity';
import { needEvents } from './need-events';
import { NeedPhoto } from './need-photo.entity';
import { NeedVoiceNote } from './need-voice-note.entity';
import { editsTranscript } from './need-voice-notes';
import { allowedActions, relationTo, rungAhead, type Relation } from './need.policy';
import { followerIdsOf } from './need-followers';
import { presentFollow } from './need-follow.presenter';
import type { Need } from './need.entity';
import { COMPOUND_AREA_LABEL, ESCALATION_ORDER, LADDER, OPEN_NEED_STATUSES } from '@hg/types';

export function presentCategory(c: NeedCategory): NeedCategoryDTO {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    icon: c.icon,
    list: c.list,
    listLabel: NEED_LIST_LABEL[c.list],
    dispatchMode: c.dispatchMode,
    partyClaimable: c.partyClaimable,
    acceptSlaHours: c.acceptSlaHours,
    resolveSlaHours: c.resolveSlaHours,
  };
}

/** What an action that moves the client on answers: the need, its status and since when. */
export function presentChange(n: Pick<Need, 'id' | 'status' | 'updatedAt'>): NeedChangeDTO {
  return { id: n.id, status: n.status, statusLabel: NEED_STATUS_LABEL[n.status], updatedAt: n.updatedAt.toISOString() };
}

const presentPhoto = (p: NeedPhoto): PhotoDTO => ({ fileId: p.fileId, url: photoUrl(p.fileId) });

/** What a list shows for a need spoken rather than typed (its description is empty). */
export const VOICE_ONLY_EXCERPT = '[语音]';

function isOverdue(n: Need, now: Date): boolean {
  const due = ['submitted', 'dispatched', 'open_for_claim'].includes(n.status)
    ? n.acceptDueAt
    : ['accepted', 'in_progress'].includes(n.status)
      ? n.resolveDueAt
      : null;
  return !!due && due.getTime() < now.getTime();
}

/** The deadline that applies in the need's status (accept clock, resolve clock), or null. */
export function currentDueAt(n: Pick<Need, 'status' | 'acceptDueAt' | 'resolveDueAt'>): Date | null {
  if (['submitted', 'dispatched', 'open_for_claim'].includes(n.status)) return n.acceptDueAt;
  if (['accepted', 'in_progress'].includes(n.status)) return n.resolveDueAt;
  return null;
}

/**
 * The rows a list of needs refers to: categories (unless the caller read them with the needs),
 * compounds, buildings and receiving organisations' names (one statement), receiving people.
 */
export async function needRelations(em: EntityManager, needs: readonly Need[], knownCategories?: ReadonlyMap<number, NeedCategory>) {
  const ids = <K extends keyof Need>(key: K) => needs.map((n) => (n[key] as number | null) ?? 0);
  const [categories, names, users] = await Promise.all([
    knownCategories ?? byId(em, NeedCategory, ids('categoryId')),
    namesOf(em, { compoundIds: ids('compoundId'), buildingIds: ids('buildingId'), organisationIds: ids('receiverOrgId') }),
    usersById(em, ids('receiverUserId')),
  ]);
  return { categories, compounds: names.compounds, buildings: names.buildings, orgs: names.organisations, users };
}

/** Present a page of needs, loading each kind of related row once (categories: given, or one read). */
export async function presentSummaries(em: EntityManager, needs: Need[], now: Date, knownCategories?: ReadonlyMap<number, NeedCategory>): Promise<NeedSummaryDTO[]> {
  if (!needs.length) return [];
  const { categories, compounds, buildings, orgs, users } = await needRelations(em, needs, knownCategories);
  return needs.map((n) => {
    const c = categories.get(n.categoryId)!;
    const b = buildings.get(n.buildingId);
    let receiver: NeedReceiverDTO | null = null;
    if (n.receiverOrgId && orgs.get(n.receiverOrgId)) {
      const o = orgs.get(n.receiverOrgId)!;
      receiver = { kind: 'org', id: o.id, name: o.name, kindLabel: ORG_KIND_LABEL[o.kind] };
    } else if (n.receiverUserId && users.get(n.receiverUserId)) {
      const u = users.get(n.receiverUserId)!;
      receiver = { kind: 'user', id: u.id, name: u.name, kindLabel: ROLE_LABEL.party_member };
    }
    return {
      id: n.id,
      category: { id: c.id, name: c.name, icon: c.icon },
      list: n.list,
      status: n.status,
      statusLabel: NEED_STATUS_LABEL[n.status],
      level: n.level,
      levelLabel: LEVEL_LABEL[n.level],
      channel: n.channel,
      compound: { id: n.compoundId, name: compounds.get(n.compoundId)?.name ?? '' },
      building: b ? { id: b.id, name: b.name } : null,
      excerpt: !n.description ? VOICE_ONLY_EXCERPT : n.description.length > 60 ? `${n.description.slice(0, 60)}…` : n.description,
      receiver,
      overdue: isOverdue(n, now),
      urgeCount: n.urgeCount,
      reopenCount: n.reopenCount,
      rating: n.rating,
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
      ...presentPlace(n, b?.name ?? ''),
      unverified: n.unverifiedReporter,
      dueAt: currentDueAt(n)?.toISOString() ?? null,
    };
  });
}

/**
 * 位置 is read from the stored ids: a home need has a unit, a building's public area only a
 * building (unitId 0), the compound's neither (buildingId 0). No extra column needed.
 */
export function presentPlace(n: Pick<Need, 'buildingId' | 'unitId'>, buildingName: string): Pick<NeedSummaryDTO, 'place' | 'placeLabel'> {
  if (!n.buildingId) return { place: 'compound', placeLabel: COMPOUND_AREA_LABEL };
  if (!n.unitId) return { place: 'building', placeLabel: `${buildingName} 公共区域` };
  return { place: 'home', placeLabel: buildingName };
}

/** "社区工作人员 杨晓燕": the first assigned role of each user, or 居民. */
async function actorLabels(em: EntityManager, userIds: number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds)].filter((x) => x > 0);
  if (!ids.length) return new Map();
  const people = await namesWithFirstRole(em, ids);
  return new Map([...people].map(([id, p]) => [id, `${p.role ? ROLE_LABEL[p.role] : ROLE_LABEL.resident} ${p.name}`.trim()]));
}

/**
 * 「楼栋长处理中，超时后升级至小区」: a head holding a rung the open need has not reached sees it but may
 * not act yet (小事不出楼栋); he is told who holds it and when the timer raises it — its deadline, or
 * the ladder's own clock once it has climbed (need-timers.ts), whichever is later; none while on hold.
 * Staff act from the console at every level, and whoever already holds a reached rung acts: neither
 * is told to wait.
 */
function presentAwaitingRung(need: Need, actor: Actor, rel: Relation): NeedDetailDTO['awaitingRung'] {
  if (rel.staff || rel.ladder || !OPEN_NEED_STATUSES.includes(need.status)) return null;
  const mine = rungAhead(actor, need);
  if (!mine) return null;
  const next = ESCALATION_ORDER[ESCALATION_ORDER.indexOf(need.level) + 1];
  const due = currentDueAt(need);
  const at = due && need.nextEscalationAt && need.nextEscalationAt > due ? need.nextEscalationAt : due;
  return { holder: ROLE_LABEL[LADDER[need.level][0]], next, nextLabel: LEVEL_LABEL[next], escalatesAt: at?.toISOString() ?? null };
}

const OTHER_RESIDENT = '其他居民';

/**
 * Whose names a resident reading a merged need must not learn (docs/api.md, 跟进). The residents of
 * one need — its reporter, whoever filed it, and the followers whose duplicates were merged into
 * it — are neighbours with the same problem, not parties to each other's reports: a follower reads
 * the reporter's and filer's steps (timeline) as 其他居民, and every other resident's words in the
 * thread (reporter, filer, other followers) likewise; the reporter reads the followers' words so. The
 * caller's own name stays; whoever handles the need (staff, heads, the ladder, the receiver) sees
 * every name. Followers never act on the timeline (they may only comment), so its rule stays the
 * reporter's and the filer's.
 */
function residentsHiddenFrom(
  need: Need,
  actor: Actor,
  rel: Relation,
  followers: readonly number[],
): { hiddenActors: ReadonlySet<number>; hiddenAuthors: ReadonlySet<number> } {
  const handles = rel.staff || rel.head || rel.receiver || rel.ladder;
  if (handles || !(rel.reporter || rel.follower)) return { hiddenActors: new Set(), hiddenAuthors: new Set() };
  const reporters = [need.reporterId, need.createdById];
  const hiddenActors = new Set(rel.reporter ? [] : reporters);
  const hiddenAuthors = new Set([...(rel.reporter ? [] : reporters), ...followers]);
  hiddenActors.delete(actor.userId);
  hiddenAuthors.delete(actor.userId);
  return { hiddenActors, hiddenAuthors };
}

/** The full view of one need for an actor allowed to see it. */
export async function presentDetail(em: EntityManager, need: Need, actor: Actor, now: Date, known?: NeedCategory): Promise<NeedDetailDTO> {
  const category = known ?? (await em.findOneByOrFail(NeedCategory, { id: need.categoryId }));
  const [[summary], photos, voices, events, comments] = await Promise.all([
    presentSummaries(em, [need], now, new Map([[category.id, category]])),
    em.find(NeedPhoto, { where: { needId: need.id }, order: { id: 'ASC' } }),
    em.find(NeedVoiceNote, { where: { needId: need.id } }),
    needEvents(em, need.id),
    em.find(NeedComment, { where: { needId: need.id }, order: { id: 'ASC' } }),
  ]);
  const labels = await actorLabels(em, [...events.map((e) => e.actorId ?? 0), ...comments.map((c) => c.authorId)]);
  // The need's followers, read once: whether the caller is one, and whose names a resident may not read.
  const followers = await followerIdsOf(em, need.id);
  const rel = relationTo(actor, need, category, { follower: followers.includes(actor.userId) });
  // BRIEF §3.1: a phone number is shown only to the assigned receiver while the need is open.
  const showPhone = rel.receiver && OPEN_NEED_STATUSES.includes(need.status);
  const { hiddenActors, hiddenAuthors } = residentsHiddenFrom(need, actor, rel, followers);
  // Voice notes have the readers of the need's photos and of its comments: whoever sees this detail.
  // Their transcripts too; the speaker and the staff handling the need may correct them.
  const voiceOf = new Map(voices.map((v) => [v.commentId, presentVoiceNote(v, editsTranscript(actor, rel, v))]));
  const actorLabel = (id: number | null) => (!id ? '系统' : hiddenActors.has(id) ? OTHER_RESIDENT : (labels.get(id) ?? ''));
  return {
    ...summary,
    description: need.description,
    location: need.location,
    photos: photos.filter((p) => p.kind === 'report').map(presentPhoto),
    voiceNote: voiceOf.get(0) ?? null,
    resolutionNote: need.resolutionNote,
    resolutionPhotos: photos.filter((p) => p.kind === 'resolution').map(presentPhoto),
    ratingComment: need.ratingComment,
    reporter: { name: need.contactName, phone: showPhone ? need.contactPhone : null, phoneMasked: maskPhone(need.contactPhone) },
    acceptDueAt: need.acceptDueAt?.toISOString() ?? null,
    resolveDueAt: need.resolveDueAt?.toISOString() ?? null,
    holdUntil: need.holdUntil?.toISOString() ?? null,
    resolvedAt: need.resolvedAt?.toISOString() ?? null,
    closedAt: need.closedAt?.toISOString() ?? null,
    rejectReason: need.rejectReason,
    rejectReasonLabel: need.rejectReason ? REJECT_REASON_LABEL[need.rejectReason] : null,
    mergedIntoId: need.mergedIntoId,
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      label: e.type === 'escalated' && e.level ? `升级至${LEVEL_LABEL[e.level]}` : NEED_EVENT_LABEL[e.type],
      actor: actorLabel(e.actorId),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      level: e.level,
      note: e.note,
      createdAt: e.createdAt.toISOString(),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      author: c.side === 'resident' && hiddenAuthors.has(c.authorId) ? OTHER_RESIDENT : (labels.get(c.authorId) ?? ''),
      side: c.side,
      body: c.body,
      voiceNote: voiceOf.get(c.id) ?? null,
      mine: c.authorId === actor.userId,
      createdAt: c.createdAt.toISOString(),
    })),
    can: allowedActions(rel, need, now),
    awaitingRung: presentAwaitingRung(need, actor, rel),
    reporting: rel.reporter,
    ...(await presentFollow(em, need, actor, rel, events)),
  };
}

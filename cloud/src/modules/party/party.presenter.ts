import { In, type EntityManager } from 'typeorm';
import {
  PARTY_REPORT_STATUS_LABEL,
  SERVICE_HOURS_FLAG_LABEL,
  SERVICE_HOURS_STATUS_LABEL,
  type ActivityDTO,
  type CommitmentDTO,
  type PartyReportDTO,
  type ServiceHoursDTO,
} from '@hg/types/party';
import { buildingsByIds, compoundsByIds } from '../community/public';
import { maskPhone, usersById, type Actor } from '../identity/public';
import { liveBookingsOf, slotsByIds } from '../slots/public';
import { PartyActivity, type Commitment, type PartyReport, type ServiceHours } from './entities';
import { mayConfirm, mayRunActivity } from './party.policy';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Reports with the member, the branch and the building group by name (one query per kind). */
export async function presentReports(em: EntityManager, rows: readonly PartyReport[], actor: Actor): Promise<PartyReportDTO[]> {
  const [users, compounds, buildings] = await Promise.all([
    usersById(em, rows.map((r) => r.userId)),
    compoundsByIds(em, rows.map((r) => r.compoundId)),
    buildingsByIds(em, rows.map((r) => r.buildingId)),
  ]);
  return rows.map((r) => {
    const member = r.userId === actor.userId;
    const confirmer = mayConfirm(actor, { streetId: r.streetId, communityId: r.communityId, compoundId: r.compoundId });
    const user = users.get(r.userId);
    const building = r.buildingId ? buildings.get(r.buildingId) : undefined;
    return {
      id: r.id,
      status: r.status,
      statusLabel: PARTY_REPORT_STATUS_LABEL[r.status],
      year: r.year,
      branch: {
        compoundId: r.compoundId,
        branchName: `${compounds.get(r.compoundId)?.name ?? ''}党支部`,
        buildingId: r.buildingId,
        groupName: building ? `${building.name}党小组` : null,
      },
      communityId: r.communityId,
      workUnit: r.workUnit,
      memberId: r.userId,
      memberName: user?.name ?? '',
      memberPhone: member ? (user?.phone ?? null) : user?.phone ? maskPhone(user.phone) : null,
      createdAt: r.createdAt.toISOString(),
      decidedAt: iso(r.decidedAt),
      validUntil: iso(r.validUntil),
      declineReason: r.declineReason,
      can: {
        confirm: confirmer && r.status === 'pending',
        decline: confirmer && r.status === 'pending',
        withdraw: member && (r.status === 'pending' || r.status === 'confirmed'),
        renew: member && r.status === 'lapsed',
      },
    };
  });
}

export function presentCommitment(c: Commitment): CommitmentDTO {
  return {
    id: c.id,
    year: c.year,
    postCategory: c.postCategory,
    roles: JSON.parse(c.roles) as string[],
    plannedHours: c.plannedHours,
    items: JSON.parse(c.items) as string[],
    signedAt: c.signedAt.toISOString(),
  };
}

/** Minutes as hours with one decimal (null stays null: nothing recorded is not zero). */
export const hoursOf = (minutes: number | null): number | null => (minutes === null ? null : Math.round((minutes / 60) * 10) / 10);

/** Records of hours with the member's name and the activity's title. */
export async function presentHours(em: EntityManager, rows: readonly ServiceHours[], actor: Actor): Promise<ServiceHoursDTO[]> {
  const activityIds = [...new Set(rows.map((h) => h.activityId))];
  const activities = activityIds.length ? await em.find(PartyActivity, { where: { id: In(activityIds) } }) : [];
  const byId = new Map(activities.map((a) => [a.id, a]));
  const [users, slots] = await Promise.all([usersById(em, rows.map((h) => h.userId)), slotsByIds(em, activities.map((a) => a.slotId))]);
  return rows.map((h) => {
    const a = byId.get(h.activityId);
    const approver = !!a && mayRunActivity(actor, a) && h.userId !== actor.userId;
    return {
      id: h.id,
      memberId: h.userId,
      memberName: users.get(h.userId)?.name ?? '',
      activityId: h.activityId,
      title: (a && slots.get(a.slotId)?.title) ?? '',
      startedAt: h.startedAt.toISOString(),
      endedAt: iso(h.endedAt),
      hours: hoursOf(h.minutes),
      minutes: h.minutes,
      status: h.status,
      statusLabel: SERVICE_HOURS_STATUS_LABEL[h.status],
      flag: h.flag,
      flagLabel: h.flag ? SERVICE_HOURS_FLAG_LABEL[h.flag] : null,
      decidedAt: iso(h.decidedAt),
      rejectReason: h.rejectReason,
      can: { decide: approver && h.status === 'pending', correct: approver && (h.status === 'pending' || h.status === 'approved') },
    };
  });
}

/** Activities with their slot (times, seats) and the caller's live sign-up with its code. */
export async function presentActivities(
  em: EntityManager,
  rows: readonly PartyActivity[],
  actor: Actor,
  opts: { mayJoin: (a: PartyActivity) => boolean; now: Date },
): Promise<ActivityDTO[]> {
  const slotIds = rows.map((a) => a.slotId);
  const [slots, mine] = await Promise.all([slotsByIds(em, slotIds), liveBookingsOf(em, { kind: 'user', id: actor.userId }, slotIds)]);
  return rows.flatMap((a) => {
    const s = slots.get(a.slotId);
    if (!s) return [];
    const b = mine.get(a.slotId);
    const capacity = s.pools.reduce((n, p) => n + p.capacity, 0);
    const taken = s.pools.reduce((n, p) => n + p.held, 0);
    return [
      {
        id: a.id,
        slotId: a.slotId,
        title: s.title,
        description: a.description,
        place: a.place,
        communityId: a.communityId,
        compoundId: a.compoundId,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        cutoffAt: s.cutoffAt.toISOString(),
        capacity,
        taken,
        status: s.status,
        mine: b ? { bookingId: b.id, status: b.status, code: b.code } : null,
        can: {
          signUp: !b && s.status === 'published' && opts.now < s.cutoffAt && taken < capacity && opts.mayJoin(a),
          run: mayRunActivity(actor, a),
        },
      },
    ];
  });
}

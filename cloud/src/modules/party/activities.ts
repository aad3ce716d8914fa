import type { EntityManager } from 'typeorm';
import { localYear, SLOT_RULES } from '@hg/types';
import type { ActivityDTO, ServiceHoursDTO } from '@hg/types/party';
import type { TAttendRequest, TPublishActivityRequest } from '@hg/types/party-schemas';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { forbidden, invalidInput, notFound } from '../../core/errors';
import { transition } from '../../core/state-machine';
import { recordEvent } from '../../core/subject-log';
import { communitiesByIds, compoundsByIds } from '../community/public';
import type { Actor } from '../identity/public';
import { checkIn, checkOut, publishSlot, reserve, rosterOf, slotById } from '../slots/public';
import { PartyActivity, ServiceHours, type PartyReport } from './entities';
import { mayOrganise, mayRunActivity } from './party.policy';
import { HOURS_MACHINE } from './party-status';
import { presentActivities, presentHours } from './party.presenter';
import { confirmedReportOf } from './reports';

/**
 * The engine's venue of a community's party activities. The engine's venue is the organisation
 * that runs a slot; a community's party branch is no organisation row, so its venue number is the
 * community's id negated: never a centre's id, so no centre's 预约 list shows a party activity, and
 * check-in codes are looked up among the branch's own slots.
 */
export const partyVenueOf = (communityId: number): number => -communityId;

/** May this member sign up: confirmed in the activity's community (and compound, when it is one compound's). */
export const mayJoin = (report: PartyReport | null, a: PartyActivity): boolean =>
  !!report && report.communityId === a.communityId && (a.compoundId === null || a.compoundId === report.compoundId);

/** 发布活动: community staff publish an activity slot (capacity, no waitlist) with the programme's row, in one transaction. */
export async function publishActivity(ctx: ActionContext, input: TPublishActivityRequest): Promise<ActivityDTO> {
  const now = clock.now();
  const community = (await communitiesByIds(ctx.ds.manager, [input.communityId])).get(input.communityId);
  if (!community) throw notFound('社区');
  if (!mayOrganise(ctx.actor, { streetId: community.streetId, communityId: community.id })) throw forbidden('只有本社区工作人员可以发布党群活动');
  if (input.compoundId) {
    const compound = (await compoundsByIds(ctx.ds.manager, [input.compoundId])).get(input.compoundId);
    if (!compound || compound.communityId !== community.id) throw invalidInput('compoundId', '小区不在该社区');
  }
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const row = await ctx.tx(async (em) => {
    const slot = await publishSlot(em, {
      kind: 'activity',
      venueId: partyVenueOf(community.id),
      title: input.title,
      startsAt,
      endsAt,
      cutoffAt: input.cutoffAt ? new Date(input.cutoffAt) : startsAt,
      pools: [{ pool: SLOT_RULES.seatPool, capacity: input.capacity }],
      waitlist: false,
      by: ctx.actor.userId,
      at: now,
    });
    const a = em.create(PartyActivity, {
      slotId: slot.id,
      streetId: community.streetId,
      communityId: community.id,
      compoundId: input.compoundId ?? null,
      organiserId: ctx.actor.userId,
      place: input.place,
      description: input.description ?? '',
      createdAt: now,
    });
    await em.insert(PartyActivity, a);
    return a;
  });
  return (await presentActivities(ctx.ds.manager, [row], ctx.actor, { mayJoin: () => false, now }))[0];
}

/** Activities of a community not yet a week past: for its organisers, and for members confirmed there. */
export async function listActivities(ctx: ActionContext, communityId: number | undefined): Promise<ActivityDTO[]> {
  const em = ctx.ds.manager;
  const now = clock.now();
  const report = await confirmedReportOf(em, ctx.actor.userId);
  const id = communityId ?? report?.communityId;
  if (!id) return [];
  const community = (await communitiesByIds(em, [id])).get(id);
  if (!community) throw notFound('社区');
  if (report?.communityId !== id && !mayOrganise(ctx.actor, { streetId: community.streetId, communityId: id })) throw notFound('社区');
  const rows = await em.find(PartyActivity, { where: { communityId: id }, order: { id: 'DESC' }, take: 100 });
  const since = now.getTime() - 7 * 24 * 3600 * 1000;
  const shown = await presentActivities(em, rows, ctx.actor, { mayJoin: (a) => mayJoin(report, a), now });
  return shown.filter((a) => Date.parse(a.endsAt) >= since).sort((x, y) => x.startsAt.localeCompare(y.startsAt));
}

async function activityOr404(em: EntityManager, id: number): Promise<PartyActivity> {
  const a = await em.findOne(PartyActivity, { where: { id } });
  if (!a) throw notFound('活动');
  return a;
}

/** 报名: a confirmed member takes a seat through the engine (one live sign-up per member: the engine's key). */
export async function signUp(ctx: ActionContext, activityId: number, requestId: string): Promise<ActivityDTO> {
  const now = clock.now();
  const a = await activityOr404(ctx.ds.manager, activityId);
  const report = await confirmedReportOf(ctx.ds.manager, ctx.actor.userId);
  if (!mayJoin(report, a)) throw forbidden('双报到经本社区党组织确认的党员才能报名');
  await reserve(ctx, { slotId: a.slotId, holder: { kind: 'user', id: ctx.actor.userId }, requestId, bookedById: ctx.actor.userId, waitlist: false, at: now });
  return (await presentActivities(ctx.ds.manager, [a], ctx.actor, { mayJoin: (x) => mayJoin(report, x), now }))[0];
}

/** The organiser's step at the venue: the activity, the right to run it, and the sign-up behind the code on its roster. */
async function attendance(em: EntityManager, actor: Actor, input: TAttendRequest, statuses: ('booked' | 'checked_in')[]) {
  const a = await activityOr404(em, input.activityId);
  if (!mayRunActivity(actor, a)) throw forbidden('只有活动组织者和本社区党组织可以签到签退');
  const code = input.code.trim().toUpperCase();
  const booking = (await rosterOf(em, a.slotId, statuses)).find((b) => b.code === code);
  if (!booking) throw notFound(statuses.includes('booked') ? '报名' : '签到记录');
  return { a, booking };
}

/** 签到 by the member's code: the engine's check-in (on the day) and an open record of hours, in one transaction. */
export async function checkInMember(ctx: ActionContext, input: TAttendRequest): Promise<ServiceHoursDTO> {
  const now = clock.now();
  const row = await ctx.tx(async (em) => {
    const { a, booking } = await attendance(em, ctx.actor, input, ['booked']);
    const slot = (await slotById(em, a.slotId))!;
    await checkIn(em, { bookingId: booking.id }, { by: ctx.actor.userId, at: now });
    const h = em.create(ServiceHours, {
      userId: booking.holderId,
      activityId: a.id,
      slotBookingId: booking.id,
      communityId: a.communityId,
      year: localYear(slot.startsAt),
      startedAt: now,
      endedAt: null,
      endsAt: slot.endsAt,
      minutes: null,
      status: 'open',
      flag: null,
      decidedById: null,
      decidedAt: null,
      rejectReason: null,
      createdAt: now,
      updatedAt: now,
    });
    await em.insert(ServiceHours, h);
    await recordEvent(em, { subjectKind: HOURS_MACHINE.name, subjectId: h.id, action: 'opened', to: 'open', actorId: ctx.actor.userId, at: now });
    return h;
  });
  return (await presentHours(ctx.ds.manager, [row], ctx.actor))[0];
}

/** Minutes between two instants, to the nearest minute (never negative). */
export const minutesBetween = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));

/** 签退: the engine's check-out and the record pending with its minutes, in one transaction. */
export async function checkOutMember(ctx: ActionContext, input: TAttendRequest): Promise<ServiceHoursDTO> {
  const now = clock.now();
  const row = await ctx.tx(async (em) => {
    const { booking } = await attendance(em, ctx.actor, input, ['checked_in']);
    await checkOut(em, booking.id, { by: ctx.actor.userId, at: now });
    const h = await em.findOne(ServiceHours, { where: { slotBookingId: booking.id } });
    if (!h) throw notFound('签到记录');
    await transition({
      em,
      machine: HOURS_MACHINE,
      entity: ServiceHours,
      row: h,
      action: 'checkOut',
      patch: { endedAt: now, minutes: minutesBetween(h.startedAt, now), updatedAt: now },
      at: now,
      actorId: ctx.actor.userId,
      conflictMessage: '这条时长记录刚刚被处理，请刷新后查看',
    });
    return h;
  });
  return (await presentHours(ctx.ds.manager, [row], ctx.actor))[0];
}

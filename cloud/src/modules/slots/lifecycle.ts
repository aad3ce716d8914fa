import { In, type EntityManager } from 'typeorm';
import { ErrorCode, localDay, SLOT_RULES, type EngineSlotKind, type SlotBookingStatus } from '@hg/types';
import { dialectOf } from '../../core/data-source';
import { AppError, conflict, invalidInput, invalidTransition, isUniqueViolation, notFound } from '../../core/errors';
import { transition, transitionMany } from '../../core/state-machine';
import { recordEvent } from '../../core/subject-log';
import type { Notifier } from '../notifications/public';
import { ClosedDay } from './closed-day.entity';
import { tellAbout } from './messages';
import { slotById } from './reads';
import { releaseSeats } from './seats';
import { SlotBooking } from './slot-booking.entity';
import { SlotPool } from './slot-pool.entity';
import { SLOT_BOOKING_MACHINE, SLOT_MACHINE } from './slot-status';
import { EngineSlot } from './slot.entity';
import type { ExtraRecipients, SlotView } from './views';

export interface SlotTimes {
  title: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  opensAt?: Date | null;
}

export interface PublishSlot extends SlotTimes {
  kind: EngineSlotKind;
  venueId: number;
  /** One entry per pool; a single-capacity slot uses SLOT_RULES.seatPool. */
  pools: { pool: string; capacity: number }[];
  /** At most this many bookings per holder per week at this venue for this kind (null: no limit). */
  quotaPerWeek?: number | null;
  /** A full slot takes a waitlist (the default); false: full is full. */
  waitlist?: boolean;
  by: number;
  at: Date;
}

function checkTimes(t: SlotTimes, at: Date): void {
  if (!(t.startsAt < t.endsAt)) throw invalidInput('endsAt', '结束时间须晚于开始时间');
  if (t.cutoffAt > t.endsAt) throw invalidInput('cutoffAt', '截止时间不能晚于结束时间');
  if (t.cutoffAt <= at) throw invalidInput('cutoffAt', '截止时间已过');
  if (t.opensAt && t.opensAt >= t.cutoffAt) throw invalidInput('opensAt', '开放时间须早于截止时间');
}

function checkPools(pools: readonly { pool: string; capacity: number }[]): void {
  if (!pools.length || pools.length > SLOT_RULES.poolsMax) throw invalidInput('pools', `名额分组须为1到${SLOT_RULES.poolsMax}个`);
  if (new Set(pools.map((p) => p.pool)).size !== pools.length) throw invalidInput('pools', '名额分组重复');
  for (const p of pools) {
    if (!Number.isInteger(p.capacity) || p.capacity < 0 || p.capacity > SLOT_RULES.capacityMax)
      throw invalidInput('capacity', `名额须为0到${SLOT_RULES.capacityMax}`);
  }
  if (!pools.some((p) => p.capacity > 0)) throw invalidInput('capacity', '至少要有一个名额');
}

function checkQuota(quota: number | null | undefined): number | null {
  if (quota === null || quota === undefined) return null;
  if (!Number.isInteger(quota) || quota < 1 || quota > SLOT_RULES.quotaPerWeekMax)
    throw invalidInput('quotaPerWeek', `每周限约须为1到${SLOT_RULES.quotaPerWeekMax}次`);
  return quota;
}

/**
 * Refuse a closed day. The read locks the (venue, day) key on MySQL, so a closeDay running at the
 * same time waits for this slot to commit and then withdraws it too.
 */
async function refuseClosedDay(em: EntityManager, venueId: number, day: string): Promise<void> {
  if ((await closedDayReason(em, venueId, day)) !== null) throw conflict(`${day} 已设为休息日，不能发布时段`);
}

/**
 * Why a venue's day is closed, or null when it is open — a locking read (shared, on MySQL), so a
 * closeDay running at the same time waits for the caller's transaction (meal sittings use it too).
 */
export async function closedDayReason(em: EntityManager, venueId: number, day: string): Promise<string | null> {
  const lock = dialectOf(em.connection) !== 'better-sqlite3' ? ' LOCK IN SHARE MODE' : '';
  const rows: { reason: string }[] = await em.query(`SELECT reason FROM slot_closed_days WHERE venueId = ? AND day = ?${lock}`, [venueId, day]);
  return rows.length ? rows[0].reason : null;
}

/** Publish a slot with its pools (one `published` event). */
export async function publishSlot(em: EntityManager, p: PublishSlot): Promise<SlotView> {
  checkTimes(p, p.at);
  checkPools(p.pools);
  const day = localDay(p.startsAt);
  await refuseClosedDay(em, p.venueId, day);
  const slot = await em.save(
    em.create(EngineSlot, {
      kind: p.kind,
      venueId: p.venueId,
      day,
      title: [...p.title].slice(0, SLOT_RULES.titleMax).join(''),
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      cutoffAt: p.cutoffAt,
      opensAt: p.opensAt ?? null,
      status: 'published',
      quotaPerWeek: checkQuota(p.quotaPerWeek),
      waitlist: p.waitlist ?? true,
      createdById: p.by,
      createdAt: p.at,
      updatedAt: p.at,
    }),
  );
  await em.insert(
    SlotPool,
    p.pools.map((x) => ({ slotId: slot.id, pool: x.pool, capacity: x.capacity, held: 0 })),
  );
  await recordEvent(em, { subjectKind: SLOT_MACHINE.name, subjectId: slot.id, action: 'published', to: 'published', actorId: p.by, at: p.at });
  return (await slotById(em, slot.id))!;
}

export interface EditSlot extends Partial<SlotTimes> {
  /** New capacities by pool name (pools not named keep theirs). */
  capacities?: Record<string, number>;
  /** A new weekly quota; null removes it. */
  quotaPerWeek?: number | null;
  /** Whether a full slot takes a waitlist (nobody waits yet: edits end at the first booking). */
  waitlist?: boolean;
  by: number;
  at: Date;
}

/**
 * Edit a published slot until its first booking. The first statement takes the slot's row lock
 * (a reservation holds a shared lock on it until it commits), so an edit and a first booking never
 * both pass: whichever comes second sees the other.
 */
export async function editSlot(em: EntityManager, slotId: number, p: EditSlot): Promise<SlotView> {
  const res = await em.update(EngineSlot, { id: slotId, status: 'published' }, { updatedAt: p.at });
  if (res.affected !== 1) {
    if (await em.exists(EngineSlot, { where: { id: slotId } })) throw invalidTransition('该时段已撤回，不能修改');
    throw notFound('时段');
  }
  if (await em.exists(SlotBooking, { where: { slotId } })) throw conflict('已有人预约，不能再修改；可撤回后重新发布');
  const slot = await em.findOneByOrFail(EngineSlot, { id: slotId });
  const next: SlotTimes = {
    title: p.title ?? slot.title,
    startsAt: p.startsAt ?? slot.startsAt,
    endsAt: p.endsAt ?? slot.endsAt,
    cutoffAt: p.cutoffAt ?? slot.cutoffAt,
    opensAt: p.opensAt === undefined ? slot.opensAt : p.opensAt,
  };
  checkTimes(next, p.at);
  const day = localDay(next.startsAt);
  if (day !== slot.day) await refuseClosedDay(em, slot.venueId, day);
  const pools = await em.find(SlotPool, { where: { slotId } });
  const capacities = pools.map((x) => ({ pool: x.pool, capacity: p.capacities?.[x.pool] ?? x.capacity }));
  for (const name of Object.keys(p.capacities ?? {})) if (!pools.some((x) => x.pool === name)) throw invalidInput('capacities', `没有名额分组 ${name}`);
  checkPools(capacities);
  const quotaPerWeek = p.quotaPerWeek === undefined ? slot.quotaPerWeek : checkQuota(p.quotaPerWeek);
  await em.update(
    EngineSlot,
    { id: slotId },
    {
      ...next,
      title: [...next.title].slice(0, SLOT_RULES.titleMax).join(''),
      day,
      opensAt: next.opensAt ?? null,
      quotaPerWeek,
      waitlist: p.waitlist ?? slot.waitlist,
    },
  );
  for (const c of capacities) await em.update(SlotPool, { slotId, pool: c.pool }, { capacity: c.capacity });
  await recordEvent(em, { subjectKind: SLOT_MACHINE.name, subjectId: slotId, action: 'edited', actorId: p.by, at: p.at });
  return (await slotById(em, slotId))!;
}

/** Live states a withdrawal ends. */
const WITHDRAWN_FROM: SlotBookingStatus[] = ['booked', 'offered', 'waitlisted'];

export interface WithdrawSlot {
  reason: string;
  by: number;
  at: Date;
  notifier: Notifier;
  extra?: ExtraRecipients;
}

/**
 * Withdraw a published slot: the slot's compare-and-set, every live booking ended (`withdrawn`,
 * one event each, seats given back) and everyone booked or waiting told why. Returns how many
 * bookings it ended.
 */
export async function withdrawSlot(em: EntityManager, slotId: number, p: WithdrawSlot): Promise<number> {
  const slot = await em.findOne(EngineSlot, { where: { id: slotId } });
  if (!slot) throw notFound('时段');
  const reason = [...p.reason].slice(0, SLOT_RULES.reasonMax).join('');
  await transition({
    em,
    machine: SLOT_MACHINE,
    entity: EngineSlot,
    row: slot,
    action: 'withdraw',
    patch: { updatedAt: p.at },
    at: p.at,
    actorId: p.by,
    data: { note: reason },
  });
  const live = await em.find(SlotBooking, { where: { slotId, status: In(WITHDRAWN_FROM) }, order: { id: 'ASC' } });
  const ended: SlotBooking[] = [];
  for (const status of WITHDRAWN_FROM) {
    const rows = live.filter((b) => b.status === status);
    const moved = await transitionMany({
      em,
      machine: SLOT_BOOKING_MACHINE,
      entity: SlotBooking,
      rows,
      action: 'withdraw',
      patch: { activeKey: null, offerExpiresAt: null, updatedAt: p.at },
      at: p.at,
      actorId: p.by,
      data: { note: reason },
    });
    if (status !== 'waitlisted') {
      for (const pool of new Set(moved.map((b) => b.pool))) await releaseSeats(em, slotId, pool, moved.filter((b) => b.pool === pool).length);
    }
    ended.push(...moved);
  }
  const when = `${slot.day} ${slot.title}`;
  for (const b of ended) await tellAbout(em, p.notifier, b, '预约的时段已撤回', `${when}已撤回：${reason}`, p.extra);
  return ended.length;
}

export interface CloseDay {
  venueId: number;
  day: string;
  reason: string;
  by: number;
  at: Date;
  notifier: Notifier;
  extra?: ExtraRecipients;
}

/**
 * Close a venue's day (a holiday): record it (once: CONFLICT when already closed), so nothing can
 * be published on it, and withdraw every slot published on it with notice to those booked.
 */
export async function closeDay(em: EntityManager, p: CloseDay): Promise<{ slots: number; bookings: number }> {
  const reason = [...p.reason].slice(0, SLOT_RULES.reasonMax).join('');
  try {
    await em.insert(ClosedDay, { venueId: p.venueId, day: p.day, reason, closedById: p.by, closedAt: p.at });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(ErrorCode.CONFLICT, `${p.day} 已是休息日`);
    throw err;
  }
  const slots = await em.find(EngineSlot, { where: { venueId: p.venueId, day: p.day, status: 'published' }, order: { id: 'ASC' } });
  let bookings = 0;
  for (const s of slots) bookings += await withdrawSlot(em, s.id, { ...p, reason });
  return { slots: slots.length, bookings };
}

/** Open a closed day again (its withdrawn slots stay withdrawn; new ones may be published). */
export async function reopenDay(em: EntityManager, p: { venueId: number; day: string }): Promise<void> {
  const res = await em.delete(ClosedDay, { venueId: p.venueId, day: p.day });
  if (!res.affected) throw notFound('休息日');
}

/** Which of these calendar days a venue has closed, with the reason. */
export async function closedDaysOf(em: EntityManager, venueId: number, days: readonly string[]): Promise<{ day: string; reason: string }[]> {
  if (!days.length) return [];
  const rows = await em.find(ClosedDay, { where: { venueId, day: In([...days]) }, order: { day: 'ASC' } });
  return rows.map((r) => ({ day: r.day, reason: r.reason }));
}

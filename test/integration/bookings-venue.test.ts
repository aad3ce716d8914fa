import crypto from 'node:crypto';
import type { VenueSlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { localDay } from '@hg/types/local-time';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, errorCode, newcomer, ok, orgId } from '../factories';
import { seedDemoVenueSlots } from '../../cloud/src/modules/bookings/demo-seed';
import { demoSeedContext } from '../../cloud/src/seed/run-seed';

jest.setTimeout(120_000);

const rid = () => crypto.randomBytes(9).toString('base64url');
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/**
 * Rooms, consultations and visits on the slot engine through the `bookings` function: a verified
 * resident books without any elder registration; centre staff publish, edit, withdraw, close a
 * day, check in by code or by name and check out.
 */
describe.each(DIALECTS)('centre rooms and visits on the slot engine (%s)', (dialect) => {
  let db: TestDb;
  let centreId: number;
  let dayNo = 2;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  /** A slot 10:00–12:00 (Beijing) on a day of its own, cut-off 09:00. */
  async function publish(
    kind: 'room' | 'consult' | 'visit' | 'meeting',
    capacity: number,
    title = '棋牌室',
    day = localDay(new Date(clock.now().getTime() + ++dayNo * DAY)),
    more: { waitlist?: boolean } = {},
  ): Promise<VenueSlotDTO> {
    const startsAt = new Date(`${day}T10:00:00.000+08:00`);
    return ok(
      await call(
        'bookings',
        'publishSlot',
        {
          centreId,
          kind,
          title,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
          cutoffAt: new Date(startsAt.getTime() - HOUR).toISOString(),
          capacity,
          ...more,
        },
        as('care_staff'),
      ),
    );
  }

  // First, while the centre has no rooms or activities: the seed adds nothing to a centre in use.
  it('the demo seed publishes a few upcoming rooms and activities once, through the actions', async () => {
    expect(await seedDemoVenueSlots(demoSeedContext(db.ds))).toBe(4);
    expect(await seedDemoVenueSlots(demoSeedContext(db.ds))).toBe(0);
    // A resident who is not an elder finds them on their centre's page.
    const week = ok(await call('bookings', 'venueSlots', { centreId }, as('resident2')));
    const seeded = week.filter((s) => ['活动室 · 棋牌', '健康咨询 · 量血压', '重阳节包饺子', '居民议事会：加装电梯'].includes(s.title));
    expect(seeded.map((s) => s.kind).sort()).toEqual(['activity', 'consult', 'meeting', 'room']);
    expect(seeded.every((s) => s.status === 'published' && s.day > localDay(clock.now()))).toBe(true);
    // 王秀兰 booked the consultation, so 我的预约 is not empty either.
    const mine = ok(await call('bookings', 'myReservations', {}, as('resident'))).items;
    expect(mine.map((r) => [r.title, r.status])).toContainEqual(['健康咨询 · 量血压', 'booked']);
  });

  it('a verified resident books the activity room without an elder registration; a newcomer may not', async () => {
    const slot = await publish('room', 2);
    const resident = await buildResident(db.ds, { name: '林晓燕' });
    const [{ n }] = await db.ds.query('SELECT COUNT(*) AS n FROM elders WHERE userId = ?', [resident.userId]);
    expect(Number(n)).toBe(0);
    const requestId = rid();
    const booked = ok(await call('bookings', 'reserve', { slotId: slot.id, requestId }, resident.openid));
    expect(booked).toMatchObject({ slotId: slot.id, kind: 'room', status: 'booked', can: { cancel: true, checkIn: false } });
    expect(booked.code).toMatch(/^[2-9A-Z]{6}$/);
    // The same request again answers the same booking.
    expect(ok(await call('bookings', 'reserve', { slotId: slot.id, requestId }, resident.openid)).id).toBe(booked.id);
    const listed = ok(await call('bookings', 'venueSlots', { centreId, from: slot.day }, resident.openid)).find((s) => s.id === slot.id)!;
    expect(listed).toMatchObject({ left: 1, myReservationId: booked.id, myStatus: 'booked', editable: false });
    expect(ok(await call('bookings', 'myReservations', {}, resident.openid)).items.map((r) => r.id)).toContain(booked.id);

    expect(errorCode(await call('bookings', 'reserve', { slotId: slot.id, requestId: rid() }, newcomer()))).toBe('FORBIDDEN');
    const pending = await buildResident(db.ds, { verifier: null });
    expect(errorCode(await call('bookings', 'reserve', { slotId: slot.id, requestId: rid() }, pending.openid))).toBe('FORBIDDEN');
    // Another resident sees neither the booking nor its code.
    const other = await buildResident(db.ds);
    expect(errorCode(await call('bookings', 'cancelReservation', { reservationId: booked.id }, other.openid))).toBe('NOT_FOUND');
  });

  it('a member of a registered group books the room for the group', async () => {
    const slot = await publish('room', 3, '活动室');
    const team = await orgId(db.ds, '管网疏通服务队');
    // 为谁预约 offers the groups one may book for: a service team, not a property firm or a centre.
    expect(ok(await call('bookings', 'venueGroups', {}, as('team_staff')))).toEqual([{ id: team, name: '管网疏通服务队' }]);
    for (const key of ['property_staff', 'care_staff', 'resident']) expect(ok(await call('bookings', 'venueGroups', {}, as(key)))).toEqual([]);
    const forTeam = ok(await call('bookings', 'reserve', { slotId: slot.id, groupId: team, requestId: rid() }, as('team_staff')));
    expect(forTeam).toMatchObject({ status: 'booked', holderName: '管网疏通服务队', can: { cancel: true } });
    const [row] = await db.ds.query('SELECT holderKind, holderId, bookedById FROM slot_bookings WHERE id = ?', [forTeam.id]);
    expect([row.holderKind, Number(row.holderId)]).toEqual(['group', team]);
    // One live booking per group; nobody books for a group they do not belong to, nor for a centre.
    expect(errorCode(await call('bookings', 'reserve', { slotId: slot.id, groupId: team, requestId: rid() }, as('team_staff')))).toBe('CONFLICT');
    const resident = await buildResident(db.ds);
    expect(errorCode(await call('bookings', 'reserve', { slotId: slot.id, groupId: team, requestId: rid() }, resident.openid))).toBe('NOT_FOUND');
    expect(errorCode(await call('bookings', 'reserve', { slotId: slot.id, groupId: centreId, requestId: rid() }, as('care_staff')))).toBe('NOT_FOUND');
    expect(ok(await call('bookings', 'roster', { slotId: slot.id, name: '服务队' }, as('care_staff'))).map((r) => r.id)).toEqual([forTeam.id]);
    ok(await call('bookings', 'cancelReservation', { reservationId: forTeam.id }, as('team_staff')));
  });

  it('a visit asks where and what', async () => {
    const slot = await publish('visit', 3, '家电维修上门');
    const resident = await buildResident(db.ds);
    const missing = await call('bookings', 'reserve', { slotId: slot.id, requestId: rid() }, resident.openid);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'place' } } });
    const visit = ok(
      await call('bookings', 'reserve', { slotId: slot.id, requestId: rid(), place: '锦屏花园1栋1单元302', purpose: '洗衣机漏水' }, resident.openid),
    );
    expect(visit).toMatchObject({ kind: 'visit', place: '锦屏花园1栋1单元302', purpose: '洗衣机漏水' });
  });

  it('waitlist: a cancelled seat is offered to the next resident, who accepts it', async () => {
    const slot = await publish('consult', 1, '健康咨询');
    const a = await buildResident(db.ds);
    const b = await buildResident(db.ds);
    const first = ok(await call('bookings', 'reserve', { slotId: slot.id, requestId: rid() }, a.openid));
    expect(errorCode(await call('bookings', 'reserve', { slotId: slot.id, requestId: rid() }, b.openid))).toBe('CAPACITY_FULL');
    const waiting = ok(await call('bookings', 'reserve', { slotId: slot.id, requestId: rid(), waitlist: true }, b.openid));
    expect(waiting.status).toBe('waitlisted');
    ok(await call('bookings', 'cancelReservation', { reservationId: first.id }, a.openid));
    const offered = ok(await call('bookings', 'myReservations', {}, b.openid)).items.find((r) => r.id === waiting.id)!;
    expect(offered).toMatchObject({ status: 'offered', can: { accept: true } });
    expect(ok(await call('bookings', 'acceptReservation', { reservationId: waiting.id }, b.openid)).status).toBe('booked');
  });

  it('staff choose per slot whether a full slot takes a waitlist; everyone sees how many wait', async () => {
    const queue = await publish('consult', 1, '健康咨询');
    const noQueue = await publish('meeting', 1, '居民议事会', queue.day, { waitlist: false });
    expect([queue.waitlist, noQueue.waitlist]).toEqual([true, false]);
    const [a, b, c] = await Promise.all([buildResident(db.ds), buildResident(db.ds), buildResident(db.ds)]);
    for (const s of [queue, noQueue]) ok(await call('bookings', 'reserve', { slotId: s.id, requestId: rid() }, a.openid));
    for (const r of [b, c])
      expect(ok(await call('bookings', 'reserve', { slotId: queue.id, requestId: rid(), waitlist: true }, r.openid)).status).toBe('waitlisted');
    // Asking for a place in a line the slot does not keep: CAPACITY_FULL, and it says there is no line.
    expect(await call('bookings', 'reserve', { slotId: noQueue.id, requestId: rid(), waitlist: true }, b.openid)).toMatchObject({
      ok: false,
      error: { code: 'CAPACITY_FULL', details: { waitlist: false } },
    });
    const listed = ok(await call('bookings', 'venueSlots', { centreId, from: queue.day }, c.openid));
    expect(listed.find((s) => s.id === queue.id)).toMatchObject({ left: 0, waitlist: true, waiting: 2, myStatus: 'waitlisted' });
    expect(listed.find((s) => s.id === noQueue.id)).toMatchObject({ left: 0, waitlist: false, waiting: 0 });
    // Staff turn the line on for a slot nobody has booked yet.
    const later = await publish('room', 1, '棋牌室', undefined, { waitlist: false });
    expect(ok(await call('bookings', 'editSlot', { slotId: later.id, waitlist: true }, as('care_staff'))).waitlist).toBe(true);
  });

  it('staff edit until the first booking, withdraw with notice, and close a day', async () => {
    const slot = await publish('room', 5);
    expect(slot.editable).toBe(true);
    expect(ok(await call('bookings', 'editSlot', { slotId: slot.id, title: '书画室', capacity: 8 }, as('care_staff')))).toMatchObject({
      title: '书画室',
      capacity: 8,
    });
    expect(errorCode(await call('bookings', 'editSlot', { slotId: slot.id, title: 'x' }, as('resident')))).toBe('FORBIDDEN');
    const resident = await buildResident(db.ds);
    const booked = ok(await call('bookings', 'reserve', { slotId: slot.id, requestId: rid() }, resident.openid));
    expect(errorCode(await call('bookings', 'editSlot', { slotId: slot.id, capacity: 3 }, as('care_staff')))).toBe('CONFLICT');
    expect(ok(await call('bookings', 'withdrawSlot', { slotId: slot.id, reason: '场地维修' }, as('care_staff'))).status).toBe('withdrawn');
    expect(ok(await call('bookings', 'myReservations', {}, resident.openid)).items.find((r) => r.id === booked.id)!.status).toBe('withdrawn');
    const inbox = ok(await call('notifications', 'list', {}, resident.openid));
    expect(JSON.stringify(inbox)).toContain('场地维修');

    const day = localDay(new Date(clock.now().getTime() + ++dayNo * DAY));
    const onHoliday = await publish('consult', 2, '健康咨询', day);
    const held = ok(await call('bookings', 'reserve', { slotId: onHoliday.id, requestId: rid() }, resident.openid));
    expect(ok(await call('bookings', 'closeDay', { centreId, day, reason: '元旦休息' }, as('care_staff')))).toEqual({ day, slots: 1, bookings: 1 });
    expect(ok(await call('bookings', 'myReservations', {}, resident.openid)).items.find((r) => r.id === held.id)!.status).toBe('withdrawn');
    expect(
      errorCode(
        await call(
          'bookings',
          'publishSlot',
          {
            centreId,
            kind: 'room',
            title: '棋牌室',
            startsAt: `${day}T02:00:00.000Z`,
            endsAt: `${day}T04:00:00.000Z`,
            cutoffAt: `${day}T01:00:00.000Z`,
            capacity: 2,
          },
          as('care_staff'),
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('checks in by code and by name on the day, then checks out with times', async () => {
    const slot = await publish('room', 4);
    const a = await buildResident(db.ds, { name: '赵桂芳' });
    const b = await buildResident(db.ds, { name: '钱建国' });
    const ra = ok(await call('bookings', 'reserve', { slotId: slot.id, requestId: rid() }, a.openid));
    const rb = ok(await call('bookings', 'reserve', { slotId: slot.id, requestId: rid() }, b.openid));
    expect(errorCode(await call('bookings', 'checkIn', { centreId, code: ra.code! }, as('care_staff')))).toBe('INVALID_TRANSITION');
    // The slot's morning.
    clock.advance(new Date(slot.startsAt).getTime() - 10 * 60_000 - clock.now().getTime());
    expect(errorCode(await call('bookings', 'checkIn', { centreId, code: ra.code! }, a.openid))).toBe('FORBIDDEN');
    expect(ok(await call('bookings', 'checkIn', { centreId, code: ra.code! }, as('care_staff')))).toMatchObject({
      id: ra.id,
      status: 'checked_in',
      holderName: '赵桂芳',
    });
    const found = ok(await call('bookings', 'roster', { slotId: slot.id, name: '建国' }, as('care_staff')));
    expect(found.map((r) => [r.id, r.holderName])).toEqual([[rb.id, '钱建国']]);
    expect(ok(await call('bookings', 'checkIn', { reservationId: found[0].id }, as('care_staff'))).status).toBe('checked_in');
    clock.advance(90 * 60_000);
    const out = ok(await call('bookings', 'checkOut', { reservationId: ra.id }, as('care_staff')));
    expect(out.status).toBe('checked_out');
    const stayed = new Date(out.checkedOutAt!).getTime() - new Date(out.checkedInAt!).getTime();
    expect(stayed).toBeGreaterThanOrEqual(90 * 60_000);
    expect(stayed).toBeLessThan(91 * 60_000);
    clock.reset();
  });
});

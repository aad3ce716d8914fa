import crypto from 'node:crypto';
import { BOOKINGS_SETTINGS_DEFAULTS, SUBSIDY_USED_TODAY, type BookingsSettings, type SlotDTO } from '@hg/types';
import { FUNCTIONS } from '../../cloud/src/app';
import { runAction } from '../../cloud/src/core/action';
import { clock } from '../../cloud/src/core/clock';
import { localPlatform } from '../../cloud/src/core/platform';
import { Booking } from '../../cloud/src/modules/bookings/booking.entity';
import { Elder } from '../../cloud/src/modules/bookings/elder.entity';
import { Slot } from '../../cloud/src/modules/bookings/slot.entity';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, call, errorCode, newcomer, ok, orgId } from '../factories';

jest.setTimeout(180_000);

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const rid = () => crypto.randomBytes(9).toString('base64url');

/**
 * Issue 15, items 7 and 8: subsidy tiers by age band and category from the city settings, one
 * subsidised meal a day per elder (held under parallel bookings), an offer window an elder can
 * keep, delivery only to an address, and the elder told when family links to her.
 */
describe.each(DIALECTS)('meal subsidy rules and what the elder is told, on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  let lastDay = 0;
  const staff = as('care_staff');
  const admin = as('admin');
  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  /** A fresh day for each test's sittings (the daily limit is per day). */
  const nextDay = () => {
    lastDay = Math.max(lastDay + DAY, clock.now().getTime() + 2 * DAY);
    return new Date(lastDay);
  };
  const saveSettings = async (change: Partial<BookingsSettings>) => {
    const section = ok(await call('settings', 'list', {}, admin)).find((s) => s.key === 'bookings')!;
    return ok(
      await call('settings', 'save', { section: 'bookings', version: section.version, value: { ...(section.value as BookingsSettings), ...change } }, admin),
    );
  };
  const walkIn = async (name: string, birthYear: number, extra: Record<string, unknown> = {}) =>
    ok(await call('bookings', 'registerElder', { centreId, name, birthYear, address: '锦屏花园1栋1单元101', ...extra }, staff));
  const book = (slot: Pick<SlotDTO, 'id'>, elderId: number, who = staff, extra: Record<string, unknown> = {}) =>
    call('bookings', 'book', { slotId: slot.id, elderId, requestId: rid(), ...extra }, who);
  const userIdOf = async (openid: string) => Number((await db.ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);
  /** A copy of `slot` at another sitting or centre, the same day (written as staff there would publish it). */
  const copySlot = async (slot: SlotDTO, patch: Partial<Slot>) => {
    const row = await db.ds.getRepository(Slot).findOneByOrFail({ id: slot.id });
    const { id: _id, ...rest } = row;
    return db.ds.getRepository(Slot).save({ ...rest, heldDineIn: 0, heldDelivery: 0, ...patch });
  };
  const year = () => Number(new Date(clock.now().getTime() + 8 * HOUR).toISOString().slice(0, 4));

  it('an unchanged section prices as before (80岁以上 4元); age bands 60/70/80/90 and categories then price quote, booking and report', async () => {
    const lunch = await buildLunch(centreId, nextDay());
    const old = await walkIn('段秀英', year() - 85);
    const young = await walkIn('段建国', year() - 65);
    expect(ok(await call('bookings', 'quote', { slotId: lunch.id, elderId: old.id }, staff))).toMatchObject({
      price: { subsidyFen: 400, tier: 'age80' },
      tierLabel: '80岁以上',
      capNote: null,
    });
    expect(ok(await call('bookings', 'quote', { slotId: lunch.id, elderId: young.id }, staff)).price).toMatchObject({ subsidyFen: 0, tier: null });
    // A section saved in the old shape (no bands, no daily limit, no offer window) is still valid and reads the defaults for them.
    const section = ok(await call('settings', 'list', {}, admin)).find((s) => s.key === 'bookings')!;
    const legacy = { subsidy: BOOKINGS_SETTINGS_DEFAULTS.subsidy, subsidyAge: 80 };
    const saved = ok(await call('settings', 'save', { section: 'bookings', version: section.version, value: legacy }, admin));
    expect(saved.value).toMatchObject({ ageBands: [], subsidisedMealsPerDay: 1, offerMinutes: 120 });
    expect(saved.repaired).toBe(false);

    const bands = [
      { fromAge: 60, label: '60-69岁', fen: 100 },
      { fromAge: 70, label: '70-79岁', fen: 200 },
      { fromAge: 80, label: '80-89岁', fen: 400 },
      { fromAge: 90, label: '90岁以上', fen: 800 },
    ];
    // Two bands from the same age are refused, naming the field.
    const twice = await call(
      'settings',
      'save',
      { section: 'bookings', version: saved.version, value: { ...(saved.value as BookingsSettings), ageBands: [bands[0], bands[0]] } },
      admin,
    );
    expect(errorCode(twice)).toBe('INVALID_INPUT');
    await saveSettings({
      ageBands: bands,
      subsidy: { ...BOOKINGS_SETTINGS_DEFAULTS.subsidy, dibao: { label: '低保', fen: 600 }, alone: { label: '独居/空巢', fen: 300 } },
    });

    const day = nextDay();
    const meal = await buildLunch(centreId, day);
    const people = {
      sixties: await walkIn('段一', year() - 65),
      seventies: await walkIn('段二', year() - 75),
      eighties: await walkIn('段三', year() - 85),
      nineties: await walkIn('段四', year() - 92),
      dibaoSeventy: await walkIn('段五', year() - 72, { dibao: true }),
      aloneNinety: await walkIn('段六', year() - 91, { livesAlone: true }),
      tekunSeventy: await walkIn('段七', year() - 73, { tekun: true }),
    };
    const expected: Record<keyof typeof people, [string, number, string]> = {
      sixties: ['age60', 100, '60-69岁'],
      seventies: ['age70', 200, '70-79岁'],
      eighties: ['age80', 400, '80-89岁'],
      nineties: ['age90', 800, '90岁以上'],
      dibaoSeventy: ['dibao', 600, '低保'], // 低保 pays more than her band
      aloneNinety: ['age90', 800, '90岁以上'], // her band pays more than 独居
      tekunSeventy: ['tekun', 800, '特困供养'], // 特困 (the default 8.00元) pays more than her band
    };
    const bookings: Record<string, number> = {};
    for (const [key, elder] of Object.entries(people) as [keyof typeof people, { id: number }][]) {
      const [tier, fen, label] = expected[key];
      const quote = ok(await call('bookings', 'quote', { slotId: meal.id, elderId: elder.id }, staff));
      expect({ key, tier: quote.price.tier, fen: quote.price.subsidyFen, label: quote.tierLabel }).toEqual({ key, tier, fen, label });
      const booked = ok(await book(meal, elder.id));
      expect({ key, tier: booked.price.tier, pay: booked.price.payFen }).toEqual({ key, tier, pay: 1200 - fen });
      bookings[key] = booked.id;
    }
    // Eaten: the month's report counts them in their bands.
    clock.advance(Date.parse(meal.startsAt) - clock.now().getTime() + 60_000);
    for (const id of Object.values(bookings)) ok(await call('bookings', 'redeemById', { centreId, bookingId: id, paidBy: 'cash' }, staff));
    const report = ok(await call('bookings', 'subsidyReport', { centreId, month: meal.day.slice(0, 7) }, staff));
    const tiers = Object.fromEntries(report.tiers.map((t) => [t.tier, t]));
    expect(report.tiers.map((t) => t.label)).toEqual(['60-69岁', '70-79岁', '80-89岁', '90岁以上', '独居/空巢', '低保', '特困供养']);
    expect(tiers.tekun).toMatchObject({ meals: 1, elders: 1, subsidyFen: 800 });
    expect(tiers.age90).toMatchObject({ meals: 2, elders: 2, subsidyFen: 1600 });
    expect(tiers.age60).toMatchObject({ meals: 1, subsidyFen: 100 });
    expect(tiers.dibao).toMatchObject({ meals: 1, subsidyFen: 600 });
    expect(report.tiers.reduce((n, t) => n + t.subsidyFen, 0)).toBe(report.total.subsidyFen);
    // Back to no bands: the single 高龄 tier from 80 again (other tests expect today's amounts).
    await saveSettings({ ageBands: [] });
  });

  it('one subsidised meal a day: parallel bookings at two sittings and two centres subsidise one; the others are booked at full price and the quote says so', async () => {
    const [centre] = await db.ds.query('SELECT name, kind, communityId, hotline FROM organisations WHERE id = ?', [centreId]);
    await db.ds.query('INSERT INTO organisations (name, kind, communityId, hotline) VALUES (?, ?, ?, ?)', [
      '书院街社区日间照料中心',
      centre.kind,
      centre.communityId,
      centre.hotline,
    ]);
    const otherCentre = await orgId(db.ds, '书院街社区日间照料中心');

    for (let round = 0; round < 3; round++) {
      // The elder has an account and a profile at a second centre (a daughter's district).
      const elderUser = newcomer();
      ok(await call('me', 'update', { name: `骆桂芳${round}`, phone: `1000000046${round}` }, elderUser));
      const userId = await userIdOf(elderUser);
      const lunch = await buildLunch(centreId, nextDay());
      const dinner = await copySlot(lunch, {
        sitting: 'dinner',
        title: '晚餐',
        startsAt: new Date(Date.parse(lunch.startsAt) + 6 * HOUR),
        endsAt: new Date(Date.parse(lunch.endsAt) + 6 * HOUR),
        cutoffAt: new Date(Date.parse(lunch.cutoffAt) + 6 * HOUR),
      });
      const there = await copySlot(lunch, { centreId: otherCentre });
      const here = await walkIn(`骆桂芳${round}`, year() - 82);
      await db.ds.getRepository(Elder).update(here.id, { userId });
      const { id: _id, ...profile } = await db.ds.getRepository(Elder).findOneByOrFail({ id: here.id });
      const away = await db.ds.getRepository(Elder).save({ ...profile, centreId: otherCentre });

      const results = await Promise.all([book(lunch, here.id, elderUser), book(dinner, here.id, elderUser), book(there, away.id, elderUser)]);
      const made = results.map((r) => ok(r));
      expect(made.map((b) => b.status)).toEqual(['booked', 'booked', 'booked']);
      const rows = await db.ds.getRepository(Booking).findBy(made.map((b) => ({ id: b.id })));
      expect(rows.filter((r) => r.subsidyFen > 0).map((r) => r.subsidyFen)).toEqual([400]);
      expect(rows.filter((r) => r.subsidyFen === 0).every((r) => r.payFen === 1200 && r.tier === null)).toBe(true);

      // The quote of a sitting not yet booked says the day's subsidy is used; a day later it is not.
      const supper = await copySlot(lunch, {
        sitting: 'dinner',
        title: '夜宵',
        centreId: otherCentre,
        startsAt: new Date(Date.parse(lunch.startsAt) + 7 * HOUR),
        endsAt: new Date(Date.parse(lunch.endsAt) + 7 * HOUR),
        cutoffAt: new Date(Date.parse(lunch.cutoffAt) + 7 * HOUR),
      });
      expect(ok(await call('bookings', 'quote', { slotId: supper.id, elderId: away.id }, elderUser))).toMatchObject({
        price: { subsidyFen: 0, payFen: 1200 },
        capNote: SUBSIDY_USED_TODAY,
      });
      if (round === 0) {
        // Cancelling the subsidised meal frees the day's subsidy for the next booking.
        const subsidised = rows.find((r) => r.subsidyFen > 0)!;
        ok(await call('bookings', 'cancel', { bookingId: subsidised.id }, elderUser));
        expect(ok(await call('bookings', 'quote', { slotId: supper.id, elderId: away.id }, elderUser))).toMatchObject({
          price: { subsidyFen: 400 },
          capNote: null,
        });
      }
    }
  });

  it('a lapsed offer waits two hours (never past the cut-off), and the centre staff are told to call the elder', async () => {
    const start = nextDay();
    const lunch = await buildLunch(centreId, start, { capacityDineIn: 1 });
    const first = await walkIn('钱玉兰', 1944);
    const second = await walkIn('钱翠花', 1943);
    const held = ok(await book(lunch, first.id));
    const waiting = ok(await book(lunch, second.id, staff, { waitlist: true }));
    const cancelledAt = clock.now().getTime();
    ok(await call('bookings', 'cancel', { bookingId: held.id }, staff));
    const [offered] = await db.ds.getRepository(Booking).findBy({ id: waiting.id });
    expect(offered.status).toBe('offered');
    expect(offered.offerExpiresAt!.getTime() - cancelledAt).toBeGreaterThanOrEqual(120 * 60_000 - 5_000);
    expect(offered.offerExpiresAt!.getTime() - cancelledAt).toBeLessThanOrEqual(120 * 60_000 + 5_000);

    const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());
    clock.advance(60 * 60_000);
    expect((ok(await tick()) as Record<string, number>).offersExpired).toBe(0); // still within the two hours
    clock.advance(61 * 60_000);
    expect((ok(await tick()) as Record<string, number>).offersExpired).toBe(1);
    const staffId = await userIdOf(staff);
    const told = await db.ds.query(
      "SELECT title, body FROM notifications WHERE userId = ? AND subjectKind = 'booking' AND subjectId = ? AND title LIKE '请致电%'",
      [staffId, waiting.id],
    );
    expect(told).toEqual([{ title: '请致电钱翠花老人确认', body: expect.stringContaining('已失效。请致电钱翠花老人确认是否还要用餐') }]);

    // Close to the cut-off the offer ends at the cut-off.
    const late = await copySlot(lunch, { sitting: 'dinner', title: '晚餐', capacityDineIn: 1, cutoffAt: new Date(clock.now().getTime() + 30 * 60_000) });
    const a = ok(await book(late, first.id));
    const b = ok(await book(late, second.id, staff, { waitlist: true }));
    ok(await call('bookings', 'cancel', { bookingId: a.id }, staff));
    const [lateOffer] = await db.ds.getRepository(Booking).findBy({ id: b.id });
    expect(lateOffer.offerExpiresAt!.toISOString()).toBe(late.cutoffAt.toISOString());
  });

  it('首页 我的助餐: the elder reads her own next meal and a seat offered to her; others have no card', async () => {
    const elderUser = newcomer();
    ok(await call('me', 'update', { name: '吴桂香', phone: '10000000491' }, elderUser));
    const elder = await walkIn('吴桂香', 1940);
    await db.ds.getRepository(Elder).update(elder.id, { userId: await userIdOf(elderUser) });
    expect(ok(await call('bookings', 'myNextMeal', {}, newcomer()))).toEqual({ hasProfile: false, next: null, offers: [] });
    expect(ok(await call('bookings', 'myNextMeal', {}, elderUser))).toEqual({ hasProfile: true, next: null, offers: [] });

    const lunch = await buildLunch(centreId, nextDay());
    const later = await buildLunch(centreId, nextDay(), { capacityDineIn: 1 });
    const other = await walkIn('吴阿姨', 1942);
    const mine = ok(await book(lunch, elder.id, elderUser));
    const taken = ok(await book(later, other.id));
    const waiting = ok(await book(later, elder.id, elderUser, { waitlist: true }));
    let card = ok(await call('bookings', 'myNextMeal', {}, elderUser));
    expect(card.next).toMatchObject({ id: mine.id, status: 'booked', slot: { day: lunch.day, title: '午餐', centreName: '南街社区日间照料中心' } });
    expect(card.offers).toEqual([]); // waitlisted is not an offer yet
    ok(await call('bookings', 'cancel', { bookingId: taken.id }, staff));
    card = ok(await call('bookings', 'myNextMeal', {}, elderUser));
    expect(card.offers.map((o) => [o.id, o.status, o.can.includes('confirm')])).toEqual([[waiting.id, 'offered', true]]);
    ok(await call('bookings', 'confirm', { bookingId: waiting.id }, elderUser));
    card = ok(await call('bookings', 'myNextMeal', {}, elderUser));
    expect(card).toMatchObject({ next: { id: mine.id }, offers: [] });
  });

  it('delivery shows the address on the quote and is refused without one (INVALID_INPUT, nothing written)', async () => {
    const lunch = await buildLunch(centreId, nextDay(), { capacityDelivery: 5 });
    const housed = await walkIn('孙凤英', 1940);
    const quote = ok(await call('bookings', 'quote', { slotId: lunch.id, elderId: housed.id }, staff));
    expect(quote.delivery).toEqual({ hasAddress: true, address: '锦屏花园1栋1单元101' });
    expect(ok(await book(lunch, housed.id, staff, { mode: 'delivery' })).mode).toBe('delivery');

    const homeless = await walkIn('孙桂英', 1941, { address: undefined });
    expect(ok(await call('bookings', 'quote', { slotId: lunch.id, elderId: homeless.id }, staff)).delivery).toEqual({ hasAddress: false, address: null });
    const before = Number((await db.ds.query('SELECT heldDelivery FROM booking_slots WHERE id = ?', [lunch.id]))[0].heldDelivery);
    const refused = await book(lunch, homeless.id, staff, { mode: 'delivery' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('没有送餐地址'), details: { field: 'mode' } },
    });
    expect(Number((await db.ds.query('SELECT heldDelivery FROM booking_slots WHERE id = ?', [lunch.id]))[0].heldDelivery)).toBe(before);
    expect(await db.ds.getRepository(Booking).countBy({ elderId: homeless.id })).toBe(0);
    // Dine-in is still open to her.
    expect(ok(await book(lunch, homeless.id)).mode).toBe('dine_in');
  });

  it('the elder is told in 消息 when a family member applies, when the centre verifies it, and when staff link one', async () => {
    const elderUser = newcomer();
    ok(await call('me', 'update', { name: '周玉珍', phone: '10000000472' }, elderUser));
    const elder = await walkIn('周玉珍', 1939, { phone: '10000000472' });
    await db.ds.getRepository(Elder).update(elder.id, { userId: await userIdOf(elderUser) });
    const inbox = async () =>
      (await db.ds.query('SELECT title, body FROM notifications WHERE userId = ? ORDER BY id', [await userIdOf(elderUser)])) as {
        title: string;
        body: string;
      }[];

    const daughter = newcomer();
    ok(await call('me', 'update', { name: '周小梅', phone: '10000000481' }, daughter));
    const link = ok(await call('bookings', 'linkFamily', { centreId, elderName: '周玉珍', phoneTail: '0472', relationNote: '女儿' }, daughter));
    expect(await inbox()).toEqual([
      { title: '有人申请成为您的家属', body: '周小梅（100****0481）申请关联您，中心核实后可为您订餐。如不认识此人，请告诉中心。' },
    ]);
    ok(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, staff));
    expect((await inbox())[1]).toEqual({ title: '家属已关联', body: '周小梅（100****0481）已通过中心核实，可以为您订餐' });

    const son = newcomer();
    ok(await call('me', 'update', { name: '周建华', phone: '10000000482' }, son));
    ok(await call('bookings', 'staffLinkFamily', { elderId: elder.id, memberPhone: '10000000482', relationNote: '儿子' }, staff));
    expect((await inbox())[2]).toEqual({ title: '家属已关联', body: '周建华（100****0482）已由中心关联，可以为您订餐' });
    expect(await inbox()).toHaveLength(3);
  });
});

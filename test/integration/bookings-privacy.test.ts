import crypto from 'node:crypto';
import { BOOKING_RULES, type Envelope, type SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { localYear } from '@hg/types/local-time';
import { as, buildLunch, buildResident, call, communityIdOf, errorCode, newcomer, ok, orgId, personWithRole } from '../factories';

jest.setTimeout(120_000);

/**
 * Who learns what about an elder through the bookings API: existence of links and profiles, phone
 * tails, subsidy status. Issue 13, items 7–10.
 */
describe.each(DIALECTS)('bookings privacy on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  let otherCentreStaff: string;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
    // care_staff of another organisation: staff, but of no part in this centre's links.
    otherCentreStaff = await personWithRole(db.ds, 'care_staff', 'community', await communityIdOf(db.ds, '南街社区'), await orgId(db.ds, '管网疏通服务队'));
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });
  afterEach(() => clock.reset());

  const HOUR = 3600 * 1000;
  const rid = () => crypto.randomBytes(9).toString('base64url');
  /** A fresh lunch a day after the last one (one lunch per centre and day). */
  let lastStart = 0;
  async function lunch(dishes?: { name: string; tags: ('软烂' | '低盐' | '低糖' | '清真' | '素食')[] }[]): Promise<SlotDTO> {
    const startsAt = new Date(Math.max(Date.now(), lastStart) + 30 * HOUR);
    lastStart = startsAt.getTime();
    return buildLunch(centreId, startsAt, { capacityDineIn: 10, capacityDelivery: 10, ...(dishes ? { dishes } : {}) });
  }
  /** A verified resident of 锦屏花园 who registers themselves as an elder, declaring their status. */
  async function selfRegistered(
    declared: { age: number; livesAlone?: boolean; dibao?: boolean; tekun?: boolean; diets?: ('软烂' | '低盐' | '低糖' | '清真' | '素食')[]; allergies?: string },
    who: { name?: string; phone?: string } = {},
  ) {
    const person = await buildResident(db.ds, who);
    const { age, ...rest } = declared;
    const elder = ok(await call('bookings', 'registerElder', { centreId, birthYear: localYear(new Date()) - age, ...rest }, person.openid));
    return { ...person, elder };
  }

  it('decideLink answers NOT_FOUND to anyone with no part in the link, exactly as for a missing one', async () => {
    ok(await call('bookings', 'registerElder', { centreId, name: '钱奶奶', phone: '10000007001', birthYear: 1941 }, as('care_staff')));
    const applicant = newcomer();
    const link = ok(await call('bookings', 'linkFamily', { centreId, elderName: '钱奶奶', phoneTail: '7001' }, applicant));
    const missing = link.id + 100_000;
    for (const stranger of [as('resident'), as('grid_worker'), as('community_staff'), otherCentreStaff, newcomer()]) {
      const real = await call('bookings', 'decideLink', { linkId: link.id, approve: true }, stranger);
      const none = await call('bookings', 'decideLink', { linkId: missing, approve: true }, stranger);
      expect([errorCode(real), errorCode(none)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      expect(!real.ok && !none.ok && real.error.message === none.error.message).toBe(true);
    }
    // The applicant has a part in it, but may not decide it.
    expect(errorCode(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, applicant))).toBe('FORBIDDEN');
    expect(ok(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, as('care_staff'))).status).toBe('verified');
  });

  /** Codes of many answers, counted: { NOT_FOUND: 5, RATE_LIMITED: 115 }. */
  const tally = (answers: Envelope<unknown>[]) => answers.reduce<Record<string, number>>((t, a) => ({ ...t, [errorCode(a) ?? 'OK']: (t[errorCode(a) ?? 'OK'] ?? 0) + 1 }), {});
  const tail = (i: number) => String(1000 + i).slice(-4);

  /**
   * One probe of a name: an applicant's 120 wrong tails at once, then 40 other accounts one wrong
   * tail each at once, then the right tail from a fresh account.
   */
  async function probe(elderName: string, rightTail: string) {
    const applicant = newcomer();
    const own = await Promise.all(Array.from({ length: 120 }, (_, i) => call('bookings', 'linkFamily', { centreId, elderName, phoneTail: tail(i) }, applicant)));
    const ownRight = await call('bookings', 'linkFamily', { centreId, elderName, phoneTail: rightTail }, applicant);
    const many = await Promise.all(Array.from({ length: 40 }, (_, i) => call('bookings', 'linkFamily', { centreId, elderName, phoneTail: tail(200 + i) }, newcomer())));
    const right = await call('bookings', 'linkFamily', { centreId, elderName, phoneTail: rightTail }, newcomer());
    const messages = [...own, ownRight, ...many, right].map((a) => (a.ok ? 'OK' : a.error.message));
    return { own: tally(own), ownRight: errorCode(ownRight), many: tally(many), right: errorCode(right), messages: [...new Set(messages)].sort() };
  }

  it('linkFamily: wrong tails count per applicant and per elder under parallel tries, and the answers are the same whether the elder exists', async () => {
    ok(await call('bookings', 'registerElder', { centreId, name: '孙阿姨', phone: '10000007123', birthYear: 1942 }, as('care_staff')));
    const real = await probe('孙阿姨', '7123');
    const perApplicant = BOOKING_RULES.linkMissesPerApplicant;
    expect(real.own).toEqual({ NOT_FOUND: perApplicant, RATE_LIMITED: 120 - perApplicant });
    // Past the limit the right tail is refused too: it cannot be told from a wrong one.
    expect(real.ownRight).toBe('RATE_LIMITED');
    const leftForElder = BOOKING_RULES.linkMissesPerElder - perApplicant;
    expect(real.many).toEqual({ NOT_FOUND: leftForElder, RATE_LIMITED: 40 - leftForElder });
    expect(real.right).toBe('RATE_LIMITED');
    expect(Number((await db.ds.query("SELECT COUNT(*) AS n FROM elder_links l JOIN elders e ON e.id = l.elderId WHERE e.name = '孙阿姨'"))[0].n)).toBe(0);

    // A name no elder has: the very same answers, message for message.
    expect(await probe('没这个人', '7123')).toEqual(real);
  });

  it('linkFamily: a matching application carries no elder id until the centre verifies it', async () => {
    const elder = ok(await call('bookings', 'registerElder', { centreId, name: '周大爷', phone: '10000007456', birthYear: 1939 }, as('care_staff')));
    const child = newcomer();
    const link = ok(await call('bookings', 'linkFamily', { centreId, elderName: '周大爷', phoneTail: '7456', relationNote: '儿子' }, child));
    expect(link).toMatchObject({ status: 'pending', elder: { id: null, name: '周大爷' } });
    expect(ok(await call('bookings', 'myLinks', {}, child))[0].elder.id).toBeNull();
    // Staff deciding see whom it is about.
    expect(ok(await call('bookings', 'linkQueue', { centreId }, as('care_staff'))).find((l) => l.id === link.id)?.elder.id).toBe(elder.id);
    ok(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, as('care_staff')));
    expect(ok(await call('bookings', 'myLinks', {}, child))[0].elder).toEqual({ id: elder.id, name: '周大爷' });
  });

  it('self-declared age, 独居 and 低保 earn no subsidy until centre staff verify them; who and when are kept; the report claims verified meals only', async () => {
    const me = await selfRegistered({ age: 85, livesAlone: true, dibao: true });
    expect(me.elder).toMatchObject({ tier: null, verification: { status: 'pending', at: null, byName: null } });
    const slot = await lunch();
    const pendingQuote = ok(await call('bookings', 'quote', { slotId: slot.id, elderId: me.elder.id }, me.openid));
    expect(pendingQuote.price).toEqual({ priceFen: 1200, subsidyFen: 0, payFen: 1200, tier: null });
    // She is told what her declaration earns once checked (the best of her declared tiers).
    expect(pendingQuote.pending).toEqual({ tierLabel: '低保', subsidyFen: 600 });
    // A proxy (the grid worker booking for her) never learns the declared category either.
    expect(ok(await call('bookings', 'quote', { slotId: slot.id, elderId: me.elder.id }, as('grid_worker'))).pending).toBeNull();
    const booked = ok(await call('bookings', 'book', { slotId: slot.id, elderId: me.elder.id, requestId: rid() }, me.openid));
    expect(booked.price).toMatchObject({ subsidyFen: 0, tier: null });
    // A pending neighbour who declared 独居: never verified, never claimed.
    const other = await selfRegistered({ age: 70, livesAlone: true });
    const otherBooking = ok(await call('bookings', 'book', { slotId: slot.id, elderId: other.elder.id, requestId: rid() }, other.openid));

    // Only the centre's staff verify: the elder and the grid worker over them have a part (FORBIDDEN), others none.
    expect(errorCode(await call('bookings', 'verifyElder', { elderId: me.elder.id }, me.openid))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'verifyElder', { elderId: me.elder.id }, as('grid_worker')))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'verifyElder', { elderId: me.elder.id }, otherCentreStaff))).toBe('NOT_FOUND');
    expect(ok(await call('bookings', 'elders', { centreId, pending: true, limit: 100 }, as('care_staff'))).items.map((e) => e.id)).toEqual(
      expect.arrayContaining([me.elder.id, other.elder.id]),
    );

    // The documents show no 低保: staff correct it while verifying, twice at once → once.
    const both = await Promise.all([1, 2].map(() => call('bookings', 'verifyElder', { elderId: me.elder.id, dibao: false }, as('care_staff'))));
    expect(both.map(errorCode).sort()).toEqual(['INVALID_TRANSITION', null]);
    const verified = both.find((b) => b.ok)!;
    expect(verified.ok && verified.data).toMatchObject({ dibao: false, livesAlone: true, tier: 'age80', verification: { status: 'verified', byName: expect.any(String) } });
    const [row] = await db.ds.query('SELECT e.verifiedAt, u.openid FROM elders e JOIN users u ON u.id = e.verifiedById WHERE e.id = ?', [me.elder.id]);
    expect(row.openid).toBe(as('care_staff'));
    expect(row.verifiedAt).toBeTruthy();
    // The meal booked while pending is priced again, before it is taken.
    const mine = ok(await call('bookings', 'mine', {}, me.openid)).items.find((b) => b.id === booked.id)!;
    expect(mine.price).toEqual({ priceFen: 1200, subsidyFen: 400, payFen: 800, tier: 'age80' });

    clock.advance(Date.parse(slot.startsAt) - clock.now().getTime());
    ok(await call('bookings', 'redeem', { centreId, code: booked.code }, as('care_staff')));
    ok(await call('bookings', 'redeem', { centreId, code: otherBooking.code }, as('care_staff')));
    const report = ok(await call('bookings', 'subsidyReport', { centreId, month: slot.day.slice(0, 7) }, as('care_staff')));
    expect(Object.fromEntries(report.tiers.map((t) => [t.tier, [t.meals, t.subsidyFen]]))).toEqual({ age80: [1, 400], alone: [0, 0], dibao: [0, 0], tekun: [0, 0] });
    expect(report.total).toEqual({ meals: 2, subsidyFen: 400, payFen: 800 + 1200 });
  });

  it('特困 is declared, earns its tier only once verified (two staff at once verify once), is hidden from family and proxies like 低保, and is counted in the report and the roll-up', async () => {
    const me = await selfRegistered({ age: 70, tekun: true }, { name: '特困老人甲', phone: '10000008777' });
    expect(me.elder).toMatchObject({ tekun: true, dibao: false, tier: null, verification: { status: 'pending' } });
    const slot = await lunch();
    expect(ok(await call('bookings', 'quote', { slotId: slot.id, elderId: me.elder.id }, me.openid)).pending).toEqual({
      tierLabel: '特困供养',
      subsidyFen: 800,
    });
    const both = await Promise.all([1, 2].map(() => call('bookings', 'verifyElder', { elderId: me.elder.id }, as('care_staff'))));
    expect(both.map(errorCode).sort()).toEqual([null, 'INVALID_TRANSITION'].sort());
    expect(ok(await call('bookings', 'myElders', {}, me.openid))[0]).toMatchObject({ tekun: true, tier: 'tekun', tierLabel: '特困供养', tierFen: 800 });

    const child = newcomer();
    const link = ok(await call('bookings', 'linkFamily', { centreId, elderName: '特困老人甲', phoneTail: '8777' }, child));
    ok(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, as('care_staff')));
    const shown = { priceFen: 1200, subsidyFen: 800, payFen: 400, tier: 'tekun' };
    const hidden = { priceFen: 1200, subsidyFen: null, payFen: null, tier: null };
    for (const [who, openid, sees] of [
      ['the elder', me.openid, true],
      ['centre staff', as('care_staff'), true],
      ['verified family', child, false],
      ['the grid worker (代订)', as('grid_worker'), false],
    ] as [string, string, boolean][]) {
      const quote = ok(await call('bookings', 'quote', { slotId: slot.id, elderId: me.elder.id }, openid));
      expect([who, quote.price, quote.tierLabel]).toEqual([who, sees ? shown : hidden, sees ? '特困供养' : null]);
    }
    const proxied = ok(await call('bookings', 'proxyElders', { q: '特困老人甲' }, as('grid_worker')));
    expect(JSON.stringify(proxied)).not.toMatch(/tekun|特困供养/);

    const booked = ok(await call('bookings', 'book', { slotId: slot.id, elderId: me.elder.id, requestId: rid() }, child));
    clock.advance(Date.parse(slot.startsAt) - clock.now().getTime());
    ok(await call('bookings', 'redeem', { centreId, code: booked.code }, as('care_staff')));
    const month = slot.day.slice(0, 7);
    const report = ok(await call('bookings', 'subsidyReport', { centreId, month }, as('care_staff')));
    expect(report.tiers.find((t) => t.tier === 'tekun')).toMatchObject({ label: '特困供养', meals: 1, elders: 1, subsidyFen: 800 });
    expect(report.elders.find((e) => e.name === '特困老人甲')).toMatchObject({ meals: 1, subsidyFen: 800, tierLabel: '特困供养' });
    const roll = ok(await call('bookings', 'subsidyReport', { month }, as('community_staff')));
    expect(roll.tiers.find((t) => t.tier === 'tekun')).toMatchObject({ meals: 1, subsidyFen: 800 });
    expect(roll.tiers.reduce((n, t) => n + t.subsidyFen, 0)).toBe(roll.total.subsidyFen);
  });

  it('who sees what of an elder: family and proxies get the warnings, not the subsidy category, in every read', async () => {
    const me = await selfRegistered({ age: 75, livesAlone: true, dibao: true, diets: ['清真'], allergies: '花生' }, { name: '欧阳秀英', phone: '10000008888' });
    ok(await call('bookings', 'verifyElder', { elderId: me.elder.id }, as('care_staff')));
    const child = newcomer();
    const link = ok(await call('bookings', 'linkFamily', { centreId, elderName: '欧阳秀英', phoneTail: '8888' }, child));
    ok(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, as('care_staff')));
    const warning = (who: string) => `「花生米」含花生 → ${who === 'the elder' ? '您' : '欧阳秀英'}过敏`;
    const hidden = { priceFen: 1200, subsidyFen: null, payFen: null, tier: null };
    const shown = { priceFen: 1200, subsidyFen: 600, payFen: 600, tier: 'dibao' };

    /** [who, openid, sees the subsidy category] */
    const ROLES: [string, string, boolean][] = [
      ['the elder', me.openid, true],
      ['centre staff', as('care_staff'), true],
      ['verified family', child, false],
      ['the grid worker over the community (代订)', as('grid_worker'), false],
      ['community staff over it (代订)', as('community_staff'), false],
    ];
    for (const [who, openid, sees] of ROLES) {
      const slot = await lunch([{ name: '花生米', tags: ['清真'] }]);
      const quote = ok(await call('bookings', 'quote', { slotId: slot.id, elderId: me.elder.id }, openid));
      expect([who, quote.price, quote.tierLabel, quote.warnings, quote.pending]).toEqual([who, sees ? shown : hidden, sees ? '低保' : null, [warning(who)], null]);
      const booking = ok(await call('bookings', 'book', { slotId: slot.id, elderId: me.elder.id, requestId: rid() }, openid));
      expect([who, booking.price, booking.tierLabel]).toEqual([who, sees ? shown : hidden, sees ? '低保' : null]);
      const week = ok(await call('bookings', 'week', { centreId, from: slot.day, elderId: me.elder.id }, openid));
      expect([who, week.find((w) => w.id === slot.id)?.myBooking?.price]).toEqual([who, sees ? shown : hidden]);
      expect([who, week.find((w) => w.id === slot.id)?.allergyWarnings]).toEqual([who, [warning(who)]]);
      const listed = ok(await call('bookings', 'mine', { limit: 100 }, openid)).items.find((b) => b.id === booking.id);
      if (listed) expect([who, listed.price, listed.tierLabel]).toEqual([who, sees ? shown : hidden, sees ? '低保' : null]);
      const cancelled = ok(await call('bookings', 'cancel', { bookingId: booking.id }, openid));
      expect([who, cancelled.price]).toEqual([who, sees ? shown : hidden]);
    }
    // The raw profile (diets, allergies, 低保) is the elder's and the centre's.
    expect(ok(await call('bookings', 'myElders', {}, me.openid))[0]).toMatchObject({ dibao: true, allergies: '花生', diets: ['清真'], tier: 'dibao' });
    for (const openid of [child, as('grid_worker'), as('community_staff')]) {
      expect(errorCode(await call('bookings', 'elders', { centreId }, openid))).toBe('FORBIDDEN');
      expect(errorCode(await call('bookings', 'kitchen', { slotId: (await lunch()).id }, openid))).toBe('FORBIDDEN');
    }
    // Anyone else: the elder does not exist.
    expect(errorCode(await call('bookings', 'quote', { slotId: (await lunch()).id, elderId: me.elder.id }, as('resident2')))).toBe('NOT_FOUND');
  });
});

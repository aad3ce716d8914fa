import { linkTo } from '@hg/types/links';
import crypto from 'node:crypto';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, call, errorCode, homeOf, newcomer, ok, orgId } from '../factories';

jest.setTimeout(60_000);

const rid = () => crypto.randomBytes(9).toString('base64url');
const HOUR = 3600 * 1000;

describe.each(DIALECTS)('an elder without a mobile phone, and 代订 by the people who serve her, on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  const messagesOf = async (userId: number, bookingId: number) =>
    db.ds.query("SELECT title, body FROM notifications WHERE userId = ? AND subjectKind = 'booking' AND subjectId = ?", [userId, bookingId]);
  const userIdOf = async (openid: string) => Number((await db.ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);

  it('registers without a mobile (a landline and a guardian instead, validated and masked), is linked to her son by staff, booked by her building head and redeemed by name', async () => {
    // No phone at all is accepted for a walk-in; a landline or a guardian's phone is checked when given.
    expect(errorCode(await call('bookings', 'registerElder', { centreId, name: '甲奶奶', landline: '12345', birthYear: 1940 }, as('care_staff')))).toBe('INVALID_INPUT');
    expect(errorCode(await call('bookings', 'registerElder', { centreId, name: '甲奶奶', guardianPhone: '10000000199', birthYear: 1940 }, as('care_staff')))).toBe(
      'INVALID_INPUT',
    );
    const householdId = await homeOf(db.ds, 'resident'); // 锦屏花园 1栋
    const elder = ok(
      await call(
        'bookings',
        'registerElder',
        { centreId, name: '李桂兰', landline: '08176222333', guardianName: '李建军', guardianPhone: '10000000188', householdId, birthYear: 1938, livesAlone: true },
        as('care_staff'),
      ),
    );
    expect(elder).toMatchObject({ phoneMasked: '', landlineMasked: '0817-***2333', guardian: { name: '李建军', phoneMasked: '100****0188' }, hasAccount: false });
    const listed = ok(await call('bookings', 'elders', { centreId, q: '李桂' }, as('care_staff'))).items;
    expect(listed.find((e) => e.id === elder.id)).toMatchObject({ landlineMasked: '0817-***2333' });
    expect(JSON.stringify(listed)).not.toContain('6222333');

    // Her son has an account (his own phone); she has no phone tail to link by, so staff link him.
    const son = newcomer();
    ok(await call('me', 'update', { name: '李建军', phone: '10000000188' }, son));
    expect(errorCode(await call('bookings', 'staffLinkFamily', { elderId: elder.id, memberPhone: '10000000188' }, as('grid_worker')))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'staffLinkFamily', { elderId: elder.id, memberPhone: '10000000177' }, as('care_staff')))).toBe('INVALID_INPUT');
    const link = ok(await call('bookings', 'staffLinkFamily', { elderId: elder.id, memberPhone: '10000000188', relationNote: '儿子' }, as('care_staff')));
    expect(link).toMatchObject({ status: 'verified', elder: { id: elder.id }, relationNote: '儿子' });
    const staffId = await userIdOf(as('care_staff'));
    const [event] = await db.ds.query("SELECT action, actor_id AS actorId FROM subject_events WHERE subject_kind = 'family-link' AND subject_id = ?", [link.id]);
    expect({ action: event.action, actorId: Number(event.actorId) }).toEqual({ action: 'linked_by_staff', actorId: staffId });
    const [linkRow] = await db.ds.query('SELECT decidedById FROM elder_links WHERE id = ?', [link.id]);
    expect(Number(linkRow.decidedById)).toBe(staffId);
    // The son's message points at the link, so it opens 为家人订餐 (it used to open nothing).
    const [linkMessage] = await db.ds.query("SELECT title FROM notifications WHERE subjectKind = 'family-link' AND subjectId = ?", [link.id]);
    expect(linkMessage?.title).toBe('中心已为您关联老人');
    expect(linkTo({ subjectKind: 'family-link', subjectId: link.id })).toBe('/packages/bookings/pages/family/index');
    expect(errorCode(await call('bookings', 'staffLinkFamily', { elderId: elder.id, memberPhone: '10000000188' }, as('care_staff')))).toBe('CONFLICT');
    expect(ok(await call('bookings', 'myLinks', {}, son)).map((l) => l.elder.id)).toContain(elder.id);

    // Her building head finds her in his building and books; the channel is his office; her son is told.
    const found = ok(await call('bookings', 'proxyElders', { q: '李' }, as('building_head')));
    expect(found.find((e) => e.id === elder.id)).toMatchObject({ name: '李桂兰', livesAlone: true, hasAccount: false, channelLabel: '楼栋长代订' });
    expect(JSON.stringify(found)).not.toMatch(/landline|guardian|address|dibao/);
    const slot = await buildLunch(centreId, new Date(clock.now().getTime() + 6 * HOUR));
    const booking = ok(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, requestId: rid() }, as('building_head')));
    expect(booking).toMatchObject({ status: 'booked', channel: 'bldg_head', channelLabel: '楼栋长代订' });
    const [row] = await db.ds.query('SELECT channel FROM bookings WHERE id = ?', [booking.id]);
    expect(row.channel).toBe('bldg_head');
    const told = await messagesOf(await userIdOf(son), booking.id);
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('李桂兰');
    expect(told[0].body).toContain('楼栋长代订');

    // At the counter on the day: found by name on today's roster (no code to show), redeemed from it.
    clock.advance(6 * HOUR);
    const roster = ok(await call('bookings', 'mealRoster', { centreId, q: '李桂兰' }, as('care_staff')));
    const onRoster = roster.sittings.flatMap((s) => s.people).filter((p) => p.elderId === elder.id);
    expect(onRoster.map((p) => p.bookingId)).toEqual([booking.id]);
    expect(onRoster[0].channelLabel).toBe('楼栋长代订');
    expect(errorCode(await call('bookings', 'mealRoster', { centreId, q: '李桂兰' }, as('building_head')))).toBe('FORBIDDEN');
    const redeemed = ok(await call('bookings', 'redeemById', { centreId, bookingId: booking.id, paidBy: 'cash' }, as('care_staff')));
    expect(redeemed.status).toBe('redeemed');
    clock.reset();
  });

  it('a building head is refused an elder outside his building; the grid worker books her as 网格员代订 and an elder with an account is told herself', async () => {
    const elsewhere = ok(
      await call('bookings', 'registerElder', { centreId, name: '赵奶奶', householdId: await homeOf(db.ds, 'resident2'), birthYear: 1941 }, as('care_staff')),
    ); // 3栋
    const slot = await buildLunch(centreId, new Date(clock.now().getTime() + 30 * HOUR));
    expect(ok(await call('bookings', 'proxyElders', { q: '赵' }, as('building_head'))).map((e) => e.id)).not.toContain(elsewhere.id);
    expect(errorCode(await call('bookings', 'book', { slotId: slot.id, elderId: elsewhere.id, requestId: rid() }, as('building_head')))).toBe('NOT_FOUND');
    expect(errorCode(await call('bookings', 'proxyElders', {}, as('resident')))).toBe('FORBIDDEN');

    const byGrid = ok(await call('bookings', 'book', { slotId: slot.id, elderId: elsewhere.id, requestId: rid() }, as('grid_worker')));
    expect(byGrid).toMatchObject({ channel: 'grid_worker', channelLabel: '网格员代订' });
    const byCommunity = ok(await call('bookings', 'proxyElders', { q: '赵奶' }, as('community_staff')));
    expect(byCommunity.find((e) => e.id === elsewhere.id)?.channelLabel).toBe('社区代订');

    // An elder with her own account (王秀兰, a verified resident of 1栋) is told in her own account.
    const own = ok(await call('bookings', 'registerElder', { centreId, birthYear: 1945 }, as('resident')));
    const forHer = ok(await call('bookings', 'book', { slotId: slot.id, elderId: own.id, requestId: rid() }, as('building_head')));
    expect(forHer.channel).toBe('bldg_head');
    expect(await messagesOf(await userIdOf(as('resident')), forHer.id)).toEqual([expect.objectContaining({ title: '有人为老人订了餐' })]);
  });
});

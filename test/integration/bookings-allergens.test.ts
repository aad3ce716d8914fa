import crypto from 'node:crypto';
import { localDay, localYear } from '@hg/types/local-time';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, errorCode, ok, orgId } from '../factories';

jest.setTimeout(120_000);

/**
 * Allergens (issue 15, item 4): every dish of a saved menu carries its allergens, in one vocabulary
 * with the elders' declared allergies; the week and the quote warn whoever books, the kitchen sheet
 * names who is allergic to what.
 */
describe.each(DIALECTS)('bookings allergens on %s', (dialect) => {
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

  const HOUR = 3600 * 1000;
  const rid = () => crypto.randomBytes(9).toString('base64url');
  let lastStart = 0;
  /** Staff publish a lunch a day after the last one, with this menu. */
  async function lunch(dishes: { name: string; tags?: string[]; allergens?: string[] | string }[]) {
    const startsAt = new Date(Math.max(Date.now(), lastStart) + 30 * HOUR);
    lastStart = startsAt.getTime();
    return call('bookings', 'saveSlot', {
      centreId,
      kind: 'meal',
      day: localDay(startsAt),
      sitting: 'lunch',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      cutoffAt: new Date(startsAt.getTime() - HOUR).toISOString(),
      capacityDineIn: 10,
      priceFen: 1200,
      dishes: dishes.map((d) => ({ tags: [], ...d })),
    } as never, as('care_staff'));
  }
  async function elder(name: string, allergies: string) {
    const person = await buildResident(db.ds, { name });
    const e = ok(await call('bookings', 'registerElder', { centreId, birthYear: localYear(new Date()) - 78, allergies }, person.openid));
    return { ...person, elder: e };
  }

  it('a menu saved with allergens round-trips, in the shared vocabulary, on the week and the printed menu', async () => {
    const slot = ok(
      await lunch([
        { name: '宫保鸡丁', allergens: ['花生', '大豆'] },
        { name: '芒果布丁', allergens: ['牛奶', '芒果'] },
        { name: '白灼虾', allergens: '对虾、海鲜' },
        { name: '米饭' },
      ]),
    );
    const menu = [
      ['宫保鸡丁', ['花生', '大豆']],
      ['芒果布丁', ['牛奶', '芒果']],
      ['白灼虾', ['虾蟹贝类']],
      ['米饭', []],
    ];
    expect(slot.dishes.map((d) => [d.name, d.allergens])).toEqual(menu);
    const week = ok(await call('bookings', 'week', { centreId, from: slot.day }, as('resident')));
    expect(week.find((s) => s.id === slot.id)!.dishes.map((d) => [d.name, d.allergens])).toEqual(menu);
  });

  it('refuses allergens the schema does not allow, with the field named', async () => {
    const tooMany = await lunch([{ name: '杂烩', allergens: ['花生', '坚果', '鸡蛋', '牛奶', '大豆', '小麦/麸质', '鱼', '虾蟹贝类', '芝麻'] }]);
    expect(errorCode(tooMany)).toBe('INVALID_INPUT');
    const long = await lunch([{ name: '杂烩', allergens: ['一种很长很长很长的过敏原名字'] }]);
    expect(errorCode(long)).toBe('INVALID_INPUT');
    expect(!long.ok && long.error.message).toContain('过敏原');
  });

  it('warns the elder and her booker on the week and at the quote, and the kitchen sheet names her per dish', async () => {
    const chen = await elder('陈玉珍', '对花生过敏，不吃虾');
    const wang = await elder('王秀兰', '鸡蛋');
    const li = await elder('李德明', '');
    const slot = ok(
      await lunch([
        { name: '花生酥', allergens: ['花生', '小麦/麸质'] },
        { name: '番茄炒蛋' },
        { name: '白灼虾', allergens: ['虾蟹贝类'] },
        { name: '青菜' },
      ]),
    );
    // The elder herself: 您.
    const mine = ok(await call('bookings', 'week', { centreId, from: slot.day, elderId: chen.elder.id }, chen.openid)).find((s) => s.id === slot.id)!;
    expect(mine.allergyWarnings).toEqual(['「花生酥」含花生 → 您过敏', '「白灼虾」含虾蟹贝类 → 您过敏']);
    const quote = ok(await call('bookings', 'quote', { slotId: slot.id, elderId: chen.elder.id }, chen.openid));
    expect(quote.warnings).toEqual(['「花生酥」含花生 → 您过敏', '「白灼虾」含虾蟹贝类 → 您过敏']);
    // Staff booking for her: her name. An elder without allergies: nothing. The name gives 蛋 away.
    expect(ok(await call('bookings', 'quote', { slotId: slot.id, elderId: chen.elder.id }, as('care_staff'))).warnings[0]).toBe('「花生酥」含花生 → 陈玉珍过敏');
    expect(ok(await call('bookings', 'quote', { slotId: slot.id, elderId: li.elder.id }, li.openid)).warnings).toEqual([]);
    expect(ok(await call('bookings', 'quote', { slotId: slot.id, elderId: wang.elder.id }, wang.openid)).warnings).toEqual(['「番茄炒蛋」含鸡蛋 → 您过敏']);
    // A menu without an elder named warns nobody.
    expect(ok(await call('bookings', 'week', { centreId, from: slot.day }, chen.openid)).find((s) => s.id === slot.id)!.allergyWarnings).toEqual([]);

    for (const who of [chen, wang, li]) ok(await call('bookings', 'book', { slotId: slot.id, elderId: who.elder.id, requestId: rid() }, who.openid));
    const report = ok(await call('bookings', 'kitchen', { slotId: slot.id }, as('care_staff')));
    expect(report.allergyAlerts).toEqual([
      { allergen: '花生', dishes: ['花生酥'], names: ['陈玉珍'] },
      { allergen: '鸡蛋', dishes: ['番茄炒蛋'], names: ['王秀兰'] },
      { allergen: '虾蟹贝类', dishes: ['白灼虾'], names: ['陈玉珍'] },
    ]);
    // Who sees an elder's allergies: the centre's staff, not the elder's neighbours or grid worker.
    for (const openid of [as('grid_worker'), as('resident'), chen.openid]) expect(errorCode(await call('bookings', 'kitchen', { slotId: slot.id }, openid))).toBe('FORBIDDEN');
  });
});

import crypto from 'node:crypto';
import { BOOKINGS_SETTINGS_DEFAULTS, type BookingsSettings, type SettingsSectionDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, call, callRaw, errorCode, ok, orgId, personWithRole } from '../factories';

jest.setTimeout(120_000);

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** The defaults with some tiers changed (amounts in 分, names). */
function withTiers(
  over: Partial<Record<keyof BookingsSettings['subsidy'], Partial<{ label: string; fen: number }>>>,
  base = BOOKINGS_SETTINGS_DEFAULTS,
): BookingsSettings {
  const subsidy = { ...base.subsidy };
  for (const [tier, patch] of Object.entries(over)) subsidy[tier as keyof typeof subsidy] = { ...subsidy[tier as keyof typeof subsidy], ...patch };
  return { ...base, subsidy };
}

describe.each(DIALECTS)('city settings on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  const admin = as('admin');
  const bookingsSection = async (who = admin): Promise<SettingsSectionDTO> => ok(await call('settings', 'list', {}, who)).find((s) => s.key === 'bookings')!;
  const revisions = async () => Number((await db.ds.query("SELECT COUNT(*) AS n FROM city_settings_revisions WHERE section = 'bookings'"))[0].n);

  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('lists the bookings section with its defaults at version 0, to the city admin only', async () => {
    const section = await bookingsSection();
    expect(section).toMatchObject({ key: 'bookings', label: '助餐补贴', version: 0, lastChange: null, repaired: false });
    expect(section.value).toEqual(BOOKINGS_SETTINGS_DEFAULTS);
    expect(section.defaults).toEqual(BOOKINGS_SETTINGS_DEFAULTS);
    for (const who of [as('community_staff'), as('care_staff'), as('resident')]) {
      expect(errorCode(await call('settings', 'list', {}, who))).toBe('FORBIDDEN');
      expect(errorCode(await call('settings', 'save', { section: 'bookings', version: 0, value: BOOKINGS_SETTINGS_DEFAULTS }, who))).toBe('FORBIDDEN');
      expect(errorCode(await call('settings', 'history', { section: 'bookings' }, who))).toBe('FORBIDDEN');
    }
    expect(errorCode(await call('settings', 'list', {}))).toBe('UNAUTHENTICATED');
  });

  it('lists the flat sections with the fields the generic form edits, and saves one by its schema', async () => {
    const sections = ok(await call('settings', 'list', {}, admin));
    expect(sections.find((s) => s.key === 'bookings')!.fields).toBeNull();
    const delib = sections.find((s) => s.key === 'deliberation')!;
    expect(delib.fields!.map((f) => [f.key, f.kind])).toEqual([
      ['quorumPercent', 'integer'],
      ['approvalPercent', 'integer'],
      ['noticeDays', 'integer'],
      ['proposeFollowers', 'integer'],
    ]);
    expect(sections.find((s) => s.key === 'voice')!.fields).toEqual([expect.objectContaining({ key: 'transcription', kind: 'switch' })]);
    const value = delib.value as Record<string, number>;
    const late = await call('settings', 'save', { section: 'deliberation', version: delib.version, value: { ...value, noticeDays: 45 } }, admin);
    expect(late).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'value.noticeDays' } } });
    const saved = ok(await call('settings', 'save', { section: 'deliberation', version: delib.version, value: { ...value, noticeDays: 5 }, reason: '街道新规定' }, admin));
    expect(saved).toMatchObject({ key: 'deliberation', version: delib.version + 1, value: { ...value, noticeDays: 5 } });
  });

  it('validates a save by the section schema and names the field; an unknown section is NOT_FOUND', async () => {
    const negative = await call('settings', 'save', { section: 'bookings', version: 0, value: withTiers({ dibao: { fen: -1 } }) }, admin);
    expect(negative).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'value.subsidy.dibao.fen' } } });
    const tooMuch = await call('settings', 'save', { section: 'bookings', version: 0, value: withTiers({ age80: { fen: 5001 } }) }, admin);
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'value.subsidy.age80.fen' } } });
    const noName = await call('settings', 'save', { section: 'bookings', version: 0, value: withTiers({ alone: { label: ' ' } }) }, admin);
    expect(noName).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'value.subsidy.alone.label' } } });
    const extra = await call('settings', 'save', { section: 'bookings', version: 0, value: { ...BOOKINGS_SETTINGS_DEFAULTS, stack: true } }, admin);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(errorCode(await call('settings', 'save', { section: 'nosuch', version: 0, value: {} }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await callRaw('settings', 'save', { section: '../x', version: 0, value: {} }, admin))).toBe('INVALID_INPUT');
    expect(await revisions()).toBe(0);
    expect((await bookingsSection()).version).toBe(0);
  });

  it('two admins saving the same version at once: one wins, the other gets CONFLICT, one revision each time', async () => {
    const second = await personWithRole(db.ds, 'admin', 'city', 0, 0, '周敏');
    let version = (await bookingsSection()).version;
    for (let round = 0; round < 3; round++) {
      const before = await revisions();
      const [a, b] = await Promise.all([
        call('settings', 'save', { section: 'bookings', version, value: withTiers({ age80: { fen: 410 + round } }), reason: `第${round + 1}轮 林峰` }, admin),
        call('settings', 'save', { section: 'bookings', version, value: withTiers({ age80: { fen: 420 + round } }), reason: `第${round + 1}轮 周敏` }, second),
      ]);
      const results = [a, b];
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);
      const winner = results.find((r) => r.ok)!;
      const won = ok(winner);
      expect(won.version).toBe(version + 1);
      expect(await revisions()).toBe(before + 1);
      const now = await bookingsSection();
      expect(now.version).toBe(version + 1);
      expect(now.value).toEqual(won.value);
      version = now.version;
    }
    // A stale version after that is refused as well, and nothing is recorded.
    const stale = await call('settings', 'save', { section: 'bookings', version: version - 1, value: BOOKINGS_SETTINGS_DEFAULTS }, admin);
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(await revisions()).toBe(3);
  });

  it('keeps every save in the history, newest first, with before and after, who and why', async () => {
    const current = await bookingsSection();
    const saved = ok(
      await call(
        'settings',
        'save',
        {
          section: 'bookings',
          version: current.version,
          value: withTiers({ dibao: { fen: 700 } }, current.value as BookingsSettings),
          reason: '民政局2026年新标准',
        },
        admin,
      ),
    );
    expect(saved.lastChange).toMatchObject({ version: current.version + 1, byName: '林峰', reason: '民政局2026年新标准' });
    const history = ok(await call('settings', 'history', { section: 'bookings' }, admin));
    expect(history.items.map((r) => r.version)).toEqual([4, 3, 2, 1]);
    expect(history.items[0]).toMatchObject({ byName: '林峰', reason: '民政局2026年新标准', before: current.value, after: saved.value });
    expect((history.items[0].after as BookingsSettings).subsidy.dibao.fen).toBe(700);
    expect(history.items[3].before).toBeNull();
    expect(history.nextCursor).toBeNull();
  });

  it('a changed subsidy prices bookings made after it; bookings made before keep their price', async () => {
    // Back to the defaults first (age80 = 4 元), then book, then raise it to 5 元 and rename it.
    const start = await bookingsSection();
    ok(await call('settings', 'save', { section: 'bookings', version: start.version, value: BOOKINGS_SETTINGS_DEFAULTS }, admin));
    clock.advance(2 * DAY);
    const slot = await buildLunch(centreId, new Date(clock.now().getTime() + 2 * DAY));
    const walkIn = async () =>
      ok(await call('bookings', 'registerElder', { centreId, name: `老人${crypto.randomBytes(2).toString('hex')}`, birthYear: 1940 }, as('care_staff')));
    const rid = () => crypto.randomBytes(8).toString('hex');
    const early = await walkIn();
    expect(early).toMatchObject({ tier: 'age80', tierLabel: '80岁以上', tierFen: 400 });
    const before = ok(await call('bookings', 'book', { slotId: slot.id, elderId: early.id, requestId: rid() }, as('care_staff')));
    expect(before.price).toEqual({ priceFen: 1200, subsidyFen: 400, payFen: 800, tier: 'age80' });

    const now = await bookingsSection();
    const raised = withTiers({ age80: { fen: 500, label: '高龄' } });
    ok(await call('settings', 'save', { section: 'bookings', version: now.version, value: raised }, admin));

    const late = await walkIn();
    expect(late).toMatchObject({ tier: 'age80', tierLabel: '高龄', tierFen: 500 });
    const quote = ok(await call('bookings', 'quote', { slotId: slot.id, elderId: late.id }, as('care_staff')));
    expect(quote.price).toEqual({ priceFen: 1200, subsidyFen: 500, payFen: 700, tier: 'age80' });
    expect(quote.tierLabel).toBe('高龄');
    const after = ok(await call('bookings', 'book', { slotId: slot.id, elderId: late.id, requestId: rid() }, as('care_staff')));
    expect(after.price).toEqual({ priceFen: 1200, subsidyFen: 500, payFen: 700, tier: 'age80' });

    // The earlier booking keeps 4 元 (stored with it), named as the city names the tier now.
    const stored = await db.ds.query('SELECT subsidyFen, payFen FROM bookings WHERE id = ?', [before.id]);
    expect(stored.map((r: { subsidyFen: number; payFen: number }) => [Number(r.subsidyFen), Number(r.payFen)])).toEqual([[400, 800]]);
    const mine = ok(await call('bookings', 'mine', { status: 'booked' }, as('care_staff')));
    expect(mine.items.find((b) => b.id === before.id)).toMatchObject({ price: { subsidyFen: 400, payFen: 800 }, tierLabel: '高龄' });
  });

  it('a tier set to 0 earns nothing and the next tier applies; the 高龄 age is the city’s', async () => {
    const now = await bookingsSection();
    const value: BookingsSettings = { ...withTiers({ age80: { fen: 0 }, alone: { fen: 250 } }), subsidyAge: 90 };
    ok(await call('settings', 'save', { section: 'bookings', version: now.version, value }, admin));
    const aloneAt85 = ok(
      await call('bookings', 'registerElder', { centreId, name: '独居老人', birthYear: clock.now().getUTCFullYear() - 85, livesAlone: true }, as('care_staff')),
    );
    expect(aloneAt85).toMatchObject({ tier: 'alone', tierFen: 250 });
    const at85 = ok(await call('bookings', 'registerElder', { centreId, name: '八十五岁', birthYear: clock.now().getUTCFullYear() - 85 }, as('care_staff')));
    expect(at85).toMatchObject({ tier: null, tierFen: null });
  });

  it('a section saved before 特困 existed still reads, as it was, with the 特困 tier at its default (not repaired)', async () => {
    const { tekun: _none, ...before } = BOOKINGS_SETTINGS_DEFAULTS.subsidy;
    const old = { subsidy: { ...before, dibao: { label: '低保', fen: 650 } }, subsidyAge: 80 };
    await db.ds.query('UPDATE city_settings SET value = ? WHERE section = ?', [JSON.stringify(old), 'bookings']);
    const section = await bookingsSection();
    expect(section.repaired).toBe(false);
    expect((section.value as BookingsSettings).subsidy).toEqual({ ...old.subsidy, tekun: { label: '特困供养', fen: 800 } });
    const slot = await buildLunch(centreId, new Date(clock.now().getTime() + 5 * DAY));
    const elder = ok(await call('bookings', 'registerElder', { centreId, name: '特困老人乙', birthYear: 1950, tekun: true, dibao: true }, as('care_staff')));
    const quote = ok(await call('bookings', 'quote', { slotId: slot.id, elderId: elder.id }, as('care_staff')));
    expect([quote.price.tier, quote.price.subsidyFen, quote.tierLabel]).toEqual(['tekun', 800, '特困供养']);
  });

  it('a stored value an upgrade no longer reads is repaired from the defaults, never an error', async () => {
    // As a release with a narrower schema would find it: an extra field, a missing one, one out of range.
    const stale = {
      subsidy: { ...BOOKINGS_SETTINGS_DEFAULTS.subsidy, dibao: { label: '低保户', fen: 99_999 }, alone: { label: '独居', fen: 350 } },
      retired: 1,
    };
    await db.ds.query('UPDATE city_settings SET value = ? WHERE section = ?', [JSON.stringify(stale), 'bookings']);
    const section = await bookingsSection();
    expect(section.repaired).toBe(true);
    expect(section.value).toEqual({
      ...BOOKINGS_SETTINGS_DEFAULTS,
      subsidy: {
        age80: BOOKINGS_SETTINGS_DEFAULTS.subsidy.age80,
        alone: { label: '独居', fen: 350 },
        dibao: { label: '低保户', fen: 600 },
        tekun: BOOKINGS_SETTINGS_DEFAULTS.subsidy.tekun,
      },
    });
    const slot = await buildLunch(centreId, new Date(clock.now().getTime() + 3 * DAY));
    const elder = ok(await call('bookings', 'registerElder', { centreId, name: '低保老人', birthYear: 1950, dibao: true }, as('care_staff')));
    const quote = ok(await call('bookings', 'quote', { slotId: slot.id, elderId: elder.id }, as('care_staff')));
    expect(quote.price).toMatchObject({ subsidyFen: 600, tier: 'dibao' });
    expect(quote.tierLabel).toBe('低保户');
    // Unreadable JSON: the defaults.
    await db.ds.query('UPDATE city_settings SET value = ? WHERE section = ?', ['{not json', 'bookings']);
    expect((await bookingsSection()).value).toEqual(BOOKINGS_SETTINGS_DEFAULTS);
  });
});

import type { CompoundType } from '@hg/types';
import { FirmResult, RatingPeriod } from '../../cloud/src/modules/ratings/entities';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, communityIdOf, newcomer, ok, personWithRole } from '../factories';

jest.setTimeout(120_000);

/**
 * The ratings board and the assessor's list filter in SQL (issue 17 item 5): the same rows as the
 * rule read in JS over every compound of the city, with rows that must be left out — a result of a
 * firm that serves no compound of that type, results and compounds of another street or community,
 * compounds no firm serves.
 */
describe.each(DIALECTS)('ratings city lists filtered in SQL on %s', (dialect) => {
  let db: TestDb;
  type Compound = { id: number; streetId: number; communityId: number; propertyOrgId: number | null; type: CompoundType };
  let compounds: Compound[];
  let periodId: number;
  const FAR = 900_000;

  beforeAll(async () => {
    db = await createTestDb(dialect);
    compounds = ((await db.ds.query('SELECT id, streetId, communityId, propertyOrgId, type FROM compounds ORDER BY id')) as Compound[]).map((c) => ({
      ...c,
      id: Number(c.id),
      streetId: Number(c.streetId),
      communityId: Number(c.communityId),
      propertyOrgId: c.propertyOrgId === null ? null : Number(c.propertyOrgId),
    }));
    const now = new Date();
    const period = await db.ds.getRepository(RatingPeriod).save({
      code: '2020-Q1',
      startsOn: '2020-01-01',
      endsOn: '2020-03-31',
      status: 'published',
      openSlot: null,
      weights: '{}',
      publicityEndsOn: null,
      createdById: 1,
      createdAt: now,
      updatedAt: now,
    });
    periodId = period.id;
    // One result per (firm, type) that serves somewhere, plus one per firm for a type it serves nowhere.
    const served = [...new Set(compounds.filter((c) => c.propertyOrgId).map((c) => `${c.propertyOrgId}:${c.type}`))];
    const types: CompoundType[] = ['commercial', 'old', 'resettlement'];
    const firms = [...new Set(compounds.filter((c) => c.propertyOrgId).map((c) => c.propertyOrgId!))];
    const unserved = firms.flatMap((f) => types.filter((t) => !served.includes(`${f}:${t}`)).map((t) => `${f}:${t}`));
    const rows = [...served, ...unserved, `${FAR}:commercial`].map((pair, i) => {
      const [firmId, compoundType] = pair.split(':');
      return {
        periodId,
        firmId: Number(firmId),
        compoundType: compoundType as CompoundType,
        sample: 3 + i,
        starsX2: i % 3 === 0 ? null : 6 + (i % 4),
        composite: i % 3 === 0 ? null : 60 + i,
        criteria: '{}',
        satisfactionRaw: null,
        needs: '{}',
        createdAt: now,
        version: 1,
        correctedAt: null,
      };
    });
    await db.ds.getRepository(FirmResult).insert(rows);
    expect(unserved.length).toBeGreaterThan(0);
  });
  afterAll(() => db.drop());

  /** The board's rule in JS: results whose firm serves a compound of that type in the place. */
  const expected = (inPlace: (c: Compound) => boolean) =>
    new Set(compounds.filter((c) => c.propertyOrgId && inPlace(c)).map((c) => `${c.propertyOrgId}:${c.type}`));
  const boardPairs = async (input: Record<string, unknown>) =>
    ok(await call('ratings', 'leaderboard', { ...input, periodId } as never, newcomer())).rows.map((r) => `${r.firm.id}:${r.compoundType}`);

  it('the leaderboard reads only the results of firms serving that type in the place', async () => {
    const city = await boardPairs({ scope: 'city' });
    expect(new Set(city)).toEqual(expected(() => true));
    expect(city).not.toContain(`${FAR}:commercial`);
    // Ranked first by composite, then the unranked by sample, as before.
    const board = ok(await call('ratings', 'leaderboard', { scope: 'city', periodId }, newcomer())).rows;
    const ranked = board.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.composite)).toEqual([...ranked.map((r) => r.composite)].sort((a, b) => b! - a!));
    expect(board.slice(ranked.length).every((r) => r.rank === null)).toBe(true);

    const street = compounds.find((c) => c.propertyOrgId)!.streetId;
    const inStreet = await boardPairs({ scope: 'street', scopeId: street });
    expect(new Set(inStreet)).toEqual(expected((c) => c.streetId === street));
    const community = compounds.filter((c) => c.propertyOrgId).at(-1)!.communityId;
    const inCommunity = await boardPairs({ scope: 'community', scopeId: community });
    expect(new Set(inCommunity)).toEqual(expected((c) => c.communityId === community));
    expect(inCommunity.length).toBeLessThan(city.length);
  });

  it('the assessor lists the firms serving compounds under his own nodes only', async () => {
    const firmsOf = (list: { firm: { id: number }; compounds: { id: number }[] }[]) =>
      Object.fromEntries(list.map((f) => [f.firm.id, f.compounds.map((c) => c.id).sort((a, b) => a - b)]));
    const reference = (inScope: (c: Compound) => boolean) => {
      const out: Record<number, number[]> = {};
      for (const c of compounds.filter((x) => x.propertyOrgId && inScope(x))) (out[c.propertyOrgId!] ??= []).push(c.id);
      return out;
    };
    // The seeded assessor (city or street): every served compound of his scope.
    const seeded = ok(await call('ratings', 'assessable', {}, as('assessor')));
    expect(seeded.length).toBeGreaterThan(0);

    const nanjie = await communityIdOf(db.ds, '南街社区');
    const local = await personWithRole(db.ds, 'assessor', 'community', nanjie, 0, '社区考评员');
    const mine = firmsOf(ok(await call('ratings', 'assessable', {}, local)));
    expect(mine).toEqual(reference((c) => c.communityId === nanjie));
    expect(Object.keys(mine).length).toBeLessThan(Object.keys(reference(() => true)).length);

    // A role on one compound covers it; one on a building covers no compound.
    const one = compounds.find((c) => c.propertyOrgId && c.communityId !== nanjie)!;
    expect(firmsOf(ok(await call('ratings', 'assessable', {}, await personWithRole(db.ds, 'assessor', 'compound', one.id))))).toEqual({
      [one.propertyOrgId!]: [one.id],
    });
    const [building] = await db.ds.query('SELECT id FROM buildings WHERE compoundId = ? ORDER BY id LIMIT 1', [one.id]);
    expect(ok(await call('ratings', 'assessable', {}, await personWithRole(db.ds, 'assessor', 'building', Number(building.id))))).toEqual([]);
  });
});

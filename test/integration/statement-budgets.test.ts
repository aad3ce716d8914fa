import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FunctionName } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, buildNeed, buildResident, call, categoryId, ok, orgId } from '../factories';
import { statementsOf } from '../statements';

jest.setTimeout(180_000);

/**
 * Statements per hot action (issue 17 item 1): counted, not timed — the counts are deterministic,
 * so this is a test. Each action is called once to warm the instance and its caller, then counted;
 * transaction control (BEGIN / COMMIT) counts, as it is a round trip too.
 *
 * `ceiling` is what the action makes today: a change that adds a statement fails here and has to
 * say why. `target` is the budget; where today's count is above it the row says so in
 * docs/benchmarks.md (the table there is generated from this list and checked against it: run
 * with UPDATE_STATEMENT_TABLE=1 to rewrite it).
 */
const DOC = path.resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');
const START = '<!-- statements:start (written by test/integration/statement-budgets.test.ts) -->';
const END = '<!-- statements:end -->';

interface Case {
  action: string;
  who: string;
  target: number;
  ceiling: number;
}

const CASES: Case[] = [
  { action: 'me.get', who: 'resident', target: 2, ceiling: 2 },
  { action: 'needs.create', who: 'resident', target: 10, ceiling: 10 },
  { action: 'needs.dispatch', who: 'community staff', target: 8, ceiling: 8 },
  { action: 'needs.queue (first page)', who: 'community staff', target: 3, ceiling: 2 },
  { action: 'needs.inbox (first page)', who: 'property staff', target: 3, ceiling: 3 },
  { action: 'needs.claimable (first page)', who: 'party member', target: 3, ceiling: 3 },
  { action: 'needs.mine (first page)', who: 'resident', target: 3, ceiling: 2 },
  { action: 'needs.ladder (first page)', who: 'building head', target: 3, ceiling: 3 },
  { action: 'ratings.firmCard', who: 'resident', target: 3, ceiling: 3 },
  { action: 'ratings.leaderboard (first page)', who: 'resident', target: 3, ceiling: 2 },
  { action: 'bookings.week', who: 'resident', target: 3, ceiling: 5 },
  { action: 'bookings.book (self, seated)', who: 'resident', target: 6, ceiling: 16 },
  { action: 'bookings.book (on behalf, seated)', who: 'centre staff', target: 7, ceiling: 17 },
  { action: 'bookings.book (refused: full)', who: 'resident', target: 2, ceiling: 4 },
];

const HOUR = 3600 * 1000;
const rid = () => crypto.randomUUID();

function tableOf(counts: Map<string, number>): string {
  const rows = CASES.map((c) => {
    const n = counts.get(c.action);
    return `| ${c.action} | ${c.who} | ${n ?? '—'} | ≤ ${c.target} | ${n === undefined ? '' : n <= c.target ? 'met' : '**missed**'} |`;
  });
  return ['| action | as | statements (SQLite = MariaDB) | target | |', '|---|---|---|---|---|', ...rows].join('\n');
}

describe.each(DIALECTS)('statements per hot action on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('stays within each action’s ceiling, the same on both databases, as docs/benchmarks.md says', async () => {
    const counts = new Map<string, number>();
    /** Call once to warm, then count the second call. */
    async function count(label: string, fn: FunctionName, action: string, input: () => Record<string, unknown>, who: string, expectOk = true) {
      await call(fn as never, action as never, input() as never, who);
      const { statements, result } = await statementsOf(db.ds, () => call(fn as never, action as never, input() as never, who));
      if (expectOk) ok(result);
      if (process.env.SHOW_STATEMENTS === label) console.log(statements.join('\n'));
      counts.set(label, statements.length);
    }

    await count('me.get', 'me', 'get', () => ({}), as('resident'));
    const filer = await buildResident(db.ds);
    const repair = await categoryId(db.ds, 'repair');
    await count('needs.create', 'needs', 'create', () => ({ categoryId: repair, householdId: filer.householdId, description: '楼道灯不亮' }), filer.openid);
    const team = await orgId(db.ds, '管网疏通服务队');
    const waiting = [(await buildNeed(db.ds, { category: 'pipe' })).id, (await buildNeed(db.ds, { category: 'pipe' })).id];
    await count('needs.dispatch', 'needs', 'dispatch', () => ({ needId: waiting.shift(), orgId: team }), as('community_staff'));
    await count('needs.queue (first page)', 'needs', 'queue', () => ({ tab: 'action' }), as('community_staff'));
    await count('needs.inbox (first page)', 'needs', 'inbox', () => ({ tab: 'action' }), as('property_staff'));
    await count('needs.claimable (first page)', 'needs', 'claimable', () => ({}), as('party_member'));
    await count('needs.mine (first page)', 'needs', 'mine', () => ({}), as('resident'));
    await count('needs.ladder (first page)', 'needs', 'ladder', () => ({}), as('building_head'));
    const firm = await orgId(db.ds, '阆苑物业服务有限公司');
    await count('ratings.firmCard', 'ratings', 'firmCard', () => ({ firmId: firm }), as('resident'));
    await count('ratings.leaderboard (first page)', 'ratings', 'leaderboard', () => ({}), as('resident'));
    const centreId = await orgId(db.ds, '南街社区日间照料中心');
    await count('bookings.week', 'bookings', 'week', () => ({ centreId }), as('resident'));

    // Bookings: a sitting far enough ahead, seats for the seated calls, then one with none left.
    const later = (days: number) => new Date(clock.now().getTime() + days * 24 * HOUR + 6 * HOUR);
    const roomy = await buildLunch(centreId, later(5), { capacityDineIn: 50 });
    // The resident registers herself (an elder with her own account books for herself).
    const self = ok(await call('bookings', 'registerElder', { centreId, birthYear: 1948 }, as('resident')));
    const other = await buildLunch(centreId, later(6), { capacityDineIn: 50 });
    const slotsForSelf = [roomy.id, other.id];
    await count(
      'bookings.book (self, seated)',
      'bookings',
      'book',
      () => ({ slotId: slotsForSelf.shift(), elderId: self.id, mode: 'dine_in', requestId: rid() }),
      as('resident'),
    );
    const walkIns: number[] = [];
    for (let i = 0; i < 2; i++)
      walkIns.push(
        ok(await call('bookings', 'registerElder', { centreId, name: `计数${i}`, birthYear: 1945, address: '锦屏花园1栋1单元101' }, as('care_staff'))).id,
      );
    await count(
      'bookings.book (on behalf, seated)',
      'bookings',
      'book',
      () => ({ slotId: roomy.id, elderId: walkIns.shift(), mode: 'dine_in', requestId: rid() }),
      as('care_staff'),
    );
    const full = await buildLunch(centreId, later(7), { capacityDineIn: 1 });
    const taker = ok(await call('bookings', 'registerElder', { centreId, name: '占座', birthYear: 1945, address: '锦屏花园1栋1单元101' }, as('care_staff')));
    ok(await call('bookings', 'book', { slotId: full.id, elderId: taker.id, mode: 'dine_in', requestId: rid() }, as('care_staff')));
    await count(
      'bookings.book (refused: full)',
      'bookings',
      'book',
      () => ({ slotId: full.id, elderId: self.id, mode: 'dine_in', requestId: rid() }),
      as('resident'),
      false,
    );

    for (const c of CASES) expect({ action: c.action, n: counts.get(c.action) }).toEqual({ action: c.action, n: expect.any(Number) });
    for (const c of CASES) expect({ action: c.action, within: counts.get(c.action)! <= c.ceiling }).toEqual({ action: c.action, within: true });

    const doc = fs.readFileSync(DOC, 'utf8');
    const table = tableOf(counts);
    if (process.env.UPDATE_STATEMENT_TABLE) {
      const at = doc.indexOf(START);
      const next = at < 0 ? `${doc.trimEnd()}\n\n${START}\n${table}\n${END}\n` : `${doc.slice(0, at)}${START}\n${table}\n${doc.slice(doc.indexOf(END))}`;
      fs.writeFileSync(DOC, next);
    } else {
      expect(doc.slice(doc.indexOf(START) + START.length, doc.indexOf(END)).trim()).toBe(table);
    }
  });
});

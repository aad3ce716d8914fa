import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { RATING_DIMENSIONS } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { transitionMany } from '../../cloud/src/core/state-machine';
import { runAction } from '../../cloud/src/core/action';
import { FUNCTIONS, MODULES } from '../../cloud/src/app';
import { Need } from '../../cloud/src/modules/needs/need.entity';
import { NEED_MACHINE } from '../../cloud/src/modules/needs/need-status';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, buildNeed, buildResident, call, categoryId, homeOf, newcomer, ok, orgId, quarterPeriod, storedPhoto } from '../factories';

process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);

jest.setTimeout(120_000);

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());
const rid = () => crypto.randomUUID();

/** Every machine-governed table, its state column and the subject kind its events are filed under. */
const GOVERNED = [
  { table: 'needs', column: 'status', kind: 'need' },
  { table: 'bookings', column: 'status', kind: 'booking' },
  { table: 'household_members', column: 'status', kind: 'membership' },
  { table: 'elder_links', column: 'status', kind: 'family-link' },
  { table: 'standing_orders', column: 'status', kind: 'standing-order' },
  { table: 'rating_periods', column: 'status', kind: 'rating-period' },
  { table: 'slots', column: 'status', kind: 'slot' },
  { table: 'slot_bookings', column: 'status', kind: 'slot-booking' },
  // A rating is created with its comment visible (the rating's own history is rating_changes).
  { table: 'household_ratings', column: 'commentStatus', kind: 'rating-comment', bornWithoutEvent: 'visible' },
] as const;

type Snapshot = Map<string, Map<number, string>>;
interface LoggedChange {
  id: number;
  kind: string;
  subject: number;
  from: string | null;
  to: string | null;
}

async function snapshot(ds: DataSource): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const g of GOVERNED) {
    const rows: { id: number; s: string }[] = await ds.query(`SELECT id, ${g.column} AS s FROM ${g.table}`);
    out.set(g.table, new Map(rows.map((r) => [Number(r.id), r.s])));
  }
  return out;
}

const lastEventId = async (ds: DataSource) => Number((await ds.query('SELECT MAX(id) AS n FROM subject_events'))[0].n ?? 0);

/**
 * Run one step of real actions or timers and hold the log to account: every state change of every
 * governed row since the last step is in `subject_events` exactly as it happened — an existing row
 * that moved has exactly one row with the right from/to, a new row has a chain from nothing to its
 * state, a row that did not move has none — and no state-change row points anywhere else.
 */
function auditor(db: () => TestDb) {
  const steps: string[] = [];
  return {
    steps,
    async step(name: string, work: () => Promise<unknown>): Promise<void> {
      const ds = db().ds;
      const before = await snapshot(ds);
      const since = await lastEventId(ds);
      await work();
      const after = await snapshot(ds);
      const logged: LoggedChange[] = (
        await ds.query(
          'SELECT id, subject_kind AS kind, subject_id AS subject, from_status AS fromStatus, to_status AS toStatus FROM subject_events WHERE id > ? AND (from_status IS NOT NULL OR to_status IS NOT NULL) ORDER BY id',
          [since],
        )
      ).map((e: { id: number; kind: string; subject: number; fromStatus: string | null; toStatus: string | null }) => ({ id: Number(e.id), kind: e.kind, subject: Number(e.subject), from: e.fromStatus, to: e.toStatus }));
      const unexplained = new Set(logged.map((e) => e.id));
      const problems: string[] = [];
      let changes = 0;
      for (const g of GOVERNED) {
        const was = before.get(g.table)!;
        for (const [id, now] of after.get(g.table)!) {
          const prior = was.get(id);
          const chain = logged.filter((e) => e.kind === g.kind && e.subject === id);
          chain.forEach((e) => unexplained.delete(e.id));
          const path = chain.map((e) => `${e.from}→${e.to}`).join(', ');
          if (prior === now) {
            if (chain.length) problems.push(`${g.table}#${id} stayed ${now} but the log says ${path}`);
            continue;
          }
          changes++;
          if (prior === undefined && !chain.length && 'bornWithoutEvent' in g && now === g.bornWithoutEvent) continue;
          const linked = chain.every((e, i) => e.from === (i === 0 ? (prior ?? null) : chain[i - 1].to));
          const ok = chain.length > 0 && linked && chain[chain.length - 1].to === now && (prior === undefined || chain.length === 1);
          if (!ok) problems.push(`${g.table}#${id} ${prior ?? '(new)'}→${now} but the log says [${path}]`);
        }
      }
      for (const id of unexplained) problems.push(`event #${id} matches no state change: ${JSON.stringify(logged.find((e) => e.id === id))}`);
      if (problems.length) throw new Error(`step "${name}":\n${problems.join('\n')}`);
      steps.push(`${name}: ${changes} change(s)`);
    },
  };
}

describe.each(DIALECTS)('the subject log on %s', (dialect) => {
  let db: TestDb;
  const { step, steps } = auditor(() => db);

  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('every status change of a run of real actions and timers has exactly its subject_events row', async () => {
    const staff = as('community_staff');
    const team = await orgId(db.ds, '管网疏通服务队');
    const pipe = await categoryId(db.ds, 'pipe');
    const home = await homeOf(db.ds, 'resident');

    // Households: bind, reject, bind again (the machine's reapply), verify.
    const applicant = newcomer();
    let membershipId = 0;
    await step('bind', async () => {
      membershipId = (await buildResident(db.ds, { openid: applicant, verifier: null })).membershipId;
    });
    await step('reject binding', async () => ok(await call('households', 'verify', { membershipId, approve: false, reason: '信息不符' }, as('building_head'))));
    const compound = ok(await call('community', 'resolveScene', { scene: 'c=NJJP01' }));
    const building = ok(await call('community', 'listBuildings', { compoundId: compound.id }))[0];
    const mine = ok(await call('households', 'mine', {}, applicant)).find((m) => m.id === membershipId)!;
    await step('bind again', async () =>
      ok(
        await call(
          'households',
          'bind',
          { compoundId: compound.id, buildingId: building.id, unitId: building.units[0].id, room: mine.room, name: '测试居民', phone: '10000001111', relation: 'owner' },
          applicant,
        ),
      ),
    );
    await step('verify binding', async () => ok(await call('households', 'verify', { membershipId, approve: true }, as('building_head'))));

    // Needs: the four orders, hold and the timer's resume, resolve and the timer's auto-close.
    let needId = 0;
    await step('create need', async () => {
      needId = ok(await call('needs', 'create', { categoryId: pipe, householdId: home, description: '下水道堵塞' }, as('resident'))).id;
    });
    await step('dispatch', async () => ok(await call('needs', 'dispatch', { needId, orgId: team }, staff)));
    await step('decline', async () => ok(await call('needs', 'decline', { needId, reason: '不属于管网问题' }, as('team_staff'))));
    await step('dispatch again', async () => ok(await call('needs', 'dispatch', { needId, orgId: team }, staff)));
    await step('accept', async () => ok(await call('needs', 'accept', { needId }, as('team_staff'))));
    await step('start', async () => ok(await call('needs', 'start', { needId }, as('team_staff'))));
    await step('urge (no state change)', async () => ok(await call('needs', 'urge', { needId }, as('resident'))));
    await step('hold', async () =>
      ok(await call('needs', 'hold', { needId, resumeAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(), reason: '等配件' }, as('team_staff'))),
    );
    clock.advance(3 * HOUR);
    await step('tick: resume holds', async () => ok(await tick()));
    await step('resolve', async () => ok(await call('needs', 'resolve', { needId, note: '已疏通', photoIds: [storedPhoto('r1')] }, as('team_staff'))));
    await step('reopen', async () => ok(await call('needs', 'reopen', { needId, reason: '还漏' }, as('resident'))));
    await step('resolve again', async () => ok(await call('needs', 'resolve', { needId, note: '已更换管件', photoIds: [storedPhoto('r2')] }, as('team_staff'))));
    const fileNeed = async (description: string) => ok(await call('needs', 'create', { categoryId: pipe, householdId: home, description }, as('resident')));
    const other = await fileNeed('楼道灯不亮');
    const dup = await fileNeed('楼道灯又不亮');
    await step('merge', async () => ok(await call('needs', 'merge', { needId: dup.id, intoNeedId: other.id }, staff)));
    await step('reject', async () => ok(await call('needs', 'reject', { needId: other.id, reasonCode: 'out_of_scope', note: '请咨询12345' }, staff)));
    await step('cancel', async () => {
      const mineToCancel = ok(await call('needs', 'create', { categoryId: pipe, householdId: home, description: '已自行修好' }, as('resident')));
      ok(await call('needs', 'cancel', { needId: mineToCancel.id }, as('resident')));
    });
    clock.advance(8 * DAY);
    await step('tick: escalations and auto-close', async () => ok(await tick()));
    expect((await db.ds.query('SELECT status FROM needs WHERE id = ?', [needId]))[0].status).toBe('closed');

    // Bookings: book, waitlist, cancel (the seat is offered on), confirm, a late waitlist, timers.
    const centreId = await orgId(db.ds, '南街社区日间照料中心');
    const elder = async (name: string) => ok(await call('bookings', 'registerElder', { centreId, name, birthYear: 1940 }, as('care_staff'))).id;
    const [a, b, c] = [await elder('甲'), await elder('乙'), await elder('丙')];
    const slot = await buildLunch(centreId, new Date(clock.now().getTime() + 2 * DAY), { capacityDineIn: 1 });
    let first = 0;
    let second = 0;
    await step('book', async () => {
      first = ok(await call('bookings', 'book', { slotId: slot.id, elderId: a, requestId: rid() }, as('care_staff'))).id;
    });
    await step('waitlist', async () => {
      second = ok(await call('bookings', 'book', { slotId: slot.id, elderId: b, requestId: rid(), waitlist: true }, as('care_staff'))).id;
    });
    await step('cancel: the seat passes on', async () => ok(await call('bookings', 'cancel', { bookingId: first }, as('care_staff'))));
    await step('confirm the offer', async () => ok(await call('bookings', 'confirm', { bookingId: second }, as('care_staff'))));
    await step('late waitlist', async () => ok(await call('bookings', 'book', { slotId: slot.id, elderId: c, requestId: rid(), waitlist: true }, as('care_staff'))));
    await step('standing order', async () => {
      const order = ok(await call('bookings', 'standingOrder', { elderId: c, sitting: 'dinner', weekdays: [1, 2, 3] }, as('care_staff')));
      ok(await call('bookings', 'standingOrderStep', { orderId: order.id, step: 'pause' }, as('care_staff')));
    });
    clock.advance(2 * DAY + 3 * HOUR);
    await step('tick: waitlists close, no-shows', async () => ok(await tick()));
    expect((await db.ds.query('SELECT status FROM bookings WHERE id = ?', [second]))[0].status).toBe('no_show');

    // The slot engine (a room for residents): publish, reserve, waitlist, cancel (the seat is
    // offered on), accept, withdraw another slot with its bookings, close a day, timers.
    const roomAt = (days: number) => {
      const startsAt = new Date(clock.now().getTime() + days * DAY);
      return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(), cutoffAt: new Date(startsAt.getTime() - HOUR).toISOString() };
    };
    const [r1, r2] = [await buildResident(db.ds), await buildResident(db.ds)];
    let room = 0;
    let consult = 0;
    let held = 0;
    let waiting = 0;
    await step('publish a room', async () => {
      room = ok(await call('bookings', 'publishSlot', { centreId, kind: 'room', title: '棋牌室', capacity: 1, ...roomAt(1) }, as('care_staff'))).id;
      consult = ok(await call('bookings', 'publishSlot', { centreId, kind: 'consult', title: '健康咨询', capacity: 2, ...roomAt(1) }, as('care_staff'))).id;
    });
    await step('reserve', async () => {
      held = ok(await call('bookings', 'reserve', { slotId: room, requestId: rid() }, r1.openid)).id;
    });
    await step('reserve: waitlist', async () => {
      waiting = ok(await call('bookings', 'reserve', { slotId: room, requestId: rid(), waitlist: true }, r2.openid)).id;
    });
    await step('cancel reservation: the seat passes on', async () => ok(await call('bookings', 'cancelReservation', { reservationId: held }, r1.openid)));
    await step('accept the offer', async () => ok(await call('bookings', 'acceptReservation', { reservationId: waiting }, r2.openid)));
    await step('withdraw a slot with its bookings', async () => {
      ok(await call('bookings', 'reserve', { slotId: consult, requestId: rid() }, r1.openid));
      ok(await call('bookings', 'withdrawSlot', { slotId: consult, reason: '医生外出' }, as('care_staff')));
    });
    await step('close a day', async () => {
      const later = ok(await call('bookings', 'publishSlot', { centreId, kind: 'room', title: '书画室', capacity: 3, ...roomAt(3) }, as('care_staff')));
      ok(await call('bookings', 'reserve', { slotId: later.id, requestId: rid() }, r1.openid));
      ok(await call('bookings', 'closeDay', { centreId, day: later.day, reason: '休息' }, as('care_staff')));
    });
    clock.advance(2 * DAY);
    await step('tick: the engine marks no-shows', async () => ok(await tick()));
    expect((await db.ds.query('SELECT status FROM slot_bookings WHERE id = ?', [waiting]))[0].status).toBe('no_show');

    // Ratings: a period opens, a comment is reported until hidden, kept, masked; the period closes and publishes.
    let periodId = 0;
    await step('open period', async () => {
      periodId = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
    });
    const all = (n: number) => Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, n])) as Record<(typeof RATING_DIMENSIONS)[number], number>;
    const rater = await buildResident(db.ds);
    await step('rate with a comment', async () => ok(await call('ratings', 'rate', { householdId: rater.householdId, scores: all(2), comment: '保安老李经常不在岗' }, rater.openid)));
    await step('close period', async () => ok(await call('ratings', 'closePeriod', { periodId }, as('admin'))));
    await step('publish period', async () => ok(await call('ratings', 'publishPeriod', { periodId }, as('admin'))));
    const [{ id: ratingId }] = await db.ds.query('SELECT id FROM household_ratings WHERE householdId = ?', [rater.householdId]);
    await step('reports hide the comment', async () => {
      for (let i = 0; i < 3; i++) ok(await call('ratings', 'reportComment', { ratingId: Number(ratingId) }, (await buildResident(db.ds)).openid));
    });
    await step('moderator keeps it', async () => ok(await call('ratings', 'moderate', { ratingId: Number(ratingId), keep: true }, staff)));
    await step('moderator masks a name (no state change)', async () => ok(await call('ratings', 'maskComment', { ratingId: Number(ratingId), fragment: '老李' }, staff)));

    expect(steps.filter((s) => !s.endsWith(': 0 change(s)')).length).toBeGreaterThan(20);
    const kinds = (await db.ds.query('SELECT DISTINCT subject_kind AS k FROM subject_events')).map((r: { k: string }) => r.k).sort();
    expect(kinds).toEqual(['booking', 'meal-day', 'membership', 'need', 'rating-comment', 'rating-period', 'slot', 'slot-booking', 'standing-order']);
    // Every kind in the log is declared by the module that owns it (DomainModule.subjects).
    const declared = MODULES.flatMap((m) => [...(m.subjects ?? [])]);
    for (const kind of kinds) expect(declared).toContain(kind);
  });

  it('the batch transition moves only the rows still in the state they were read in, with one event each', async () => {
    const needs = [];
    for (let i = 0; i < 4; i++) needs.push(await buildNeed(db.ds, { category: 'suggestion' }));
    const ids = needs.map((n) => n.id);
    const marks = ids.map(() => '?').join(',');
    const rows = await db.ds.manager.findBy(Need, ids.map((id) => ({ id })));
    const from = rows[0].status;
    expect(rows.every((r) => r.status === from)).toBe(true);
    // A person moves one of them after the timer read it.
    ok(await call('needs', 'reject', { needId: ids[1], reasonCode: 'out_of_scope', note: '重复' }, as('community_staff')));
    const before = Number((await db.ds.query(`SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id IN (${marks})`, ids))[0].n);
    const at = clock.now();
    const moved = await runInTransaction(db.ds, (em) =>
      transitionMany({ em, machine: NEED_MACHINE, entity: Need, rows, action: 'cancel', patch: { closedAt: at, updatedAt: at }, at, actorId: null, data: { note: '批量' } }),
    );
    expect(moved.map((n) => n.id).sort()).toEqual([ids[0], ids[2], ids[3]].sort());
    const statuses = await db.ds.query(`SELECT id, status FROM needs WHERE id IN (${marks}) ORDER BY id`, ids);
    expect(Object.fromEntries(statuses.map((r: { id: number; status: string }) => [Number(r.id), r.status]))).toEqual({
      [ids[0]]: 'cancelled',
      [ids[1]]: 'rejected',
      [ids[2]]: 'cancelled',
      [ids[3]]: 'cancelled',
    });
    const events = await db.ds.query(
      `SELECT subject_id AS id, from_status AS f, to_status AS t, actor_id AS who, data FROM subject_events WHERE subject_kind = 'need' AND action = 'cancelled' AND subject_id IN (${marks}) ORDER BY subject_id`,
      ids,
    );
    expect(events.map((e: { id: number; f: string; t: string; who: number | null; data: string }) => [Number(e.id), e.f, e.t, e.who, JSON.parse(e.data)])).toEqual(
      [ids[0], ids[2], ids[3]].sort((x, y) => x - y).map((id) => [id, from, 'cancelled', null, { note: '批量' }]),
    );
    const after = Number((await db.ds.query(`SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id IN (${marks})`, ids))[0].n);
    expect(after - before).toBe(3);
    // Run again on the same (stale) rows: nothing is still in the state read, nothing moves, nothing is written.
    const again = await runInTransaction(db.ds, (em) =>
      transitionMany({ em, machine: NEED_MACHINE, entity: Need, rows: rows.map((r) => Object.assign(new Need(), r, { status: from })), action: 'cancel', at, actorId: null }),
    );
    expect(again).toEqual([]);
    expect(Number((await db.ds.query(`SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'need' AND subject_id IN (${marks})`, ids))[0].n)).toBe(after);
  });
});

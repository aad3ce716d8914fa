import type { DataSource, EntityManager } from 'typeorm';
import { addDays, localDay, localTime, nextQuarter, type LocalQuarter } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { openScheduledPeriod } from '../../cloud/src/modules/ratings/periods';
import { openScheduledPeriods } from '../../cloud/src/modules/ratings/rating-timers';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, communityIdOf, errorCode, ok, personWithRole, quarterPeriod } from '../factories';

/**
 * Issue 16 leftover: a period prepared ahead is `scheduled` (editable, cancellable) and opens by
 * itself on its first day in Beijing time, telling residents and assessors as an admin's open
 * does; no two live periods overlap; one open period at a time holds when ticks overlap, when a
 * tick and an admin act at once and when admins schedule at once.
 */
jest.setTimeout(240_000);

const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });
const userIdOf = async (ds: DataSource, openid: string) => Number((await ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);
const inbox = async (ds: DataSource, openid: string, subjectKind: string, subjectId: number) =>
  (
    (await ds.query('SELECT title FROM notifications WHERE userId = ? AND subjectKind = ? AND subjectId = ? ORDER BY id', [
      await userIdOf(ds, openid),
      subjectKind,
      subjectId,
    ])) as { title: string }[]
  ).map((m) => m.title);
const events = async (ds: DataSource, periodId: number) =>
  (await ds.query("SELECT action, from_status AS fromStatus, to_status AS toStatus, actor_id AS actorId FROM subject_events WHERE subject_kind = 'rating-period' AND subject_id = ? ORDER BY id", [periodId])) as {
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    actorId: number | null;
  }[];
const openCount = async (ds: DataSource) => Number((await ds.query("SELECT COUNT(*) AS n FROM rating_periods WHERE status = 'open'"))[0].n);
/** Move the clock to a Beijing wall time. */
const goTo = (day: string, hhmm: string) => clock.advance(localTime(day, hhmm).getTime() - clock.now().getTime());

describe.each(DIALECTS)('scheduled rating periods on %s', (dialect) => {
  let db: TestDb;
  let q: LocalQuarter;
  const ctx = () => ({ em: db.ds.manager, platform: localPlatform(), tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work) });

  beforeAll(async () => {
    db = await createTestDb(dialect);
    q = nextQuarter(quarterPeriod());
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('the admin schedules a quarter ahead, edits and cancels it; overlapping days and a start today are refused, typed', async () => {
    const today = localDay(clock.now());
    const scheduled = ok(await call('ratings', 'schedulePeriod', q, as('admin')));
    expect(scheduled).toMatchObject({ code: q.code, status: 'scheduled', statusLabel: '待开始', startsOn: q.startsOn });
    expect(await openCount(db.ds)).toBe(0);
    // A household cannot rate yet, and is told when it can.
    const household = await buildResident(db.ds, { compound: 'NJJP01' });
    const [y, m] = [q.startsOn.slice(0, 4), Number(q.startsOn.slice(5, 7))];
    expect(ok(await call('ratings', 'myRating', { householdId: household.householdId }, household.openid)).blockedReason).toBe(
      `下一期评价将于${y}年${m}月1日开始，届时会通知您`,
    );
    expect(errorCode(await call('ratings', 'rate', { householdId: household.householdId, scores: all(5) }, household.openid))).toBe('INVALID_TRANSITION');

    expect(errorCode(await call('ratings', 'schedulePeriod', q, as('community_staff')))).toBe('FORBIDDEN');
    expect(await call('ratings', 'schedulePeriod', { code: q.code, startsOn: today, endsOn: q.endsOn }, as('admin'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'startsOn', reason: 'NOT_FUTURE' } },
    });
    const month = `${q.startsOn.slice(0, 7)}`;
    const overlap = await call('ratings', 'schedulePeriod', { code: month, startsOn: addDays(q.startsOn, 10), endsOn: addDays(q.startsOn, 40) }, as('admin'));
    expect(overlap).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'startsOn', reason: 'OVERLAP', periodId: scheduled.id } } });
    expect(overlap.ok ? '' : overlap.error.message).toContain(`与${q.code}期（${q.startsOn} 至 ${q.endsOn}，待开始）的日期重叠`);
    // An admin's open now may not reach into a scheduled period's days either.
    expect(await call('ratings', 'openPeriod', { code: quarterPeriod().code, startsOn: today, endsOn: addDays(q.startsOn, 3) }, as('admin'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { reason: 'OVERLAP' } },
    });
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM rating_periods'))[0].n)).toBe(1);

    const edited = ok(await call('ratings', 'editPeriod', { periodId: scheduled.id, code: q.code, startsOn: addDays(q.startsOn, 1), endsOn: q.endsOn }, as('admin')));
    expect(edited).toMatchObject({ status: 'scheduled', startsOn: addDays(q.startsOn, 1) });
    expect(errorCode(await call('ratings', 'editPeriod', { periodId: scheduled.id, code: q.code, startsOn: today, endsOn: q.endsOn }, as('admin')))).toBe('INVALID_INPUT');

    const cancelled = ok(await call('ratings', 'cancelPeriod', { periodId: scheduled.id }, as('admin')));
    expect(cancelled).toMatchObject({ status: 'cancelled', statusLabel: '已取消' });
    expect(ok(await call('ratings', 'periods', {}, as('admin'))).map((p) => p.id)).not.toContain(scheduled.id);
    expect(errorCode(await call('ratings', 'cancelPeriod', { periodId: scheduled.id }, as('admin')))).toBe('NOT_FOUND');
    // Its history stays in the subject log; its code is free again.
    expect((await events(db.ds, scheduled.id)).map((e) => `${e.action}:${e.fromStatus ?? ''}>${e.toStatus}`)).toEqual([
      'scheduled:>scheduled',
      'edited:scheduled>scheduled',
      'cancelled:scheduled>cancelled',
    ]);
    const again = ok(await call('ratings', 'schedulePeriod', q, as('admin')));
    expect(again).toMatchObject({ code: q.code, status: 'scheduled' });
  });

  it('opens by itself on its first day (Beijing time) with the messages of an admin’s open, and households can rate', async () => {
    const resident = await buildResident(db.ds, { compound: 'NJJP01' });
    const assessor = await personWithRole(db.ds, 'assessor', 'community', await communityIdOf(db.ds, '南街社区'));
    const [period] = await db.ds.query("SELECT id FROM rating_periods WHERE status = 'scheduled'");
    const id = Number(period.id);

    // 23:59 on the eve (Beijing) is still the day before, whatever the server's zone.
    expect(await openScheduledPeriods.run(ctx(), localTime(addDays(q.startsOn, -1), '23:59'))).toEqual({ periodsOpened: 0 });
    goTo(q.startsOn, '00:05');
    expect(await openScheduledPeriods.run(ctx(), clock.now())).toEqual({ periodsOpened: 1 });
    expect(await openScheduledPeriods.run(ctx(), clock.now())).toEqual({ periodsOpened: 0 });

    const [row] = await db.ds.query('SELECT status, openSlot FROM rating_periods WHERE id = ?', [id]);
    expect(row).toEqual({ status: 'open', openSlot: 'open' });
    expect((await events(db.ds, id)).slice(-1)).toEqual([{ action: 'opened', fromStatus: 'scheduled', toStatus: 'open', actorId: null }]);
    expect(await inbox(db.ds, resident.openid, 'rating-period', id)).toEqual(['物业评价开始了']);
    expect(await inbox(db.ds, assessor, 'rating-assessment', id)).toEqual(['物业考评期已开始']);
    const mine = ok(await call('ratings', 'rate', { householdId: resident.householdId, scores: all(4) }, resident.openid));
    expect(mine.period).toMatchObject({ id, status: 'open' });
    ok(await call('ratings', 'closePeriod', { periodId: id }, as('admin')));
  });

  it('overlapping ticks open a period once; two due periods never both open (the openSlot key)', async () => {
    const resident = await buildResident(db.ds, { compound: 'NJJP01' });
    const next = nextQuarter(q);
    const p = ok(await call('ratings', 'schedulePeriod', next, as('admin')));
    goTo(next.startsOn, '00:05');
    const runs = await Promise.all([0, 1, 2].map(() => openScheduledPeriods.run(ctx(), clock.now())));
    expect(runs.reduce((n, r) => n + r.periodsOpened, 0)).toBe(1);
    expect((await events(db.ds, p.id)).filter((e) => e.action === 'opened')).toHaveLength(1);
    expect(await inbox(db.ds, resident.openid, 'rating-period', p.id)).toEqual(['物业评价开始了']);
    expect(await openCount(db.ds)).toBe(1);
    ok(await call('ratings', 'closePeriod', { periodId: p.id }, as('admin')));

    // Rows the rules would have refused (two periods due on the same day, written past the
    // actions): opened at once, the unique key lets exactly one through.
    const day = localDay(clock.now());
    const now = clock.now();
    const stamp = now.toISOString().replace('T', ' ').slice(0, 23);
    for (const code of ['2099-01', '2099-02'])
      await db.ds.query(
        "INSERT INTO rating_periods (code, startsOn, endsOn, status, openSlot, weights, createdById, createdAt, updatedAt) VALUES (?, ?, ?, 'scheduled', NULL, '{}', 1, ?, ?)",
        [code, day, addDays(day, 20), stamp, stamp],
      );
    const ids = (await db.ds.query("SELECT id FROM rating_periods WHERE code IN ('2099-01', '2099-02') ORDER BY id")).map((r: { id: number }) => Number(r.id));
    const outcomes = await Promise.allSettled(ids.map((id: number) => openScheduledPeriod({ tx: ctx().tx }, id, now)));
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === true)).toHaveLength(1);
    expect(await openCount(db.ds)).toBe(1);
    const [stillScheduled] = await db.ds.query("SELECT COUNT(*) AS n FROM rating_periods WHERE code IN ('2099-01', '2099-02') AND status = 'scheduled'");
    expect(Number(stillScheduled.n)).toBe(1);
    // The job leaves the other one scheduled (no error) while a period is open.
    expect(await openScheduledPeriods.run(ctx(), now)).toEqual({ periodsOpened: 0 });
    const [open] = await db.ds.query("SELECT id FROM rating_periods WHERE status = 'open'");
    ok(await call('ratings', 'closePeriod', { periodId: Number(open.id) }, as('admin')));
    await db.ds.query("DELETE FROM rating_periods WHERE code IN ('2099-01', '2099-02') AND status = 'scheduled'");
  });

  it('a tick and an admin at once: one open period, the admin told why; a cancel racing the tick either wins or is refused', async () => {
    let quarter = nextQuarter(nextQuarter(q));
    const p = ok(await call('ratings', 'schedulePeriod', quarter, as('admin')));
    goTo(quarter.startsOn, '00:05');
    const [adminOpen, tick] = await Promise.all([
      call('ratings', 'openPeriod', { code: `${quarter.startsOn.slice(0, 7)}`, startsOn: quarter.startsOn, endsOn: addDays(quarter.startsOn, 20) }, as('admin')),
      openScheduledPeriods.run(ctx(), clock.now()),
    ]);
    expect(tick).toEqual({ periodsOpened: 1 });
    expect(['CONFLICT', 'INVALID_INPUT']).toContain(errorCode(adminOpen));
    expect(await openCount(db.ds)).toBe(1);
    expect(Number((await db.ds.query("SELECT id FROM rating_periods WHERE status = 'open'"))[0].id)).toBe(p.id);
    ok(await call('ratings', 'closePeriod', { periodId: p.id }, as('admin')));

    quarter = nextQuarter(quarter);
    const resident = await buildResident(db.ds, { compound: 'NJJP01' });
    const c = ok(await call('ratings', 'schedulePeriod', quarter, as('admin')));
    goTo(quarter.startsOn, '00:05');
    const [cancel, run] = await Promise.all([call('ratings', 'cancelPeriod', { periodId: c.id }, as('admin')), openScheduledPeriods.run(ctx(), clock.now())]);
    const told = await inbox(db.ds, resident.openid, 'rating-period', c.id);
    if (cancel.ok) {
      // Cancelled first: nothing opened, nobody told.
      expect(run).toEqual({ periodsOpened: 0 });
      expect(told).toEqual([]);
      expect(await openCount(db.ds)).toBe(0);
    } else {
      expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(errorCode(cancel));
      expect(run).toEqual({ periodsOpened: 1 });
      expect(told).toEqual(['物业评价开始了']);
      ok(await call('ratings', 'closePeriod', { periodId: c.id }, as('admin')));
    }
  });

  it('admins scheduling overlapping periods at once: one is scheduled, the others refused as OVERLAP', async () => {
    const base = addDays(localDay(clock.now()), 30);
    const codes = ['2098-01', '2098-02', '2098-03', '2098-04', '2098-05', '2098-06', '2098-07', '2098-08', '2098-09', '2098-10'];
    const answers = await Promise.all(codes.map((code, i) => call('ratings', 'schedulePeriod', { code, startsOn: addDays(base, i), endsOn: addDays(base, 40) }, as('admin'))));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { reason: 'OVERLAP' } } });
    expect(Number((await db.ds.query("SELECT COUNT(*) AS n FROM rating_periods WHERE code LIKE '2098-%'"))[0].n)).toBe(1);
  });
});

import type { EntityManager } from 'typeorm';
import { ErrorCode, type EscalationTickDTO } from '@hg/types';
import { FUNCTIONS } from '../../cloud/src/app';
import { runAction } from '../../cloud/src/core/action';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { AppError } from '../../cloud/src/core/errors';
import type { TimerJob } from '../../cloud/src/core/module';
import { localPlatform } from '../../cloud/src/core/platform';
import { runJobs } from '../../cloud/src/modules/timers/actions/run-tick';
import { LEASE_MS, RUNS_KEPT } from '../../cloud/src/modules/timers/job-lease';
import { presentJobs } from '../../cloud/src/modules/timers/timer.presenter';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, call, errorCode, ok, orgId } from '../factories';

jest.setTimeout(120_000);

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());

/** A promise the test settles by hand: a job that is "still running" until it is resolved. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(DIALECTS)('timer runner on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.ds.query(sql, params))[0].n);
  /** The runner as the tick action calls it, with hand-made jobs. */
  const run = (jobs: TimerJob[]) =>
    runJobs({ ds: db.ds, tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work), platform: localPlatform() }, jobs, clock.now());
  const runsOf = (job: string): Promise<{ holder: string; outcome: string; errorCode: string | null; errorMessage: string | null; counts: string | null }[]> =>
    db.ds.query('SELECT holder, outcome, errorCode, errorMessage, counts FROM timer_runs WHERE job = ? ORDER BY id', [job]);
  const jobRow = async (name: string) => (await db.ds.query('SELECT * FROM timer_jobs WHERE name = ?', [name]))[0];

  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('three overlapping ticks book every standing order once, report each booking once and tell nobody a booked day was full', async () => {
    // Before the runner took a lease per job, this ran every job in all three ticks at once: on
    // both databases 12 bookings were reported as 25–28, and 2–3 「未订上…已满」 messages went out.
    clock.advance(10 * DAY); // the seeded week is over
    const elders = [];
    for (const name of ['赵大爷', '钱奶奶', '孙爷爷', '李阿婆']) {
      const elder = ok(await call('bookings', 'registerElder', { centreId, name, birthYear: 1940 }, as('care_staff')));
      ok(await call('bookings', 'standingOrder', { elderId: elder.id, sitting: 'lunch', weekdays: [1, 2, 3, 4, 5, 6, 7] }, as('care_staff')));
      elders.push(elder.id);
    }
    // Then three lunches are published, each with exactly one seat per standing order.
    const slots = [];
    for (let d = 1; d <= 3; d++) slots.push(await buildLunch(centreId, new Date(clock.now().getTime() + d * DAY), { capacityDineIn: 4 }));
    const lastRunBefore = await count('SELECT COALESCE(MAX(id), 0) AS n FROM timer_runs');

    const ticks = (await Promise.all([tick(), tick(), tick()])).map((r) => ok(r) as EscalationTickDTO);

    const inSlots = `slotId IN (${slots.map((s) => s.id).join(',')})`;
    const sum = (key: string) => ticks.reduce((n, t) => n + (t[key] ?? 0), 0);
    expect({
      booked: await count(`SELECT COUNT(*) AS n FROM bookings WHERE ${inSlots} AND status = 'booked'`),
      bookedByStandingOrders: await count(`SELECT COUNT(*) AS n FROM bookings WHERE ${inSlots} AND channel = 'standing'`),
      reportedBooked: sum('standingBooked'),
      reportedMissed: sum('standingMissed'),
      toldFull: await count("SELECT COUNT(*) AS n FROM notifications WHERE title LIKE '长期预订%'"),
      ordersWithMissedDays: await count(`SELECT COUNT(*) AS n FROM standing_orders WHERE elderId IN (${elders.join(',')}) AND missed <> ''`),
      failed: sum('failed'),
    }).toEqual({ booked: 12, bookedByStandingOrders: 12, reportedBooked: 12, reportedMissed: 0, toldFull: 0, ordersWithMissedDays: 0, failed: 0 });

    // Every tick tried every job once: it ran it, or skipped it while another tick held it.
    const jobs = ok(await call('escalation', 'jobs', {}, as('admin')));
    const attempts: { job: string; outcome: string; startedAt: string | Date; finishedAt: string | Date }[] = await db.ds.query(
      'SELECT job, outcome, startedAt, finishedAt FROM timer_runs WHERE id > ? ORDER BY id',
      [lastRunBefore],
    );
    expect(attempts).toHaveLength(3 * jobs.length);
    expect(attempts.filter((a) => a.outcome === 'skipped')).toHaveLength(sum('skipped'));
    expect(sum('skipped')).toBeGreaterThan(0);
    for (const job of jobs) {
      const ran = attempts.filter((a) => a.job === job.name && a.outcome === 'ok');
      expect(attempts.filter((a) => a.job === job.name)).toHaveLength(3);
      expect(ran.length).toBeGreaterThanOrEqual(1);
      // Never two runs of one job at once: each ran after the previous one finished.
      const spans = ran.map((a) => [new Date(a.startedAt).getTime(), new Date(a.finishedAt).getTime()]).sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    }
    const standing = jobs.find((j) => j.name === 'bookings.standingOrders')!;
    expect(standing).toMatchObject({ state: 'idle', holder: null, lastOutcome: 'ok', failStreak: 0 });
    expect(standing.recent.filter((r) => r.outcome === 'ok').reduce((n, r) => n + (r.counts.standingBooked ?? 0), 0)).toBe(12);
  });

  it('a tick that starts while a job runs skips that job, runs the others, and says so', async () => {
    const started = deferred();
    const gate = deferred();
    let calls = 0;
    const slow: TimerJob = {
      name: 'test.slow',
      async run() {
        if (++calls > 1) return { slowDone: 1 }; // a second run at once would be the bug
        started.resolve();
        await gate.promise;
        return { slowDone: 1 };
      },
    };
    const after: TimerJob = { name: 'test.after', run: async () => ({ afterDone: 1 }) };

    const first = run([slow, after]);
    await started.promise;
    const [row] = await presentJobs(db.ds.manager, ['test.slow'], clock.now());
    expect(row).toMatchObject({ state: 'running', stateLabel: '运行中', lastOutcome: 'running' });
    expect(new Date(row.leaseUntil!).getTime() - clock.now().getTime()).toBeGreaterThan(60_000); // outlives WeChat's 60 s timeout

    expect(await run([slow, after])).toEqual({ afterDone: 1, skipped: 1, failed: 0 });
    gate.resolve();
    expect(await first).toEqual({ slowDone: 1, afterDone: 1, skipped: 0, failed: 0 });

    expect((await runsOf('test.slow')).map((r) => r.outcome)).toEqual(['ok', 'skipped']);
    expect(await jobRow('test.slow')).toMatchObject({ holder: null, leaseUntil: null, lastOutcome: 'ok' });
  });

  it('the lease of a run whose instance died lapses, and the next tick takes the job over', async () => {
    const started = deferred();
    const dead = deferred(); // the first run never returns: its instance was killed mid-run
    let calls = 0;
    const job: TimerJob = {
      name: 'test.crashy',
      async run() {
        if (++calls === 1) {
          started.resolve();
          await dead.promise;
        }
        return { crashyDone: 1 };
      },
    };
    const crashed = run([job]);
    await started.promise;

    clock.advance(LEASE_MS - 1000);
    expect(await run([job])).toEqual({ skipped: 1, failed: 0 }); // still leased
    clock.advance(2000);
    expect((await presentJobs(db.ds.manager, ['test.crashy'], clock.now()))[0]).toMatchObject({ state: 'lapsed' });
    expect(await run([job])).toEqual({ crashyDone: 1, skipped: 0, failed: 0 }); // taken over

    const runs = await runsOf('test.crashy');
    expect(runs.map((r) => [r.outcome, r.errorCode])).toEqual([
      ['failed', 'LEASE_LAPSED'],
      ['skipped', null],
      ['ok', null],
    ]);
    expect(await jobRow('test.crashy')).toMatchObject({ holder: null, lastOutcome: 'ok', failStreak: 0 });

    // Were the old run alive after all, finishing late never frees a lease it no longer holds.
    dead.resolve();
    await crashed;
    expect((await runsOf('test.crashy'))[0]).toMatchObject({ outcome: 'ok', errorCode: 'LEASE_LOST' });
    expect(await jobRow('test.crashy')).toMatchObject({ holder: null, lastOutcome: 'ok' });
  });

  it('a failing job is recorded as failed with a short message and the next jobs still run', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail: Error | null = new Error("ER_NO_SUCH_TABLE: Table 'hg.secret_table' doesn't exist");
    const boom: TimerJob = {
      name: 'test.boom',
      async run() {
        if (fail) throw fail;
        return { boomDone: 1 };
      },
    };
    const after: TimerJob = { name: 'test.afterBoom', run: async () => ({ afterDone: 1 }) };
    try {
      expect(await run([boom, after])).toEqual({ afterDone: 1, skipped: 0, failed: 1 });
      fail = new AppError(ErrorCode.CONFLICT, '状态已变化');
      expect(await run([boom, after])).toEqual({ afterDone: 1, skipped: 0, failed: 1 });
      expect(log).toHaveBeenCalledWith(expect.stringContaining('test.boom failed'), expect.any(Error)); // the stack goes to the function log
    } finally {
      log.mockRestore();
    }
    const runs = await runsOf('test.boom');
    expect(runs.map((r) => [r.outcome, r.errorCode])).toEqual([
      ['failed', 'INTERNAL'],
      ['failed', 'CONFLICT'],
    ]);
    expect(runs[0].errorMessage).toMatch(/^Error（日志编号 [0-9a-f]{8}）$/); // no SQL, no stack
    expect(runs[1].errorMessage).toBe('状态已变化');
    expect(await jobRow('test.boom')).toMatchObject({ holder: null, lastOutcome: 'failed', failStreak: 2, lastOkAt: null });
    expect((await runsOf('test.afterBoom')).map((r) => r.outcome)).toEqual(['ok', 'ok']);

    fail = null;
    expect(await run([boom])).toEqual({ boomDone: 1, skipped: 0, failed: 0 });
    const row = await jobRow('test.boom');
    expect(row).toMatchObject({ lastOutcome: 'ok', failStreak: 0 });
    expect(row.lastOkAt).not.toBeNull();
  });

  it(`keeps the newest ${RUNS_KEPT} attempts of a job`, async () => {
    const job: TimerJob = { name: 'test.often', run: async () => ({}) };
    for (let i = 0; i < RUNS_KEPT + 5; i++) await run([job]);
    expect(await count("SELECT COUNT(*) AS n FROM timer_runs WHERE job = 'test.often'")).toBe(RUNS_KEPT);
  });

  it('only the city admin and the platform read the jobs', async () => {
    for (const who of ['community_staff', 'care_staff', 'resident']) {
      expect(errorCode(await call('escalation', 'jobs', {}, as(who)))).toBe('FORBIDDEN');
    }
    expect(errorCode(await call('escalation', 'jobs', {}, null))).toBe('FORBIDDEN');
    const system = await runAction(FUNCTIONS.escalation, { action: 'jobs' }, { openid: null, system: true }, localPlatform());
    expect(system.ok).toBe(true);
    const jobs = ok(await call('escalation', 'jobs', {}, as('admin')));
    // The deployed jobs in run order, the test's hand-made ones not among them.
    expect(jobs.map((j) => j.name)).toEqual(expect.arrayContaining(['needs.escalateOverdue', 'bookings.standingOrders', 'ratings.closeEndedPeriods']));
    expect(jobs.some((j) => j.name.startsWith('test.'))).toBe(false);
    for (const j of jobs) expect(j).toMatchObject({ state: 'idle', lastOutcome: 'ok', failStreak: 0 });
  });
});

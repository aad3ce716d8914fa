import type { DataSource, EntityManager } from 'typeorm';
import { clock } from '../../cloud/src/core/clock';
import { localOutbox, localPlatform, type Platform, type PushOutcome, type SubscribeMessage } from '../../cloud/src/core/platform';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { notifyMany, Notifier } from '../../cloud/src/modules/notifications/public';
import { PushPriority1766200000000 } from '../../cloud/src/modules/notifications/migrations/1766200000000-PushPriority';
import { PUSH_BATCH, PUSH_MAX_ATTEMPTS, pushBackoffMs } from '../../cloud/src/modules/pushes/push-sender';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildNeed, call, newcomer, ok } from '../factories';
import { deliverPushes, resetPushes } from '../pushes';

jest.setTimeout(120_000);

const MIN = 60_000;
const msg = (title: string) => ({ kind: 'need_update' as const, title, body: '测试消息', subject: { subjectKind: 'need' as const, subjectId: 1 } });

/** A platform whose messenger answers from a script (then succeeds), recording every attempt. */
function scriptedPlatform(script: PushOutcome[]): { platform: Platform; attempts: SubscribeMessage[] } {
  const attempts: SubscribeMessage[] = [];
  const base = localPlatform();
  return {
    attempts,
    platform: {
      ...base,
      messenger: {
        async send(m) {
          attempts.push(m);
          return script.shift() ?? { ok: true };
        },
      },
    },
  };
}

/** An EntityManager on its own query runner that counts the statements it sends (transaction control excluded). */
async function countingManager(ds: DataSource): Promise<{ em: EntityManager; statements: string[]; release: () => Promise<void> }> {
  const qr = ds.createQueryRunner();
  const statements: string[] = [];
  const query = qr.query.bind(qr);
  qr.query = ((sql: string, ...rest: unknown[]) => {
    if (!/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql)) statements.push(sql);
    return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
  }) as typeof qr.query;
  return { em: qr.manager, statements, release: () => qr.release() };
}

describe.each(DIALECTS)('the push outbox on %s', (dialect) => {
  let db: TestDb;
  const pushRows = async (title: string) =>
    (await db.ds.query('SELECT userId, pushState, pushAttempts, pushError, pushAfter FROM notifications WHERE title = ? ORDER BY id', [title])) as {
      userId: number;
      pushState: string;
      pushAttempts: number;
      pushError: string | null;
      pushAfter: string | Date;
    }[];
  const userId = async (openid: string) => Number((await db.ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);

  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('an action writes its pushes as pending rows and sends nothing before it returns; the timer sends each once', async () => {
    await resetPushes(db.ds);
    const need = await buildNeed(db.ds);
    ok(await call('needs', 'comment', { needId: need.id, body: '师傅明天上午来' }, as('community_staff')));
    expect(localOutbox).toEqual([]);
    const pending = (await db.ds.query("SELECT COUNT(*) AS n FROM notifications WHERE pushState = 'pending'")) as { n: number }[];
    expect(Number(pending[0].n)).toBeGreaterThan(0);

    // The timer's tick runs the sender last, so it also sends what this tick's other jobs wrote.
    const tick = ok(await call('escalation', 'tick', {}, as('admin')));
    expect(tick.pushesSent).toBe(Number(pending[0].n));
    expect(localOutbox.length).toBe(Number(pending[0].n));
    expect(localOutbox).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: '新留言', page: `packages/needs/pages/detail/index?id=${need.id}` })]),
    );
    expect(Number((await db.ds.query("SELECT COUNT(*) AS n FROM notifications WHERE pushState = 'pending'"))[0].n)).toBe(0);

    // Nothing is sent twice.
    const again = await deliverPushes(db.ds);
    expect(again.pushesSent).toBe(0);
  });

  it('a failed send is retried with back-off, never lost, and given up as failed only after the last attempt', async () => {
    await resetPushes(db.ds);
    const [retried, givenUp] = [await userId(as('resident')), await userId(as('building_head'))];
    await runInTransaction(db.ds, (em) => new Notifier().to(em, [retried], msg('重试一次')));
    await runInTransaction(db.ds, (em) => new Notifier().to(em, [givenUp], msg('总是失败')));

    const busy: PushOutcome = { ok: false, final: false, code: '-1' };
    // Attempt 1 fails for both.
    const first = scriptedPlatform([busy, busy]);
    expect(await deliverPushes(db.ds, first.platform)).toMatchObject({ pushesSent: 0, pushesRetried: 2 });
    expect(await pushRows('重试一次')).toEqual([expect.objectContaining({ pushState: 'pending', pushAttempts: 1, pushError: '-1' })]);
    // Not due again before its back-off.
    clock.advance(pushBackoffMs(1) - 1000);
    const early = scriptedPlatform([]);
    await deliverPushes(db.ds, early.platform);
    expect(early.attempts).toEqual([]);
    // Due after it: the first succeeds now, the other keeps failing until the last attempt.
    clock.advance(2000);
    const second = scriptedPlatform([{ ok: true }, busy]);
    expect(await deliverPushes(db.ds, second.platform)).toMatchObject({ pushesSent: 1, pushesRetried: 1 });
    expect(await pushRows('重试一次')).toEqual([expect.objectContaining({ pushState: 'sent', pushAttempts: 2, pushError: null })]);
    for (let attempt = 3; attempt <= PUSH_MAX_ATTEMPTS; attempt++) {
      clock.advance(pushBackoffMs(attempt - 1) + 1000);
      await deliverPushes(db.ds, scriptedPlatform([busy]).platform);
    }
    expect(await pushRows('总是失败')).toEqual([expect.objectContaining({ pushState: 'failed', pushAttempts: PUSH_MAX_ATTEMPTS, pushError: '-1' })]);
    clock.advance(60 * MIN);
    const after = scriptedPlatform([]);
    await deliverPushes(db.ds, after.platform);
    expect(after.attempts).toEqual([]);
    // The in-app message stays whatever became of its push.
    expect(await pushRows('总是失败')).toHaveLength(1);
  });

  it('no consent (43101) is final; a thrown error is retried; a person without an openid is skipped', async () => {
    await resetPushes(db.ds);
    const u = await userId(as('resident'));
    await runInTransaction(db.ds, (em) => new Notifier().to(em, [u], msg('未订阅')));
    await runInTransaction(db.ds, (em) => new Notifier().to(em, [u], msg('网络异常')));
    await runInTransaction(db.ds, (em) => new Notifier().to(em, [99_999_999], msg('没有这个人')));
    const thrower: Platform = {
      ...localPlatform(),
      messenger: {
        async send(m) {
          if (m.title === '网络异常') throw new Error('socket hang up');
          return { ok: false, final: true, code: '43101' };
        },
      },
    };
    expect(await deliverPushes(db.ds, thrower)).toMatchObject({ pushesRefused: 1, pushesRetried: 1 });
    expect(await pushRows('未订阅')).toEqual([expect.objectContaining({ pushState: 'refused', pushError: '43101' })]);
    expect(await pushRows('网络异常')).toEqual([expect.objectContaining({ pushState: 'pending', pushError: 'socket hang up' })]);
    expect(await pushRows('没有这个人')).toEqual([expect.objectContaining({ pushState: 'skipped', pushError: 'NO_OPENID' })]);
    clock.advance(10 * MIN);
    const later = scriptedPlatform([]);
    await deliverPushes(db.ds, later.platform);
    expect(later.attempts.map((m) => m.title)).toEqual(['网络异常']);
  });

  it('a fan-out makes the same statements for 10 and for 1,000 recipients, and the sender works through them in batches', async () => {
    await resetPushes(db.ds);
    const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + i);
    const statementsFor = async (recipients: number[], title: string) => {
      const c = await countingManager(db.ds);
      try {
        await notifyMany(c.em, recipients, msg(title));
        await new Notifier().to(c.em, recipients, msg(`${title}-2`));
        return c.statements.length;
      } finally {
        await c.release();
      }
    };
    expect(await statementsFor(ids(10, 50_000_000), '十人')).toBe(2);
    expect(await statementsFor(ids(1000, 60_000_000), '千人')).toBe(2);
    expect(Number((await db.ds.query("SELECT COUNT(*) AS n FROM notifications WHERE title = '千人' AND pushState = 'pending'"))[0].n)).toBe(1000);

    // These people have no account (no openid): every row is settled, in batches of PUSH_BATCH.
    const c = await countingManager(db.ds);
    try {
      const counts = await (await import('../../cloud/src/modules/pushes/push-sender')).sendDuePushes({ em: c.em, platform: localPlatform() }, clock.now());
      expect(counts.pushesSent).toBe(0);
      const batches = Math.ceil(2020 / PUSH_BATCH);
      // Per batch: read the due rows, read their people, one UPDATE for the (single) outcome group; then one empty read.
      expect(c.statements.length).toBe(batches * 3 + (2020 % PUSH_BATCH === 0 ? 1 : 0));
    } finally {
      await c.release();
    }
    expect(Number((await db.ds.query("SELECT COUNT(*) AS n FROM notifications WHERE pushState = 'pending'"))[0].n)).toBe(0);
  });

  it('a message to its people goes out in the first batch even behind 1,000 fan-out rows', async () => {
    await resetPushes(db.ds);
    const openid = newcomer();
    ok(await call('me', 'get', {}, openid));
    const u = await userId(openid);
    // A city-wide fan-out written first (people without an account: settled as skipped), then one 派单.
    await runInTransaction(db.ds, (em) => notifyMany(em, Array.from({ length: 1000 }, (_, i) => 70_000_000 + i), msg('全市群发')));
    clock.advance(1000);
    await runInTransaction(db.ds, (em) => new Notifier().to(em, [u], msg('新派单')));
    const { readDuePushes } = await import('../../cloud/src/modules/notifications/public');
    const first = await readDuePushes(db.ds.manager, clock.now(), PUSH_BATCH);
    expect(first[0]).toMatchObject({ userId: u, title: '新派单' });
    expect(first.slice(1).every((r) => r.title === '全市群发')).toBe(true);

    // The sender's first batch sends it; the fan-out follows in later batches.
    const sent: string[] = [];
    const base = localPlatform();
    const platform: Platform = {
      ...base,
      messenger: {
        async send(m) {
          sent.push(m.title);
          return { ok: true };
        },
      },
    };
    await deliverPushes(db.ds, platform);
    expect(sent).toEqual(['新派单']);
    expect((await pushRows('全市群发')).every((r) => r.pushState === 'skipped')).toBe(true);
    clock.reset();
  });

  it('a person who subscribed gets the push of a fan-out too', async () => {
    await resetPushes(db.ds);
    const openid = newcomer();
    ok(await call('me', 'get', {}, openid));
    const u = await userId(openid);
    await runInTransaction(db.ds, (em) => notifyMany(em, [u], msg('群发')));
    expect(localOutbox).toEqual([]);
    await deliverPushes(db.ds);
    expect(localOutbox).toEqual([expect.objectContaining({ openid, title: '群发', template: 'need_update' })]);
  });
  it('the priority migration goes down and up again, keeping the pending rows', async () => {
    const migration = new PushPriority1766200000000();
    const q = db.ds.createQueryRunner();
    const pending = async () => Number((await db.ds.query("SELECT COUNT(*) AS n FROM notifications WHERE pushState = 'pending'"))[0].n);
    await runInTransaction(db.ds, (em) => new Notifier().to(em, [1], msg('迁移前')));
    const before = await pending();
    try {
      await migration.down(q);
      expect(await q.hasColumn('notifications', 'pushPriority')).toBe(false);
      expect((await q.getTable('notifications'))!.indices.map((i) => i.name)).toContain('IX_notifications_pushState_pushAfter');
      await migration.up(q);
      expect(await q.hasColumn('notifications', 'pushPriority')).toBe(true);
      expect((await q.getTable('notifications'))!.indices.map((i) => i.name)).toContain('IX_notifications_pushState_pushPriority_pushAfter');
    } finally {
      await q.release();
    }
    expect(await pending()).toBe(before);
  });
});

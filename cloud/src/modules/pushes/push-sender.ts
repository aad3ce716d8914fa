import type { EntityManager } from 'typeorm';
import { wechatPageOf, type MessageKind, type SubjectKind } from '@hg/types';
import type { TimerJob } from '../../core/module';
import type { Platform, PushOutcome } from '../../core/platform';
import { usersById } from '../identity/public';
import { readDuePushes, settlePushes, type DuePush, type PushState, type PushUpdate } from '../notifications/public';

/** Rows read per batch; a tick sends batches until the queue is empty or its time is up. */
export const PUSH_BATCH = 100;
/** Sends in flight at once (WeChat's subscribeMessage.send takes ~50–200 ms per call). */
const PARALLEL = 10;
/** Stop taking new batches after this long, well inside WeChat's 60 s function timeout. */
const TIME_BUDGET_MS = 30_000;
/** Attempts before a push is given up as `failed` (its in-app message stays). */
export const PUSH_MAX_ATTEMPTS = 6;
/** Back-off after the n-th failed attempt: 1, 2, 4, 8, 16 minutes. */
export const pushBackoffMs = (attempts: number): number => 60_000 * 2 ** (attempts - 1);

export type PushCounts = {
  pushesSent: number;
  pushesRetried: number;
  pushesRefused: number;
  pushesFailed: number;
};

/** Run `work` over `items` with at most `width` in flight; results in input order. */
async function pool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

/**
 * The outbox's sender: push every due pending message (oldest first, through the
 * (pushState, pushAfter) index), then write the outcomes back with one UPDATE per outcome group.
 * Sent → `sent`; no consent (43101) → `refused`, final; no template or no openid → `skipped`,
 * final; anything else → retried after a back-off, and `failed` after PUSH_MAX_ATTEMPTS. Every
 * outcome write is conditional on the row still being pending, so an overlapping sender (the
 * timer lease prevents one; the local loop and a tick could meet) never rewinds a row.
 * A push may be sent twice when an instance dies between sending and writing the outcome: the
 * outbox delivers at least once.
 */
export async function sendDuePushes(ctx: { em: EntityManager; platform: Platform }, now: Date): Promise<PushCounts> {
  const counts: PushCounts = { pushesSent: 0, pushesRetried: 0, pushesRefused: 0, pushesFailed: 0 };
  const started = Date.now();
  const seen = new Set<number>();
  for (;;) {
    const rows = await readDuePushes(ctx.em, now, PUSH_BATCH);
    // A row still pending after this tick wrote its outcome was lost to a racing writer: stop.
    const fresh = rows.filter((r) => !seen.has(r.id));
    if (!fresh.length) break;
    fresh.forEach((r) => seen.add(r.id));
    const users = await usersById(
      ctx.em,
      fresh.map((r) => r.userId),
    );
    const outcomes = await pool(fresh, PARALLEL, async (row): Promise<PushOutcome> => {
      const openid = users.get(row.userId)?.openid;
      if (!openid) return { ok: false, final: true, code: 'NO_OPENID' };
      try {
        return await ctx.platform.messenger.send({
          openid,
          template: row.pushKind as MessageKind,
          page: wechatPageOf({ subjectKind: (row.subjectKind ?? undefined) as SubjectKind | undefined, subjectId: row.subjectId ?? undefined }),
          title: row.title,
          body: row.body,
        });
      } catch (err) {
        return { ok: false, final: false, code: (err instanceof Error ? err.message : 'ERROR').slice(0, 60) };
      }
    });
    await writeOutcomes(ctx.em, fresh, outcomes, now, counts);
    if (rows.length < PUSH_BATCH || Date.now() - started > TIME_BUDGET_MS) break;
  }
  return counts;
}

async function writeOutcomes(em: EntityManager, rows: DuePush[], outcomes: PushOutcome[], now: Date, counts: PushCounts): Promise<void> {
  // Group rows by what gets written, so a batch of 100 takes a handful of UPDATEs, not 100.
  const groups = new Map<string, PushUpdate>();
  const add = (key: string, id: number, set: PushUpdate['set']) => {
    const g = groups.get(key) ?? { ids: [], set };
    g.ids.push(id);
    groups.set(key, g);
  };
  rows.forEach((row, i) => {
    const o = outcomes[i];
    const attempts = row.pushAttempts + 1;
    if (o.ok) {
      counts.pushesSent++;
      return add('sent', row.id, { pushState: 'sent', pushError: null });
    }
    if (o.final) {
      const state: PushState = o.code === '43101' ? 'refused' : 'skipped';
      if (state === 'refused') counts.pushesRefused++;
      return add(`${state}:${o.code}`, row.id, { pushState: state, pushError: o.code });
    }
    if (attempts >= PUSH_MAX_ATTEMPTS) {
      counts.pushesFailed++;
      return add(`failed:${o.code}`, row.id, { pushState: 'failed', pushError: o.code });
    }
    counts.pushesRetried++;
    add(`retry:${o.code}:${attempts}`, row.id, { pushError: o.code, pushAfter: new Date(now.getTime() + pushBackoffMs(attempts)) });
  });
  await settlePushes(em, [...groups.values()]);
}

/** The outbox's sender as a timer job, run last in each tick so this tick's messages go out too. */
export const sendPushes: TimerJob = {
  name: 'pushes.send',
  last: true,
  run: (ctx, now) => sendDuePushes(ctx, now),
};

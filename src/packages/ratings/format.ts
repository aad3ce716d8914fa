import type { LeaderboardDTO, MeDTO, MembershipDTO } from '@hg/types';
import type { Criterion, Weights } from '@hg/types/ratings';
import { isCalendarDay, localQuarter, nextQuarter, type LocalQuarter } from '@hg/types/local-time';

/** A positive integer id from a query string, or null. */
export function positiveId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** A 0–100 score as shown: 「86分」, or 「—」 when there is none. */
export function scoreText(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : `${Math.round(score)}分`;
}

type Row = LeaderboardDTO['rows'][number];

/** Ranked rows by rank, then the unranked (样本不足) ones last, by sample, largest first. */
export function boardOrder(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return b.sample - a.sample;
  });
}

/** Verified homes: only they may rate (BRIEF §6, eligibility on by default). */
export function verifiedHomes(profile: MeDTO | null): MembershipDTO[] {
  return (profile?.memberships ?? []).filter((m) => m.status === 'verified');
}

/** Sum of percent weights typed as text; NaN when one is not a whole number 0–100. */
export function weightSum(values: Record<Criterion, string>): number {
  let sum = 0;
  for (const v of Object.values(values)) {
    const n = Number(v);
    if (v.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100) return Number.NaN;
    sum += n;
  }
  return sum;
}

export function weightsToText(w: Weights): Record<Criterion, string> {
  return { organisation: String(w.organisation), team: String(w.team), service: String(w.service), satisfaction: String(w.satisfaction) };
}

/** `2026-11-05` style, and a day that exists: the same check as the schema's isoDay. */
export const isIsoDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDay(s);
/** Same rule as ZOpenPeriodRequest: quarterly 2026-Q4 or monthly 2026-11. */
export const PERIOD_CODE = /^20\d{2}-(Q[1-4]|\d{2})$/;

/** The quarter containing `now` in Beijing time (households rate only between a period's first and last day). */
export const quarterOf = (now: Date = new Date()): LocalQuarter => localQuarter(now);

/**
 * The period the admin is offered: the current quarter, or the first later one whose code is not
 * taken yet (after a period was opened and published the server would refuse it as 「该期号已存在」).
 */
export function nextFreeQuarter(taken: string[], now: Date = new Date()): LocalQuarter {
  let next = localQuarter(now);
  for (let i = 0; i < 40 && taken.includes(next.code); i += 1) next = nextQuarter(next);
  return next;
}

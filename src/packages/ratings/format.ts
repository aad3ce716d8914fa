import type { LeaderboardDTO, MeDTO, MembershipDTO } from '@hg/types';
import type { Criterion, Weights } from '@hg/types/ratings';

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

/** `2026-11-05` style: the period's days and the schema both use ISO days. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Same rule as ZOpenPeriodRequest: quarterly 2026-Q4 or monthly 2026-11. */
export const PERIOD_CODE = /^20\d{2}-(Q[1-4]|\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter after the one containing `now`, as a ready-to-open period. */
export function nextQuarter(now: Date = new Date()): { code: string; startsOn: string; endsOn: string } {
  let year = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 2;
  if (q > 4) {
    q = 1;
    year += 1;
  }
  const firstMonth = (q - 1) * 3 + 1;
  const lastDay = new Date(year, firstMonth + 2, 0).getDate();
  return { code: `${year}-Q${q}`, startsOn: `${year}-${pad(firstMonth)}-01`, endsOn: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}` };
}

/**
 * The next quarter whose code is not taken yet: after a period was opened and published, the form
 * must not offer the same code again (the server would refuse it as 「该期号已存在」).
 */
export function nextFreeQuarter(taken: string[], now: Date = new Date()): { code: string; startsOn: string; endsOn: string } {
  let next = nextQuarter(now);
  for (let i = 0; i < 40 && taken.includes(next.code); i += 1) {
    const [y, m] = next.startsOn.split('-').map(Number);
    // The last month of that quarter, 15th: nextQuarter() of it is the quarter after.
    next = nextQuarter(new Date(y, m + 1, 15));
  }
  return next;
}

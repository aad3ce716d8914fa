import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@hg/types';
import type { BallotChannel, TallyDTO } from '@hg/types/deliberation';
import { AppError } from '../../core/errors';
import { Ballot, ElectorateRow, type Matter, Tally } from './entities';
import { lockMatter, move, optionsOf } from './matters';

export interface TallyInput {
  eligible: number;
  options: number;
  /** Current ballots grouped by option and channel. */
  groups: readonly { optionIndex: number; channel: BallotChannel; n: number }[];
  quorumPercent: number;
  approvalPercent: number;
}

export type TallyResult = Omit<TallyDTO, 'version' | 'closedAt' | 'quorumPercent' | 'approvalPercent'>;

/**
 * The household vote's rule: valid when the households that voted are at least `quorumPercent` of
 * the electorate; approved when it is valid and one option leads alone with MORE than
 * `approvalPercent` of the ballots cast. Integer arithmetic only (no rounding at the edges).
 */
export function computeTally(t: TallyInput): TallyResult {
  const counts = Array.from({ length: t.options }, () => 0);
  const byChannel: Record<BallotChannel, number> = { online: 0, meeting: 0, proxy: 0 };
  for (const g of t.groups) {
    counts[g.optionIndex] += g.n;
    byChannel[g.channel] += g.n;
  }
  const ballots = counts.reduce((a, b) => a + b, 0);
  const top = Math.max(0, ...counts);
  const leaders = counts.flatMap((n, i) => (n === top ? [i] : []));
  const leadingOption = ballots > 0 && leaders.length === 1 ? leaders[0] : null;
  const quorumMet = t.eligible > 0 && ballots * 100 >= t.quorumPercent * t.eligible;
  const approved = quorumMet && leadingOption !== null && counts[leadingOption] * 100 > t.approvalPercent * ballots;
  const participationPercent = t.eligible ? Math.round((ballots * 1000) / t.eligible) / 10 : 0;
  return { eligible: t.eligible, ballots, byChannel, participationPercent, counts, quorumMet, approved, leadingOption };
}

/**
 * 结果运用: close a lapsed vote and store its tally, exactly once. The matter row is locked first
 * (ballots in flight hold its shared lock, so they commit before the count; later ones see the
 * closed step), a vote still at 发布公告 opens first (steps are never skipped: two events), the
 * close is the machine's compare-and-set, and the tally row is unique per matter. The timer and
 * staff's manual close both come here.
 */
export async function closeVote(em: EntityManager, matterId: number, now: Date, actorId: number | null): Promise<Tally> {
  const m = await lockMatter(em, matterId);
  if (!m.closesAt || now < m.closesAt) throw new AppError(ErrorCode.INVALID_TRANSITION, '投票尚未截止，不能结束');
  if (m.status === 'notice') await move(em, m, 'open', actorId, now);
  await move(em, m, 'close', actorId, now);
  return storeTally(em, m, now, actorId);
}

async function storeTally(em: EntityManager, m: Matter, now: Date, actorId: number | null): Promise<Tally> {
  const eligible = await em.count(ElectorateRow, { where: { matterId: m.id, version: m.version } });
  const raw: { optionIndex: number | string; channel: BallotChannel; n: number | string }[] = await em
    .createQueryBuilder(Ballot, 'b')
    .select('b.optionIndex', 'optionIndex')
    .addSelect('b.channel', 'channel')
    .addSelect('COUNT(*)', 'n')
    .where('b.matterId = :id AND b.version = :v AND b.status = :s', { id: m.id, v: m.version, s: 'current' })
    .groupBy('b.optionIndex')
    .addGroupBy('b.channel')
    .getRawMany();
  const result = computeTally({
    eligible,
    options: optionsOf(m).length,
    groups: raw.map((r) => ({ optionIndex: Number(r.optionIndex), channel: r.channel, n: Number(r.n) })),
    quorumPercent: m.quorumPercent ?? 50,
    approvalPercent: m.approvalPercent ?? 50,
  });
  const row = em.create(Tally, {
    matterId: m.id,
    version: m.version,
    eligible: result.eligible,
    ballots: result.ballots,
    online: result.byChannel.online,
    meeting: result.byChannel.meeting,
    proxy: result.byChannel.proxy,
    counts: JSON.stringify(result.counts),
    quorumMet: result.quorumMet,
    approved: result.approved,
    leadingOption: result.leadingOption,
    quorumPercent: m.quorumPercent ?? 50,
    approvalPercent: m.approvalPercent ?? 50,
    closedAt: now,
    closedById: actorId,
  });
  await em.insert(Tally, row);
  return row;
}

export function presentTally(t: Tally): TallyDTO {
  return {
    version: t.version,
    eligible: t.eligible,
    ballots: t.ballots,
    byChannel: { online: t.online, meeting: t.meeting, proxy: t.proxy },
    participationPercent: t.eligible ? Math.round((t.ballots * 1000) / t.eligible) / 10 : 0,
    counts: JSON.parse(t.counts) as number[],
    quorumMet: !!t.quorumMet,
    approved: !!t.approved,
    leadingOption: t.leadingOption,
    quorumPercent: t.quorumPercent,
    approvalPercent: t.approvalPercent,
    closedAt: t.closedAt.toISOString(),
  };
}

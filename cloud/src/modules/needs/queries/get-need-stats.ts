import { ZNeedStatsRequest, type NeedStatsDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { communitiesWhere, organisationsByIds } from '../../community/public';
import { usersById } from '../../identity/public';
import { Need } from '../need.entity';
import { clock } from '../../../core/clock';
import { isOverdue, median, minutesBetween, outcomeOf, round } from './need-outcome';
import { periodOf, staffScope } from './need-scope';

type Row = Pick<
  Need,
  | 'id'
  | 'communityId'
  | 'status'
  | 'leftBuilding'
  | 'level'
  | 'acceptDueAt'
  | 'resolveDueAt'
  | 'receiverOrgId'
  | 'receiverUserId'
  | 'rating'
  | 'createdAt'
  | 'firstResponseAt'
  | 'resolvedAt'
>;

interface Tally {
  created: number;
  solved: number;
  unfixed: number;
  inBuilding: number;
  completion: number[];
  ratings: number[];
}
const tally = (): Tally => ({ created: 0, solved: 0, unfixed: 0, inBuilding: 0, completion: [], ratings: [] });
/** Left the building level at some point (小事不出楼栋 counts only needs that never did). */
const climbed = (n: Pick<Need, 'leftBuilding' | 'level'>) => n.leftBuilding || n.level !== 'building';
const average = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * 数据看板 for the needs created in [from, to): how many, how they ended (solved and unfixed
 * apart), median minutes to the first response and to completion, the share of solved needs
 * settled inside the building, and the average of the ratings residents actually gave — a need
 * auto-closed without a rating is solved but never counts as stars. A merged duplicate is counted
 * in `created` and `merged` only, never as 未解决. `overdue` is the open needs past their real SLA
 * deadline now and `escalated` those that ever climbed: escalation does not reset either.
 *
 * Completion = createdAt → resolvedAt of a solved need. A reopen clears resolvedAt and only a
 * new 办结 makes the need solved again, so on a solved need it is always the last resolve (the
 * last 'resolved' event), never the first one the resident sent back.
 *
 * Durations are computed in JS from the fetched timestamps (date arithmetic is not portable
 * between MySQL and SQLite). One narrow row per need: fine for a community-year, and the period
 * is capped at 366 days; a city-wide dashboard at much larger volumes would want a nightly
 * rollup table instead.
 */
export const getNeedStats = defineAction({
  input: ZNeedStatsRequest,
  async handler(input, { actor, ds }): Promise<NeedStatsDTO> {
    const em = ds.manager;
    const scope = await staffScope(em, actor, input.communityId);
    const { from, to } = periodOf(input);
    const qb = em
      .createQueryBuilder(Need, 'n')
      .select([
        'n.id',
        'n.communityId',
        'n.status',
        'n.leftBuilding',
        'n.level',
        'n.acceptDueAt',
        'n.resolveDueAt',
        'n.receiverOrgId',
        'n.receiverUserId',
        'n.rating',
        'n.createdAt',
        'n.firstResponseAt',
        'n.resolvedAt',
      ])
      .where('n.createdAt >= :from AND n.createdAt < :to', { from, to });
    if (scope !== 'all') qb.andWhere('n.communityId IN (:...scope)', { scope });
    const rows: Row[] = await qb.getMany();

    const all = tally();
    let open = 0;
    let merged = 0;
    let overdue = 0;
    let escalated = 0;
    const now = clock.now();
    const firstResponse: number[] = [];
    const byCommunity = new Map<number, Tally>();
    const byReceiver = new Map<string, Tally & { kind: 'org' | 'user'; id: number }>();
    for (const n of rows) {
      const outcome = outcomeOf(n.status);
      const community = byCommunity.get(n.communityId) ?? tally();
      byCommunity.set(n.communityId, community);
      all.created++;
      community.created++;
      if (n.firstResponseAt) firstResponse.push(minutesBetween(n.createdAt, n.firstResponseAt));
      if (outcome === 'open') open++;
      if (outcome === 'merged') merged++;
      if (outcome === 'open' && isOverdue(n, now)) overdue++;
      if (climbed(n)) escalated++;
      if (outcome === 'unfixed') {
        all.unfixed++;
        community.unfixed++;
      }
      if (n.rating !== null) all.ratings.push(n.rating);
      if (outcome !== 'solved') continue;

      const kind = n.receiverOrgId ? 'org' : 'user';
      const id = n.receiverOrgId ?? n.receiverUserId ?? 0;
      const receiver = byReceiver.get(`${kind}:${id}`) ?? { ...tally(), kind, id };
      byReceiver.set(`${kind}:${id}`, receiver);
      for (const t of [all, community, receiver]) {
        t.solved++;
        if (!climbed(n)) t.inBuilding++;
        if (n.resolvedAt) t.completion.push(minutesBetween(n.createdAt, n.resolvedAt));
      }
      if (n.rating !== null) receiver.ratings.push(n.rating);
    }

    // Every community in scope gets a row, zeros included: a quiet community is news too.
    const [communities, orgs, users] = await Promise.all([
      communitiesWhere(em, { ids: scope }),
      organisationsByIds(
        em,
        [...byReceiver.values()].filter((r) => r.kind === 'org').map((r) => r.id),
      ),
      usersById(
        em,
        [...byReceiver.values()].filter((r) => r.kind === 'user').map((r) => r.id),
      ),
    ]);
    const share = (t: Tally) => (t.solved ? round(t.inBuilding / t.solved, 4) : null);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      created: all.created,
      solved: all.solved,
      unfixed: all.unfixed,
      open,
      medianFirstResponseMinutes: round(median(firstResponse), 1),
      medianCompletionMinutes: round(median(all.completion), 1),
      buildingLevelShare: share(all),
      averageRating: round(average(all.ratings), 2),
      ratedCount: all.ratings.length,
      byCommunity: communities.map((c) => {
        const t = byCommunity.get(c.id) ?? tally();
        return { id: c.id, name: c.name, created: t.created, solved: t.solved, unfixed: t.unfixed, buildingLevelShare: share(t) };
      }),
      byReceiver: [...byReceiver.values()]
        .filter((r) => r.id > 0)
        .sort((a, b) => b.solved - a.solved || a.id - b.id)
        .map((r) => ({
          kind: r.kind,
          id: r.id,
          name: (r.kind === 'org' ? orgs.get(r.id)?.name : users.get(r.id)?.name) ?? '',
          solved: r.solved,
          medianCompletionMinutes: round(median(r.completion), 1),
          averageRating: round(average(r.ratings), 2),
        })),
      merged,
      overdue,
      escalated,
    };
  },
});

import type { EntityManager } from 'typeorm';
import { ASSESSOR_ROLES, STAFF_ROLES } from '@hg/types';
import { compoundsWhere, organisationsByIds, type CompoundRow } from '../community/public';
import { verifiedResidentsQuery } from '../households/public';
import { usersWithRoleOver } from '../identity/public';
import { notifyMany, type Notifier } from '../notifications/public';
import { FirmResult, HouseholdRating, type RatingPeriod } from './entities';

/**
 * Who ratings tells what (issue 16, item 3). Residents are a fan-out (notifyMany: one statement,
 * in-app only); the firm's staff, moderators, assessors and an author are few and get the in-app
 * row, which is also the outbox entry of its WeChat subscribe message (Notifier).
 */

const pathOf = (c: Pick<CompoundRow, 'streetId' | 'communityId' | 'id'>) => ({ streetId: c.streetId, communityId: c.communityId, compoundId: c.id });

/** Compounds with a property firm: the ones whose households rate. */
async function ratedCompounds(em: EntityManager): Promise<CompoundRow[]> {
  return (await compoundsWhere(em)).filter((c) => !!c.propertyOrgId);
}

/** The staff of a firm over the compounds it serves (one query per compound; a firm serves a few). */
export async function firmStaff(em: EntityManager, firmId: number): Promise<number[]> {
  const ids = new Set<number>();
  for (const c of await compoundsWhere(em, { propertyOrgId: firmId }))
    for (const id of await usersWithRoleOver(em, ['org_staff'], pathOf(c), firmId)) ids.add(id);
  return [...ids];
}

/** Assessors over any rated compound (one query per community: they are scoped to streets, communities or the city). */
export async function assessorsOfCity(em: EntityManager): Promise<number[]> {
  const compounds = await ratedCompounds(em);
  const byCommunity = new Map(compounds.map((c) => [c.communityId, c]));
  const ids = new Set<number>();
  for (const c of byCommunity.values())
    for (const id of await usersWithRoleOver(em, ASSESSOR_ROLES, { streetId: c.streetId, communityId: c.communityId })) ids.add(id);
  return [...ids];
}

/** A period opened: every verified resident of a rated compound (one statement), and the assessors. */
export async function announcePeriodOpened(em: EntityManager, notifier: Notifier, period: RatingPeriod): Promise<number> {
  const compounds = await ratedCompounds(em);
  const residents = await notifyMany(
    em,
    verifiedResidentsQuery(
      em,
      compounds.map((c) => c.id),
    ),
    {
      kind: 'rating_period',
      subject: { subjectKind: 'rating-period', subjectId: period.id },
      title: '物业评价开始了',
      body: `${period.code} 期物业服务评价已开始（${period.startsOn} 至 ${period.endsOn}），每户一票，欢迎为本小区物业打分`,
    },
  );
  await notifier.to(em, await assessorsOfCity(em), {
    kind: 'rating_period',
    subject: { subjectKind: 'rating-assessment', subjectId: period.id },
    title: '物业考评期已开始',
    body: `${period.code} 期考评已开始，请在 ${period.endsOn} 前为辖区物业企业打分（组织建设、队伍建设、服务质量）`,
  });
  return residents;
}

/** Assessors, before the last day: the period closes after `endsOn`. */
export async function remindAssessors(em: EntityManager, notifier: Notifier, period: RatingPeriod): Promise<number> {
  const assessors = await assessorsOfCity(em);
  await notifier.to(em, assessors, {
    kind: 'rating_period',
    subject: { subjectKind: 'rating-assessment', subjectId: period.id },
    title: '物业考评即将截止',
    body: `${period.code} 期考评将于 ${period.endsOn} 结束，截止后不能再打分，请尽快完成`,
  });
  return assessors.length;
}

/**
 * Results published: residents of rated compounds (one statement); each rated firm's staff with
 * its stars and the public comments waiting for its reply.
 */
export async function announceResults(em: EntityManager, notifier: Notifier, period: RatingPeriod): Promise<number> {
  const compounds = await ratedCompounds(em);
  const residents = await notifyMany(
    em,
    verifiedResidentsQuery(
      em,
      compounds.map((c) => c.id),
    ),
    {
      kind: 'rating_result',
      subject: { subjectKind: 'rating-results', subjectId: period.id },
      title: '物业评价结果公示',
      body: `${period.code} 期物业星级结果公示中（至${period.publicityEndsOn ?? ''}），可在物业星级榜查看本小区物业的得分与评语`,
    },
  );
  const results = await em.find(FirmResult, { where: { periodId: period.id }, order: { id: 'ASC' } });
  const firmIds = [...new Set(results.map((r) => r.firmId))];
  const comments: { firmId: number | string; n: number | string }[] = firmIds.length
    ? await em
        .createQueryBuilder(HouseholdRating, 'r')
        .select('r.firmId', 'firmId')
        .addSelect('COUNT(*)', 'n')
        .where('r.periodId = :periodId', { periodId: period.id })
        .andWhere("r.commentPublic <> ''")
        .andWhere("r.commentStatus = 'visible'")
        .groupBy('r.firmId')
        .getRawMany()
    : [];
  const commentCount = new Map(comments.map((c) => [Number(c.firmId), Number(c.n)]));
  const firms = await organisationsByIds(em, firmIds);
  for (const firmId of firmIds) {
    const stars = results.filter((r) => r.firmId === firmId).map((r) => (r.starsX2 === null ? '样本不足' : `${r.starsX2 / 2}星`));
    const n = commentCount.get(firmId) ?? 0;
    await notifier.to(em, await firmStaff(em, firmId), {
      kind: 'rating_result',
      subject: { subjectKind: 'firm-ratings', subjectId: firmId },
      title: '本期评价结果公示',
      body:
        `${firms.get(firmId)?.name ?? '贵公司'} ${period.code} 期：${stars.join('、')}；公示至${period.publicityEndsOn ?? ''}，有异议可在公示期内提出` +
        (n ? `；${n} 条居民评语待回应，请在评价反馈中公开回应` : '；本期没有居民评语'),
    });
  }
  return residents;
}

type Rated = Pick<HouseholdRating, 'id' | 'householdId' | 'userId' | 'firmId' | 'streetId' | 'communityId' | 'compoundId'>;

/** Reports hid a comment: moderators over its compound review it; its author and the firm are told. */
export async function tellCommentHidden(em: EntityManager, notifier: Notifier, r: Rated): Promise<void> {
  await notifier.to(em, await usersWithRoleOver(em, STAFF_ROLES, pathOf({ id: r.compoundId, streetId: r.streetId, communityId: r.communityId })), {
    kind: 'rating_task',
    subject: { subjectKind: 'rating-comment', subjectId: r.id },
    title: '有评语待审核',
    body: '一条物业评语被多次举报，已暂时隐藏，请在评论审核中决定保留或删除',
  });
  await notifier.to(em, [r.userId], {
    kind: 'rating_comment',
    subject: { subjectKind: 'household-rating', subjectId: r.householdId },
    title: '您的评语已暂时隐藏',
    body: '您对物业的评语被多次举报，已暂时隐藏，等待社区审核；您的评分不受影响',
  });
  await notifier.to(em, await firmStaff(em, r.firmId), {
    kind: 'rating_task',
    subject: { subjectKind: 'firm-ratings', subjectId: r.firmId },
    title: '一条评语因举报被隐藏',
    body: '一条关于贵公司的居民评语被多次举报，已暂时隐藏，由社区审核后决定是否恢复',
  });
}

/**
 * A moderator decided: the author is told whether the comment is shown again or taken down, and
 * the firm too when the comment was public (a period in 公示 or final). `from` is the state it
 * left: hidden (reports hid it; the usual queue), visible (taken down directly, e.g. in 结果审核
 * before 公示) or removed (given back). A period is closed by then, so nobody is told to rewrite.
 */
export async function tellCommentDecided(
  em: EntityManager,
  notifier: Notifier,
  r: Rated,
  decision: { keep: boolean; from: 'visible' | 'hidden' | 'removed'; public: boolean },
  moderatorId: number,
): Promise<void> {
  const { keep, from } = decision;
  const reported = from === 'hidden';
  await notifier.to(
    em,
    [r.userId],
    keep
      ? {
          kind: 'rating_comment',
          subject: { subjectKind: 'household-rating', subjectId: r.householdId },
          title: '您的评语已恢复显示',
          body: reported ? '社区审核后保留了您对物业的评语，已重新公开显示' : '经重新审核，您对物业的评语已恢复，将按期公开显示',
        }
      : {
          kind: 'rating_comment',
          subject: { subjectKind: 'household-rating', subjectId: r.householdId },
          title: reported ? '您的评语已被删除' : '您的评语未予公开',
          body: reported
            ? '社区审核后删除了您对物业的评语，不再公开显示；您的评分仍然有效'
            : '审核后决定不公开您对物业的评语；您的评分仍然有效，照常计入结果',
        },
    moderatorId,
  );
  if (!decision.public) return;
  await notifier.to(
    em,
    await firmStaff(em, r.firmId),
    {
      kind: 'rating_task',
      subject: { subjectKind: 'firm-ratings', subjectId: r.firmId },
      title: keep ? (reported ? '被举报的评语已恢复' : '一条评语已恢复显示') : reported ? '被举报的评语已删除' : '一条评语已撤下',
      body: keep
        ? reported
          ? '社区审核后保留了一条被举报的居民评语，已重新公开显示'
          : '审核后恢复显示了一条居民评语'
        : reported
          ? '社区审核后删除了一条被举报的居民评语'
          : '审核后撤下了一条居民评语，不再公开显示',
    },
    moderatorId,
  );
}

/** The firm replied to a comment for the first time: its author is told, and the message opens the firm's page with the reply under it. */
export async function tellReplied(
  em: EntityManager,
  notifier: Notifier,
  r: Pick<HouseholdRating, 'userId' | 'firmId'>,
  firmName: string,
  replierId: number,
): Promise<void> {
  await notifier.to(
    em,
    [r.userId],
    {
      kind: 'rating_comment',
      subject: { subjectKind: 'rating-reply', subjectId: r.firmId },
      title: '物业回复了您的评语',
      body: `${firmName || '物业企业'}公开回复了您对物业的评语，点开查看`,
    },
    replierId,
  );
}

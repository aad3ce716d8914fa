import type { EntityManager } from 'typeorm';
import { CRITERION_LABEL, type Criterion } from '@hg/types';
import { organisationsByIds } from '../community/public';
import type { Notifier } from '../notifications/public';
import { FirmResult, type RatingPeriod } from './entities';
import { firmStaff } from './rating-messages';
import type { RatingObjection } from './review.entities';

/**
 * Who review tells what (issue 16, item 4). Few people each time, so in-app and
 * WeChat from the outbox (Notifier): the admins when a firm objects; the firm's staff when an objection is
 * answered, a result corrected or the period made final.
 */

/** A firm objected: the city admins answer it before the period can be final. */
export async function tellObjectionLodged(em: EntityManager, notifier: Notifier, o: RatingObjection, admins: number[], periodCode: string): Promise<void> {
  const firm = (await organisationsByIds(em, [o.firmId])).get(o.firmId);
  await notifier.to(
    em,
    admins,
    {
      kind: 'rating_task',
      subject: { subjectKind: 'rating-objections', subjectId: o.periodId },
      title: '物业企业对评价结果提出异议',
      body: `${firm?.name ?? '一家物业企业'}对 ${periodCode} 期结果提出异议，请在公示期内答复；全部答复后才能定稿`,
    },
    o.authorId,
  );
}

/** The admin answered: the firm's staff read the answer (and that the result was corrected). */
export async function tellObjectionAnswered(em: EntityManager, notifier: Notifier, o: RatingObjection, by: number): Promise<void> {
  await notifier.to(
    em,
    await firmStaff(em, o.firmId),
    {
      kind: 'rating_result',
      subject: { subjectKind: 'rating-objections', subjectId: o.firmId },
      title: o.status === 'upheld' ? '您的异议已采纳，结果已更正' : '您的异议未被采纳',
      body: `答复：${o.answer}`,
    },
    by,
  );
}

/** A result was corrected: the firm's staff see the new figures and the reason. */
export async function tellResultCorrected(
  em: EntityManager,
  notifier: Notifier,
  r: Pick<FirmResult, 'firmId' | 'starsX2' | 'criteria' | 'version'>,
  period: Pick<RatingPeriod, 'code'>,
  reason: string,
  by: number,
): Promise<void> {
  const criteria = JSON.parse(r.criteria) as Record<Criterion, number | null>;
  const scores = (['organisation', 'team', 'service'] as Criterion[]).map((c) => `${CRITERION_LABEL[c]}${criteria[c] ?? '—'}`).join('、');
  await notifier.to(
    em,
    await firmStaff(em, r.firmId),
    {
      kind: 'rating_result',
      // The firm's page shows the corrected figures, 已更正 and the 更正记录 (评价反馈 does not).
      subject: { subjectKind: 'firm-card', subjectId: r.firmId },
      title: '评价结果已更正',
      body: `${period.code} 期结果已更正为第${r.version}版（${r.starsX2 === null ? '样本不足' : `${r.starsX2 / 2}星`}；${scores}）。原因：${reason}`,
    },
    by,
  );
}

/** The period is final (定稿): each rated firm's staff are told. */
export async function announceFinal(em: EntityManager, notifier: Notifier, period: RatingPeriod): Promise<void> {
  const firmIds = [...new Set((await em.find(FirmResult, { where: { periodId: period.id } })).map((r) => r.firmId))];
  for (const firmId of firmIds)
    await notifier.to(em, await firmStaff(em, firmId), {
      kind: 'rating_result',
      subject: { subjectKind: 'firm-ratings', subjectId: firmId },
      title: '本期评价结果已定稿',
      body: `${period.code} 期公示期满，结果已定稿公布；如需更正，由管理员说明原因后另出新版本`,
    });
}

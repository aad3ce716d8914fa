import { IsNull } from 'typeorm';
import { FINDING_CATEGORY_LABEL } from '@hg/types/grids';
import { ZFileFindingRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { conflict, invalidInput, invalidTransition, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { firstVerifiedMemberOf } from '../../households/public';
import { fileNeedOnTransaction } from '../../needs/public';
import { GridFinding, GridVisit } from '../entities';

/**
 * 转为需求: a finding the worker could not solve on the spot becomes a need in one tap — filed by
 * the worker (代办, the needs module's proxy rule: inside their grids) for the visited household,
 * who is the one called back; the finding keeps the need's id. Exactly once: the transaction
 * first claims the finding by a conditional update on `filedAt IS NULL` (a parallel tap waits on
 * the row and then finds it taken), files the need on the same transaction and writes its id
 * (unique). Every tap gets the one need.
 */
export const fileFinding = defineAction({
  input: ZFileFindingRequest,
  async handler(input, { ds, actor, tx, platform }) {
    const finding = await ds.manager.findOne(GridFinding, { where: { id: input.findingId } });
    const visit = finding ? await ds.manager.findOne(GridVisit, { where: { id: finding.visitId } }) : null;
    if (!finding || !visit || visit.workerId !== actor.userId) throw notFound('走访发现');
    if (finding.needId) return { findingId: finding.id, needId: finding.needId, created: false };
    if (finding.solved) throw invalidTransition('这项发现已当场解决，无需转为需求');
    if (!visit.householdId) throw invalidTransition('楼栋走访的发现请在需求中按楼栋公共区域上报');

    const member = await firstVerifiedMemberOf(ds.manager, visit.householdId);
    const contactName = input.contactName ?? member?.applicantName;
    const contactPhone = input.contactPhone ?? member?.applicantPhone;
    if (!contactName) throw invalidInput('contactName', '该户没有认证居民，请填写居民姓名');
    if (!contactPhone) throw invalidInput('contactPhone', '该户没有认证居民，请填写联系电话');

    const label = FINDING_CATEGORY_LABEL[finding.category];
    const description = `网格走访发现（${label}${finding.count > 1 ? ` ${finding.count}处` : ''}）${finding.text ? `：${finding.text}` : ''}`;
    const filed = await tx(async (em) => {
      const now = clock.now();
      const claim = await em.update(GridFinding, { id: finding.id, filedAt: IsNull(), needId: IsNull() }, { filedAt: now });
      if (!claim.affected) return null;
      const need = await fileNeedOnTransaction(em, { ds, actor, platform }, { categoryId: input.categoryId, householdId: visit.householdId!, description, contactName, contactPhone });
      await em.update(GridFinding, { id: finding.id }, { needId: need.id });
      await recordEvent(em, { subjectKind: 'grid_visit', subjectId: visit.id, action: 'finding_filed', actorId: actor.userId, at: now, data: { findingId: finding.id, needId: need.id } });
      return need.id;
    });
    if (filed !== null) return { findingId: finding.id, needId: filed, created: true };
    const taken = await ds.manager.findOne(GridFinding, { where: { id: finding.id } });
    if (!taken?.needId) throw conflict('这项发现正在转为需求，请稍后刷新');
    return { findingId: finding.id, needId: taken.needId, created: false };
  },
});

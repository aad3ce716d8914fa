import { ErrorCode } from '@hg/types';
import { ZEditAgreementRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { AppError, conflict } from '../../../core/errors';
import { runAgreementStep } from '../agreement-flow';
import { checkTerms, moveAgreement, writeItems } from '../agreements';
import { AGREEMENT_MACHINE } from '../cobuilding-status';
import { AgreementItem } from '../entities';

/**
 * 修改协议: in draft only, against the version the editor read. The fields given replace the
 * draft's (items as a whole); the version goes up and any signature given so far is cleared, since
 * it signed other terms. Once signed the items are frozen (INVALID_TRANSITION).
 */
export const editAgreement = defineAction({
  input: ZEditAgreementRequest,
  handler: ({ agreementId, version, ...fields }, ctx) =>
    runAgreementStep(ctx, agreementId, async (em, a, _rel, now) => {
      if (!AGREEMENT_MACHINE.allows('edit', a.status)) throw new AppError(ErrorCode.INVALID_TRANSITION, '协议已签订，共建事项不能再修改');
      if (a.version !== version) throw conflict('协议刚刚被其他人修改，请查看最新版本');
      const period = { startsOn: fields.startsOn ?? a.startsOn, endsOn: fields.endsOn ?? a.endsOn };
      const items = fields.items ?? (await em.find(AgreementItem, { where: { agreementId }, order: { position: 'ASC' } }));
      checkTerms(period, items);
      if (fields.items) await writeItems(em, a.id, fields.items);
      await moveAgreement(em, a, 'edit', ctx.actor.userId, now, {
        title: fields.title ?? a.title,
        ...period,
        version: a.version + 1,
        departmentSignedById: null,
        departmentSignedAt: null,
        partySignedById: null,
        partySignedAt: null,
      });
    }),
});

import { ErrorCode } from '@hg/types';
import { ZCloseAgreementRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { AppError, forbidden } from '../../../core/errors';
import { runAgreementStep } from '../agreement-flow';
import { moveAgreement } from '../agreements';
import { AGREEMENT_MACHINE } from '../cobuilding-status';
import { Delivery } from '../entities';

/**
 * 结束协议: the street or community closes a signed agreement with a note, once no delivery waits
 * for its confirmation. The agreement's row lock makes a delivery recorded meanwhile wait (its
 * shared lock) and then find the agreement closed.
 */
export const closeAgreement = defineAction({
  input: ZCloseAgreementRequest,
  handler: ({ agreementId, note }, ctx) =>
    runAgreementStep(ctx, agreementId, async (em, a, rel, now) => {
      if (!rel.party) throw forbidden('只有街道、社区工作人员可以结束协议');
      if (!AGREEMENT_MACHINE.allows('close', a.status)) throw new AppError(ErrorCode.INVALID_TRANSITION, a.status === 'draft' ? '协议尚未签订' : '协议已结束');
      if (await em.exists(Delivery, { where: { agreementId, status: 'pending' } }))
        throw new AppError(ErrorCode.INVALID_TRANSITION, '还有待确认的交付记录，请先确认或不认可');
      await moveAgreement(em, a, 'close', ctx.actor.userId, now, { closedAt: now, closeNote: note }, { note });
    }),
});

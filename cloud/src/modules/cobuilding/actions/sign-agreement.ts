import { ErrorCode } from '@hg/types';
import { ZSignAgreementRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { AppError, conflict } from '../../../core/errors';
import { runAgreementStep } from '../agreement-flow';
import { moveAgreement } from '../agreements';
import { AGREEMENT_MACHINE } from '../cobuilding-status';
import type { Agreement } from '../entities';

/**
 * 签字: the caller's side (the department, or the street/community) signs the version it read. The
 * first side's signature is `endorsed` (still a draft); the second side's is `signed`, and from
 * then on the items are frozen and deliveries may be recorded.
 */
export const signAgreement = defineAction({
  input: ZSignAgreementRequest,
  handler: ({ agreementId, version }, ctx) =>
    runAgreementStep(ctx, agreementId, async (em, a, rel, now) => {
      if (!AGREEMENT_MACHINE.allows('sign', a.status)) throw new AppError(ErrorCode.INVALID_TRANSITION, '协议已签订');
      if (a.version !== version) throw conflict('协议已修改，请查看最新版本后再签字');
      const patch: Partial<Agreement> = {};
      const sides: string[] = [];
      if (rel.department && !a.departmentSignedById) {
        Object.assign(patch, { departmentSignedById: ctx.actor.userId, departmentSignedAt: now });
        sides.push('department');
      }
      if (rel.party && !a.partySignedById) {
        Object.assign(patch, { partySignedById: ctx.actor.userId, partySignedAt: now });
        sides.push('party');
      }
      if (!sides.length) throw new AppError(ErrorCode.INVALID_TRANSITION, '本方已签字，等待对方签字');
      const both = (a.departmentSignedById || patch.departmentSignedById) && (a.partySignedById || patch.partySignedById);
      if (both) await moveAgreement(em, a, 'sign', ctx.actor.userId, now, { ...patch, signedAt: now }, { version, side: sides.join(',') });
      else await moveAgreement(em, a, 'endorse', ctx.actor.userId, now, patch, { version, side: sides[0] });
    }),
});

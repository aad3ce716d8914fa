import { ZAgreementRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { relationTo } from '../cobuilding.policy';
import { presentAgreement } from '../cobuilding.presenter';
import { Agreement } from '../entities';

/** An agreement with its items, progress and history, for its department, its party and the staff above (others: NOT_FOUND). */
export const getAgreement = defineAction({
  input: ZAgreementRequest,
  async handler({ agreementId }, ctx) {
    const em = ctx.ds.manager;
    const a = await em.findOne(Agreement, { where: { id: agreementId } });
    const rel = relationTo(ctx.actor, a);
    return presentAgreement(em, a!, rel, clock.now());
  },
});

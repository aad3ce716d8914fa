import type { EntityManager } from 'typeorm';
import type { AgreementDTO } from '@hg/types/cobuilding';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { forbidden } from '../../core/errors';
import { relationTo, type Relation } from './cobuilding.policy';
import { presentAgreement } from './cobuilding.presenter';
import { lockAgreement } from './agreements';
import type { Agreement } from './entities';

/**
 * Every step on an agreement: one transaction that locks it (its first read), hides it from people
 * with no part in it (NOT_FOUND), refuses those who only watch it (FORBIDDEN), runs the step (which
 * moves the state through the machine and writes its event); then the agreement as the caller sees it.
 */
export async function runAgreementStep(
  ctx: ActionContext,
  agreementId: number,
  step: (em: EntityManager, a: Agreement, rel: Relation, now: Date) => Promise<void>,
): Promise<AgreementDTO> {
  const now = clock.now();
  const { row, rel } = await ctx.tx(async (em) => {
    const a = await lockAgreement(em, agreementId);
    const r = relationTo(ctx.actor, a);
    if (!r.department && !r.party) throw forbidden('只有协议双方（职能部门和街道、社区工作人员）可以操作');
    await step(em, a, r, now);
    return { row: a, rel: r };
  });
  return presentAgreement(ctx.ds.manager, row, rel, now);
}

import { ZCreateAgreementRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { isDepartmentStaff, isPartyStaff } from '../cobuilding.policy';
import { presentAgreement } from '../cobuilding.presenter';
import { AGREEMENT_MACHINE } from '../cobuilding-status';
import { checkTerms, partiesOf, writeItems } from '../agreements';
import { Agreement } from '../entities';

/** 起草协议: the department's staff, or staff of the street or community, draft an agreement with its items (first event: `drafted`). */
export const createAgreement = defineAction({
  input: ZCreateAgreementRequest,
  async handler(input, ctx) {
    const now = clock.now();
    const place = await partiesOf(ctx.ds.manager, input.departmentId, input.party, input.partyId);
    const rel = { department: isDepartmentStaff(ctx.actor, input.departmentId), party: isPartyStaff(ctx.actor, place) };
    if (!rel.department && !rel.party) throw forbidden('只有该职能部门或本街道、社区的工作人员可以起草共建协议');
    checkTerms(input, input.items);
    const row = await ctx.tx(async (em) => {
      const a = em.create(Agreement, {
        departmentId: input.departmentId,
        party: input.party,
        ...place,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: 'draft',
        version: 1,
        draftedById: ctx.actor.userId,
        departmentSignedById: null,
        departmentSignedAt: null,
        partySignedById: null,
        partySignedAt: null,
        signedAt: null,
        closedAt: null,
        closeNote: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Agreement, a);
      await writeItems(em, a.id, input.items);
      await recordEvent(em, {
        subjectKind: AGREEMENT_MACHINE.name,
        subjectId: a.id,
        action: 'drafted',
        from: null,
        to: 'draft',
        actorId: ctx.actor.userId,
        at: now,
      });
      return a;
    });
    return presentAgreement(ctx.ds.manager, row, rel, now);
  },
});

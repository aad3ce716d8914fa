import { In } from 'typeorm';
import { ASSESSOR_ROLES, ZEmptyRequest, type AssessableFirmDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { organisationsWhere, servedCompoundsUnder } from '../../community/public';
import { assignmentsOf, isAssessor } from '../../identity/public';
import { AssessorScore } from '../entities';
import { openPeriod } from '../periods';

/** 考评 work list: property firms serving compounds in the assessor's scope, with their own scores this period. */
export const listAssessable = defineAction({
  input: ZEmptyRequest,
  async handler(_input, { actor, ds }) {
    if (!isAssessor(actor)) throw forbidden('只有考评员可以查看');
    const em = ds.manager;
    // The compounds under the assessor's nodes that a firm serves, filtered in SQL (not the city's read and filtered here).
    const compounds = await servedCompoundsUnder(em, assignmentsOf(actor, ASSESSOR_ROLES));
    const firmIds = [...new Set(compounds.map((c) => c.propertyOrgId!))];
    if (!firmIds.length) return [];
    const firms = await organisationsWhere(em, { ids: firmIds, kind: 'property_firm' });
    const period = await openPeriod(em);
    const mine = period ? await em.find(AssessorScore, { where: { periodId: period.id, assessorId: actor.userId, firmId: In(firmIds) } }) : [];
    return firms.map((f): AssessableFirmDTO => {
      const a = mine.find((m) => m.firmId === f.id);
      return {
        firm: { id: f.id, name: f.name },
        compounds: compounds.filter((c) => c.propertyOrgId === f.id).map((c) => ({ id: c.id, name: c.name })),
        assessment: a
          ? {
              firm: { id: f.id, name: f.name },
              periodId: a.periodId,
              scores: { organisation: a.organisation, team: a.team, service: a.service },
              note: a.note,
              photoIds: JSON.parse(a.photoIds) as string[],
              updatedAt: a.updatedAt.toISOString(),
            }
          : null,
      };
    });
  },
});

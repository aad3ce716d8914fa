import { ZObjectionsRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { isCityAdmin } from '../../identity/public';
import { objectionsWhere } from '../review';
import { presentObjections } from '../review.presenter';

/**
 * Objections: the admin reads every firm's (of a period, or all), a firm's staff only their own
 * firm's; nobody else sees them (not residents, not other firms).
 */
export const listObjections = defineAction({
  input: ZObjectionsRequest,
  async handler({ periodId, firmId }, ctx) {
    const em = ctx.ds.manager;
    if (isCityAdmin(ctx.actor)) return presentObjections(em, await objectionsWhere(em, { periodId, firmIds: firmId ? [firmId] : undefined }), ctx.actor);
    const own = ctx.actor.roles.filter((r) => r.role === 'org_staff' && r.organisationId).map((r) => r.organisationId as number);
    const firmIds = firmId ? own.filter((f) => f === firmId) : own;
    if (!firmIds.length) throw forbidden('只有管理员和该物业企业的工作人员可以查看异议');
    return presentObjections(em, await objectionsWhere(em, { periodId, firmIds }), ctx.actor);
  },
});

import { ZRevokeRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidTransition, notFound } from '../../../core/errors';
import { assignmentById, endAssignment, mayAppoint } from '../../identity/public';
import { presentAppointments } from '../appointment.presenter';
import { placeOf } from '../places';

/** 撤销: the level above ends a post with a reason; the row stays as history and the holder loses the role at their next call. */
export const revokeAppointment = defineAction({
  input: ZRevokeRequest,
  async handler({ id, reason }, { ds, actor, tx }) {
    const ended = await tx(async (em) => {
      const row = await assignmentById(em, id);
      if (!row) throw notFound('任命');
      const place = await placeOf(em, row.scopeLevel, row.scopeId);
      if (!place || !mayAppoint(actor, row.role, row.scopeLevel, place.path)) throw forbidden('只能由上一级在其辖区内撤销该岗位');
      if (row.endedAt || !(await endAssignment(em, { id, byId: actor.userId, at: clock.now(), reason }))) throw invalidTransition('该任命已经撤销');
      return (await assignmentById(em, id))!;
    });
    const [dto] = await presentAppointments(ds.manager, [ended], () => false);
    return dto;
  },
});

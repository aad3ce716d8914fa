import { ROLE_LABEL, ZRevokeRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidTransition, notFound } from '../../../core/errors';
import { assignmentById, endAssignment, mayAppoint } from '../../identity/public';
import { Notifier } from '../../notifications/public';
import { presentAppointments } from '../appointment.presenter';
import { placeOf } from '../places';

/** 撤销: the level above ends a post with a reason; the row stays as history, the holder is told and loses the role at their next call. */
export const revokeAppointment = defineAction({
  input: ZRevokeRequest,
  async handler({ id, reason }, { ds, actor, tx }) {
    const ended = await tx(async (em) => {
      const row = await assignmentById(em, id);
      if (!row) throw notFound('任命');
      const place = await placeOf(em, row.scopeLevel, row.scopeId);
      if (!place || !mayAppoint(actor, row.role, row.scopeLevel, place.path)) throw forbidden('只能由上一级在其辖区内撤销该岗位');
      if (row.endedAt || !(await endAssignment(em, { id, byId: actor.userId, at: clock.now(), reason }))) throw invalidTransition('该任命已经撤销');
      await new Notifier().to(em, [row.userId], {
        kind: 'post_update',
        title: `您的${place.name}${ROLE_LABEL[row.role]}职务已撤销`,
        body: `撤销人：${actor.name || '上级'}；原因：${reason}`,
        subject: null,
      });
      return (await assignmentById(em, id))!;
    });
    const [dto] = await presentAppointments(ds.manager, [ended], () => false);
    return dto;
  },
});

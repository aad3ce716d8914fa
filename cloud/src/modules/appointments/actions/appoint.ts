import { ZAppointRequest, appointmentRule } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, notFound } from '../../../core/errors';
import { organisationById } from '../../community/public';
import { appoint, isHeadRole, mayAppoint, usersWithPhone } from '../../identity/public';
import { presentAppointments } from '../appointment.presenter';
import { organisationsIn, placeOf } from '../places';

/**
 * 任命: the level above puts the person using this phone in a post on one node. A head's place
 * already held is a CONFLICT unless `replace` ends the current head in the same transaction.
 */
export const appointAction = defineAction({
  input: ZAppointRequest,
  async handler(input, { ds, actor, tx }) {
    const rule = appointmentRule(input.role, input.scopeLevel);
    if (!rule) throw invalidInput('scopeLevel', '该岗位不设在这一层级');
    const place = await placeOf(ds.manager, input.scopeLevel, input.scopeId);
    if (!place) throw notFound('任职地点');
    if (!mayAppoint(actor, input.role, input.scopeLevel, place.path)) throw forbidden('只能由上一级在其辖区内任命该岗位');
    if (input.replace && !isHeadRole(input.role)) throw invalidInput('replace', '只有小区长、楼栋长、单元长可以接替现任');

    let organisationId = 0;
    if (rule.organisation === 'none') {
      if (input.organisationId !== undefined) throw invalidInput('organisationId', '该岗位不属于任何单位');
    } else {
      if (input.organisationId === undefined) throw invalidInput('organisationId', '请选择所在单位');
      const org = await organisationById(ds.manager, input.organisationId);
      const working = org && (await organisationsIn(ds.manager, place.path.communityId, rule.organisation)).some((o) => o.id === org.id);
      if (!working) throw invalidInput('organisationId', '该单位不在本社区开展工作，或不是此岗位所属的单位类型');
      organisationId = input.organisationId;
    }

    const people = await usersWithPhone(ds.manager, input.phone, 2);
    if (!people.length) throw invalidInput('phone', '没有找到使用该手机号的用户，请其先登录小程序并填写手机号');
    if (people.length > 1) throw invalidInput('phone', '有多个账号使用该手机号，无法确定是谁：请其在“我的”中核对手机号');
    const [person] = people;

    const row = await tx((em) =>
      appoint(em, {
        userId: person.id,
        role: input.role,
        scopeLevel: input.scopeLevel,
        scopeId: input.scopeId,
        organisationId,
        byId: actor.userId,
        at: clock.now(),
        note: input.note || null,
        replace: input.replace,
      }),
    );
    const [dto] = await presentAppointments(ds.manager, [row], () => true);
    return dto;
  },
});

import type { EntityManager } from 'typeorm';
import { HEAD_LEVEL, ROLE_LABEL, ZAppointRequest, appointmentRule, type Role } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, notFound } from '../../../core/errors';
import { organisationById } from '../../community/public';
import { appoint, assignmentsOn, isHeadRole, mayAppoint, usersWithPhone } from '../../identity/public';
import { Notifier } from '../../notifications/public';
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

    const row = await tx(async (em) => {
      const at = clock.now();
      const replaced = input.replace ? await currentHeadOf(em, input.role, input.scopeId) : [];
      const made = await appoint(em, {
        userId: person.id,
        role: input.role,
        scopeLevel: input.scopeLevel,
        scopeId: input.scopeId,
        organisationId,
        byId: actor.userId,
        at,
        note: input.note || null,
        replace: input.replace,
      });
      // The appointee and a head it replaced hear it in the message centre (and by subscribe message).
      const notifier = new Notifier();
      const post = `${place.name}${ROLE_LABEL[input.role]}`;
      await notifier.to(em, [person.id], { kind: 'post_update', title: `您已被任命为${post}`, body: `任命人：${actor.name || '上级'}`, subject: null, excerpt: input.note || undefined });
      if (replaced.length)
        await notifier.to(em, replaced.filter((id) => id !== person.id), { kind: 'post_update', title: `您的${post}职务已由新任命接替`, body: `操作人：${actor.name || '上级'}`, subject: null });
      return made;
    });
    const [dto] = await presentAppointments(ds.manager, [row], () => true);
    return dto;
  },
});

/** Who holds a head's place now (before `replace` ends their row), to tell them. */
async function currentHeadOf(em: EntityManager, role: Role, scopeId: number): Promise<number[]> {
  const { active } = await assignmentsOn(em, [{ level: HEAD_LEVEL[role]!, ids: [scopeId] }], 1);
  return active.filter((a) => a.role === role).map((a) => a.userId);
}

import { BOOKING_RULES, localYear, ZVerifyElderRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, notFound } from '../../../core/errors';
import { bookingChannel, isCentreStaff } from '../booking.policy';
import { presentElders } from '../booking.presenter';
import { Elder } from '../elder.entity';
import { verifyElderStatus } from '../elder-verification';

/**
 * 核实老人情况: centre staff check an elder's declared age, 独居, 低保 and 特困 against documents (and
 * correct what differs); from then on the verified status earns the subsidy. Who and when are kept.
 * People with no part in the elder get NOT_FOUND; the elder, family and grid workers FORBIDDEN.
 */
export const verifyElder = defineAction({
  input: ZVerifyElderRequest,
  async handler({ elderId, ...corrections }, ctx) {
    const now = clock.now();
    const year = localYear(now);
    if (corrections.birthYear !== undefined && year - corrections.birthYear < BOOKING_RULES.minAge)
      throw invalidInput('birthYear', `日间照料服务面向${BOOKING_RULES.minAge}岁以上老人`);
    const elder = await ctx.tx(async (em) => {
      const row = await em.findOne(Elder, { where: { id: elderId } });
      if (!row || (!isCentreStaff(ctx.actor, row.centreId) && !(await bookingChannel(em, ctx.actor, row)))) throw notFound('老人档案');
      if (!isCentreStaff(ctx.actor, row.centreId)) throw forbidden('只有本中心工作人员可以核实老人情况');
      return verifyElderStatus(em, { elder: row, by: ctx.actor.userId, at: now, corrections });
    });
    const [dto] = await presentElders(ctx.ds.manager, [elder], ctx.actor, now);
    return dto;
  },
});

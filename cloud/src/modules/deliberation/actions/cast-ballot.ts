import { ZCastBallotRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden } from '../../../core/errors';
import { membershipOf } from '../../households/public';
import { castBallot } from '../ballots';
import { assertVisible } from '../deliberation.policy';
import { Matter } from '../entities';
import { presentBallot } from '../matter.presenter';
import { optionsOf } from '../matters';

/**
 * 投票: a verified member casts the household's ballot online, or changes it until close (the
 * latest counts; the earlier row is kept, superseded). Pending or unbound people are refused
 * (FORBIDDEN); a matter outside the caller's homes is NOT_FOUND.
 */
export const castBallotAction = defineAction({
  input: ZCastBallotRequest,
  async handler({ matterId, householdId, optionIndex }, ctx) {
    const now = clock.now();
    const em = ctx.ds.manager;
    const membership = await membershipOf(em, householdId, ctx.actor.userId);
    if (membership?.status !== 'verified') throw forbidden('只有已认证的本户居民可以投票');
    const { households } = await assertVisible(em, ctx.actor, await em.findOne(Matter, { where: { id: matterId } }));
    if (!households.includes(householdId)) throw forbidden('本户不在本议题的表决范围内');
    const { ballot, matter } = await ctx.tx((tx) =>
      castBallot(tx, { matterId, householdId, optionIndex, channel: 'online', castById: ctx.actor.userId, replace: true, now }),
    );
    return presentBallot(ballot, optionsOf(matter));
  },
});

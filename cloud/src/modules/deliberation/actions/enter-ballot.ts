import { ZEnterBallotRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden } from '../../../core/errors';
import { castBallot } from '../ballots';
import { assertVisible } from '../deliberation.policy';
import { Matter } from '../entities';

/**
 * 录入纸质选票: an organiser enters a meeting or proxy ballot for a household of the electorate
 * (rooms without a verified member vote this way), recorded as entered by them. When the household
 * already has a ballot the call is refused with CONFLICT naming its channel and time (never its
 * choice) until it is repeated with `replace: true`; the replaced row is kept.
 */
export const enterBallot = defineAction({
  input: ZEnterBallotRequest,
  async handler({ matterId, householdId, optionIndex, channel, replace }, ctx) {
    const now = clock.now();
    const { organiser } = await assertVisible(ctx.ds.manager, ctx.actor, await ctx.ds.manager.findOne(Matter, { where: { id: matterId } }));
    if (!organiser) throw forbidden('只有社区工作人员和本范围的小区长、楼栋长、单元长可以录入纸质选票');
    const { ballot, replaced } = await ctx.tx((tx) =>
      castBallot(tx, { matterId, householdId, optionIndex, channel, castById: ctx.actor.userId, replace: replace === true, now }),
    );
    return { matterId, householdId, channel: ballot.channel, castAt: ballot.castAt.toISOString(), replaced: !!replaced };
  },
});

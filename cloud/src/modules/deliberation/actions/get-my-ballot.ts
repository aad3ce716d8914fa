import { ZMyBallotRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { membershipOf } from '../../households/public';
import { ballotKey } from '../ballots';
import { assertVisible } from '../deliberation.policy';
import { Ballot, Matter } from '../entities';
import { presentBallot } from '../matter.presenter';
import { optionsOf } from '../matters';

/**
 * 本户选票: how the household voted on the current version, for the household's own verified
 * members and nobody else (not staff, not heads: they see participation only). Null when it has not
 * voted (or its ballot was voided by a new version).
 */
export const getMyBallot = defineAction({
  input: ZMyBallotRequest,
  async handler({ matterId, householdId }, ctx) {
    const em = ctx.ds.manager;
    const membership = await membershipOf(em, householdId, ctx.actor.userId);
    if (membership?.status !== 'verified') throw forbidden('只有已认证的本户居民可以查看本户选票');
    const matter = await em.findOne(Matter, { where: { id: matterId } });
    const { households } = await assertVisible(em, ctx.actor, matter);
    if (!matter || !households.includes(householdId)) throw forbidden('本户不在本议题的表决范围内');
    const ballot = await em.findOne(Ballot, { where: { currentKey: ballotKey(matter.id, matter.version, householdId) } });
    return ballot ? presentBallot(ballot, optionsOf(matter)) : null;
  },
});

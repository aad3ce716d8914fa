import { ZMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { forbidden, invalidTransition } from '../../../core/errors';
import { householdPlaces } from '../../households/public';
import { assertVisible } from '../deliberation.policy';
import { Ballot, ElectorateRow, Matter } from '../entities';

/**
 * 参与情况: which households of the electorate have a current ballot and by which channel — never
 * the choice — for the matter's organisers (staff and the heads of its place), to chase turnout.
 */
export const getParticipation = defineAction({
  input: ZMatterRequest,
  async handler({ matterId }, ctx) {
    const em = ctx.ds.manager;
    const matter = await em.findOne(Matter, { where: { id: matterId } });
    const { organiser } = await assertVisible(em, ctx.actor, matter);
    if (!organiser || !matter) throw forbidden('只有社区工作人员和本范围的三长可以查看参与情况');
    if (!matter.version) throw invalidTransition('议题尚未发布');
    const electorate = await em.find(ElectorateRow, { where: { matterId, version: matter.version }, order: { householdId: 'ASC' } });
    const ballots = await em.find(Ballot, { select: { householdId: true, channel: true }, where: { matterId, version: matter.version, status: 'current' } });
    const channelOf = new Map(ballots.map((b) => [b.householdId, b.channel]));
    const places = await householdPlaces(
      em,
      electorate.map((e) => e.householdId),
    );
    const households = electorate.map((e) => {
      const p = places.get(e.householdId);
      return {
        householdId: e.householdId,
        place: p ? `${p.building.name}${p.unit.name}${p.room}` : '',
        voted: channelOf.has(e.householdId),
        channel: channelOf.get(e.householdId) ?? null,
      };
    });
    return { matterId, version: matter.version, eligible: electorate.length, voted: channelOf.size, households };
  },
});

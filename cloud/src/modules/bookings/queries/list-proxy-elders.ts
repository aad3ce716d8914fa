import { BOOKING_CHANNEL_LABEL, localYear, PROXY_ROLES, ZProxyEldersRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden } from '../../../core/errors';
import { organisationsWhere } from '../../community/public';
import { assignmentsOf, scopeFilter } from '../../identity/public';
import { bookingChannelFor } from '../booking.policy';
import { Elder } from '../elder.entity';
import { elderView, elderViewers } from '../elder-visibility';

/** Enough for a patch's elders by name prefix; a longer list is narrowed by typing. */
const PROXY_LIST_MAX = 50;

/**
 * 为老人代订: the elders a grid worker, head or community staff member may book for — those whose
 * home is in the places their proxy roles cover (the profile's community, and its compound,
 * building and unit when known), by name prefix. The SQL narrows by scope; each row is then decided
 * by the one proxy rule (bookingChannelFor) and shown as elder-visibility's proxy view allows:
 * name, age and 独居 — never 低保, health, diet, address or phone.
 */
export const listProxyElders = defineAction({
  input: ZProxyEldersRequest,
  async handler({ q }, { actor, ds }) {
    const held = assignmentsOf(actor, PROXY_ROLES);
    if (!held.length) throw forbidden('只有网格员、楼栋长等可以为老人代订');
    const qb = ds.manager.createQueryBuilder(Elder, 'e');
    const scope = scopeFilter('e', held);
    if (scope) qb.where(scope.sql, scope.params);
    if (q) qb.andWhere("e.name LIKE :prefix ESCAPE '!'", { prefix: `${q.replace(/[!%_]/g, (c) => `!${c}`)}%` });
    const rows = await qb
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(PROXY_LIST_MAX)
      .getMany();
    const mine = rows.flatMap((elder) => {
      const channel = bookingChannelFor(actor, elder);
      return channel && channel !== 'self' ? [{ elder, channel }] : [];
    });
    const centres = new Map((await organisationsWhere(ds.manager, { ids: [...new Set(mine.map((m) => m.elder.centreId))], kind: 'day_care_centre' })).map((c) => [c.id, c]));
    const year = localYear(clock.now());
    return mine.map(({ elder, channel }) => {
      const view = elderView(elderViewers(actor, elder, false));
      return {
        id: elder.id,
        centreId: elder.centreId,
        centreName: centres.get(elder.centreId)?.name ?? '',
        name: elder.name,
        age: year - elder.birthYear,
        livesAlone: view.livingSituation ? elder.livesAlone : false,
        hasAccount: elder.userId !== null,
        channelLabel: BOOKING_CHANNEL_LABEL[channel],
      };
    });
  },
});

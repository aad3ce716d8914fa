import { ZCentresRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { notFound } from '../../../core/errors';
import { compoundExists, organisationsWhere } from '../../community/public';
import { membershipsOf } from '../../households/public';
import { presentCentres } from '../booking.presenter';
import { centresServing, centresStaffedBy } from '../centres';

/**
 * 日间照料中心: the centres serving one compound (`compoundId`, the compound home — public
 * information: name, hotline, community) or, without it, the compounds of the caller's verified
 * homes; plus the centres the caller works for. Each centre once, by id. `all`: every centre (a
 * family member living elsewhere looks for their parent's).
 */
export const listCentres = definePublicAction({
  input: ZCentresRequest,
  async handler({ compoundId, all }, { actor, ds }) {
    const em = ds.manager;
    if (all) return presentCentres(em, await organisationsWhere(em, { kind: 'day_care_centre' }));
    let compoundIds: number[] = [];
    if (compoundId) {
      if (!(await compoundExists(em, compoundId))) throw notFound('小区');
      compoundIds = [compoundId];
    } else if (actor) {
      compoundIds = (await membershipsOf(em, actor.userId)).filter((m) => m.status === 'verified').map((m) => m.compoundId);
    }
    const serving = await centresServing(em, compoundIds);
    const staffed = actor ? await centresStaffedBy(em, actor) : [];
    const unique = new Map([...serving, ...staffed].map((c) => [c.id, c]));
    return presentCentres(
      em,
      [...unique.values()].sort((a, b) => a.id - b.id),
    );
  },
});

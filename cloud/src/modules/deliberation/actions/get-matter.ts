import { ZMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { assertVisible } from '../deliberation.policy';
import { Matter } from '../entities';
import { presentMatter } from '../matter.presenter';

/** A matter with its rule, version, hash and (after close) its stored tally, for its organisers and the verified residents of its place. */
export const getMatter = defineAction({
  input: ZMatterRequest,
  async handler({ matterId }, ctx) {
    const em = ctx.ds.manager;
    const m = await em.findOne(Matter, { where: { id: matterId } });
    const viewer = await assertVisible(em, ctx.actor, m);
    return presentMatter(em, m!, viewer, clock.now());
  },
});

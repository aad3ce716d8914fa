import { ZEmptyRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { presentElders } from '../booking.presenter';
import { Elder } from '../elder.entity';

/** 我的档案: the caller's own elder profiles (one per centre they registered with). */
export const listMyElders = defineAction({
  input: ZEmptyRequest,
  async handler(_input, { actor, ds }) {
    const rows = await ds.manager.find(Elder, { where: { userId: actor.userId }, order: { id: 'ASC' } });
    return presentElders(ds.manager, rows, actor, clock.now());
  },
});

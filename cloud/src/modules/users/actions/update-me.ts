import { ZUpdateMeRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { User } from '../user.entity';
import { loadMe } from './get-me';

/** Edit one's own name or phone. Bindings keep the name and phone given when applying. */
export const updateMe = defineAction({
  input: ZUpdateMeRequest,
  async handler(input, { actor, ds }) {
    const patch: Partial<User> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (Object.keys(patch).length) await ds.manager.update(User, { id: actor.userId }, patch);
    return loadMe(ds.manager, { ...actor, name: input.name ?? actor.name, phone: input.phone ?? actor.phone });
  },
});

import { ZUpdateMeRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { updateProfile } from '../../identity/public';
import { loadMe } from './get-me';

/** Edit one's own name or phone. Bindings keep the name and phone given when applying. */
export const updateMe = defineAction({
  input: ZUpdateMeRequest,
  async handler(input, { actor, ds }) {
    await updateProfile(ds.manager, actor.userId, input);
    return loadMe(ds.manager, { ...actor, name: input.name ?? actor.name, phone: input.phone ?? actor.phone });
  },
});

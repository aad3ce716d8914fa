import { ZCompoundRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { loadCompoundHome } from '../load-compound-home';

/** The public compound home: name, community, property firm, services, counts. */
export const getCompound = definePublicAction({
  input: ZCompoundRequest,
  handler: ({ compoundId }, { ds }) => loadCompoundHome(ds.manager, compoundId),
});

import type { TUpdateMeRequest } from '@hg/types';
import { callFunction } from './transport';

/** The signed-in person: profile, role assignments with scope names, household memberships. */
export const me = {
  get: () => callFunction('me', 'get', {}),
  update: (input: TUpdateMeRequest) => callFunction('me', 'update', input),
};

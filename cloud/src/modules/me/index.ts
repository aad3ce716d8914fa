import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { householdsModule } from '../households';
import { identityModule } from '../identity';
import { getMe } from './actions/get-me';
import { updateMe } from './actions/update-me';

/** The `me` cloud function's action table. */
export const meActions = {
  get: getMe,
  update: updateMe,
} satisfies ActionTableFor<'me'>;

/** 我的: the caller's profile, roles, bindings and capabilities. Owns no table. */
export const meModule: DomainModule = {
  name: 'me',
  entities: [],
  requires: [identityModule, communityModule, householdsModule],
  functions: { me: meActions },
};

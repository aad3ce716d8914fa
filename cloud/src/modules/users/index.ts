import { getMe } from './actions/get-me';
import { updateMe } from './actions/update-me';

/** The `me` cloud function's action table. */
export const meActions = {
  get: getMe,
  update: updateMe,
};

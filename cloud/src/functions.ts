import type { FunctionName } from '@hg/types';
import type { ActionTable } from './core/action';
import { communityActions } from './modules/community';
import { householdActions } from './modules/households';
import { meActions } from './modules/users';

/**
 * Every cloud function by name, as the local gateway serves them. Each entry is also a deployable
 * function in cloud/functions/<name>/ with the same table.
 */
export const FUNCTIONS: Record<FunctionName, ActionTable> = {
  me: meActions,
  community: communityActions,
  households: householdActions,
};

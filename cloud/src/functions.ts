import type { FunctionName } from '@hg/types';
import type { ActionTable } from './core/action';
import { communityActions } from './modules/community';
import { escalationActions } from './modules/escalation';
import { householdActions } from './modules/households';
import { needActions } from './modules/needs';
import { notificationActions } from './modules/notifications';
import { meActions } from './modules/users';

/**
 * Every cloud function by name, as the local gateway serves them. Each entry is also a deployable
 * function in cloud/functions/<name>/ with the same table.
 */
export const FUNCTIONS: Record<FunctionName, ActionTable> = {
  me: meActions,
  community: communityActions,
  households: householdActions,
  needs: needActions,
  notifications: notificationActions,
  escalation: escalationActions,
};

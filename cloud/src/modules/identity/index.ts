import type { DomainModule } from '../../core/module';
import { RoleAssignment } from './role-assignment.entity';
import { UsageCounter } from './usage-counter.entity';
import { User } from './user.entity';

/** The identity kernel: users and their scoped role assignments. No actions of its own. */
export const identityModule: DomainModule = {
  name: 'identity',
  entities: [User, RoleAssignment, UsageCounter],
};

import type { DomainModule } from '../../core/module';
import { Appointments1766300000000 } from './migrations/1766300000000-Appointments';
import { RoleAssignment } from './role-assignment.entity';
import { UsageCounter } from './usage-counter.entity';
import { User } from './user.entity';

/**
 * The identity kernel: users and their scoped role assignments with their dated history. No
 * actions of its own (the appointments module runs 任命 / 撤销 through its functions).
 */
export const identityModule: DomainModule = {
  name: 'identity',
  entities: [User, RoleAssignment, UsageCounter],
  migrations: [Appointments1766300000000],
};

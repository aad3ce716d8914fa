import type { DomainModule } from '../../core/module';
import { GridAssignment, GridCoverage } from './grid-scope.entity';
import { Appointments1766300000000 } from './migrations/1766300000000-Appointments';
import { GridScopes1766600000000 } from './migrations/1766600000000-GridScopes';
import { RoleAssignment } from './role-assignment.entity';
import { UsageCounter } from './usage-counter.entity';
import { User } from './user.entity';

/**
 * The identity kernel: users and their scoped role assignments with their dated history, and the
 * red grids' coverage and workers (the grid worker's scope). No
 * actions of its own (the appointments module runs 任命 / 撤销 through its functions).
 */
export const identityModule: DomainModule = {
  name: 'identity',
  entities: [User, RoleAssignment, UsageCounter, GridCoverage, GridAssignment],
  migrations: [Appointments1766300000000, GridScopes1766600000000],
};

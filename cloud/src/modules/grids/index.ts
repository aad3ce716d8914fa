import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { householdsModule } from '../households';
import { identityModule } from '../identity';
import { needsModule } from '../needs';
import { settingsModule } from '../settings';
import { GRIDS_SETTINGS } from '@hg/types/grids-schemas';
import { addCoverage } from './actions/add-coverage';
import { assignWorker } from './actions/assign-worker';
import { cancelPlan } from './actions/cancel-plan';
import { correctVisit } from './actions/correct-visit';
import { createGrid } from './actions/create-grid';
import { editVisit } from './actions/edit-visit';
import { endCoverage } from './actions/end-coverage';
import { fileFinding } from './actions/file-finding';
import { flagTarget } from './actions/flag-target';
import { getGrid } from './actions/get-grid';
import { getVisit } from './actions/get-visit';
import { listGrids } from './actions/list-grids';
import { listPlans } from './actions/list-plans';
import { listTargets } from './actions/list-targets';
import { listVisits } from './actions/list-visits';
import { recordVisit } from './actions/record-visit';
import { unassignWorker } from './actions/unassign-worker';
import { unflagTarget } from './actions/unflag-target';
import { Grid, GridFinding, GridPlan, GridTarget, GridVisit, GridVisitCorrection, GridVisitVoiceNote } from './entities';
import { GRID_TIMERS } from './grid-timers';
import { Grids1766600000100 } from './migrations/1766600000100-Grids';

/** The `grids` cloud function's action table. */
export const gridsActions = {
  list: listGrids,
  get: getGrid,
  create: createGrid,
  addCoverage,
  endCoverage,
  assign: assignWorker,
  unassign: unassignWorker,
  recordVisit,
  editVisit,
  correctVisit,
  visit: getVisit,
  visits: listVisits,
  fileFinding,
  flagTarget,
  unflagTarget,
  targets: listTargets,
  plans: listPlans,
  cancelPlan,
} satisfies ActionTableFor<'grids'>;

/**
 * 红色网格: grids of four kinds drawn by community staff, what they cover and who works them (the
 * identity kernel's rows, which narrow a grid worker's reach), and the grid workers' visit log —
 * locked after 24 hours, corrected with a reason, a finding filed as a need once — and planned
 * visits to target households (独居老人 …) each period, planned by the timer exactly once.
 */
export const gridsModule: DomainModule = {
  name: 'grids',
  entities: [Grid, GridVisit, GridFinding, GridVisitCorrection, GridVisitVoiceNote, GridTarget, GridPlan],
  requires: [identityModule, communityModule, householdsModule, needsModule, settingsModule],
  migrations: [Grids1766600000100],
  functions: { grids: gridsActions },
  timers: GRID_TIMERS,
  subjects: ['grid', 'grid_visit', 'grid_plan'],
  settings: [GRIDS_SETTINGS],
};

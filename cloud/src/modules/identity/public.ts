/**
 * The identity kernel's surface: who is calling, what they hold where, and who holds a role over a
 * place. Every module may use it; it uses nothing but core.
 */
export { resolveActor, type Actor, type ActorRole } from './actor';
export { assignmentsOf, covers, holdsRoleOver, reaches, withinGrids, type ScopePath } from './scope';
/** Named role checks (the city admin, assessors over a place, who may act for whom): one definition each. */
export { isAssessor, isAssessorOver, isCityAdmin, mayAppoint, proxyChannel, proxyRoleOver } from './policies';
export { SCOPE_COLUMN, scopeFilter } from './scope-columns';
export { holdersQuery, usersWithRoleOver, type NodePath } from './holders';
export { createUser, fillProfileIfEmpty, namesWithFirstRole, updateProfile, userById, userByPhone, usersById, usersWithOpenidPrefix, usersWithPhone } from './users';
export { maskPhone } from './user.presenter';
export { assignRole, listRoleAssignments } from './roles-query';
/** Per-person limits that hold under concurrency (pending bindings, needs a day). */
export { underLimit, type UsageLimit, type UsageScope } from './usage';
/** Appointments: posts with their dated history (who appointed, from, to, why ended). */
export { appoint, assignmentById, assignmentsOn, endAssignment, isHeadRole, type Appointment, type AssignmentRecord } from './appointments';
/** Red grids: what a grid covers and who works it, with dated history (the grids module decides who may change them). */
export {
  addGridCoverage,
  assignToGrid,
  assignmentsOfGrids,
  coverageOfGrids,
  endGridAssignment,
  endGridCoverage,
  isOnGrid,
  liveGridsOf,
  type CoverageRecord,
  type GridAssignmentRecord,
  type GridPlace,
  type GridReach,
} from './grid-scope';

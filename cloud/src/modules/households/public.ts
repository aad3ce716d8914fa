/**
 * Households' surface for other modules: counts for the compound home, a person's bindings and
 * their presentation, and the rows (read-only) that need intake checks against.
 */
export { householdCounts, membershipsOf } from './household-stats';
export { presentMemberships } from './household.presenter';
export { Household } from './household.entity';
export { HouseholdMember } from './household-member.entity';

/**
 * Households' surface for other modules: counts for the compound home, a person's bindings and
 * their presentation, and the reads (a household, a person's binding to it, its verified member)
 * that need intake, ratings and bookings check against. Functions only: no other module names these tables.
 */
export { householdCounts, membershipsOf } from './household-stats';
export { householdPlaces, presentedMembershipsOf, presentMemberships, type HouseholdPlace } from './household.presenter';
export { firstVerifiedMemberOf, householdById, householdWithMembership, membershipOf, verifiedMembershipsOf, verifiedResidentsQuery } from './household-reads';
/** Setting up a city's rooms and pre-verified homes (the demo seed). */
export { addVerifiedOwner, registerRooms } from './household-setup';
/** A place's households and their verified members: the electorate of a household vote (deliberation). */
export { householdIdsIn, verifiedMembersOfHouseholds, type HouseholdScope } from './household-electorate';

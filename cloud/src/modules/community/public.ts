/**
 * The hierarchy's surface for other modules: places (street → community → compound → building →
 * unit), the organisations serving a compound, their names and presenters. Functions only: other
 * modules never name these tables, and only community writes them.
 */
export { communityRepo } from './community.repository';
export { presentBuilding, presentCompoundSummary, presentOrg } from './community.presenter';
export {
  buildingOf,
  buildingsByIds,
  communitiesByIds,
  communitiesWhere,
  compoundExists,
  compoundsByIds,
  compoundsWhere,
  firmServiceQuery,
  joinPlaceNames,
  namesOf,
  organisationById,
  firmWithCompounds,
  organisationsAround,
  organisationsByIds,
  organisationsLinkedTo,
  organisationServing,
  organisationsWhere,
  placeNames,
  servedCompoundsUnder,
  unitsByIds,
  type BuildingRow,
  type CommunityRow,
  type CompoundRow,
  type HeldScope,
  type NamedRows,
  type OrganisationRow,
} from './places';
/** Setting up a city's places and organisations (the demo seed). */
export { addBuilding, addCommunity, addCompound, addOrganisation, addStreet, addUnit, linkOrganisation, streetExists } from './setup';

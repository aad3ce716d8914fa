/**
 * The hierarchy's surface for other modules: places (street → community → compound → building →
 * unit), the organisations serving a compound, and their presenters. Reads only: no other module
 * writes these tables.
 */
export { communityRepo } from './community.repository';
export { presentBuilding, presentCompoundSummary, presentOrg } from './community.presenter';
export { Building } from './building.entity';
export { Community } from './community.entity';
export { Compound } from './compound.entity';
export { Organisation } from './organisation.entity';
export { OrganisationCompound } from './organisation-compound.entity';
export { Street } from './street.entity';
export { Unit } from './unit.entity';

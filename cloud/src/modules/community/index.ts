import { listBuildings } from './actions/list-buildings';
import { listCompounds } from './actions/list-compounds';
import { printPosters } from './actions/print-posters';

import type { DomainModule } from '../../core/module';
import { CompoundLookupIndexes1765926000000 } from './migrations/1765926000000-CompoundLookupIndexes';
import { identityModule } from '../identity';
import { Building } from './building.entity';
import { Community } from './community.entity';
import { Compound } from './compound.entity';
import { OrganisationCompound } from './organisation-compound.entity';
import { Organisation } from './organisation.entity';
import { Street } from './street.entity';
import { Unit } from './unit.entity';

/** The hierarchy's actions of the `community` function, which the home module serves with its own (modules/home). */
export const communityActions = {
  listCompounds,
  listBuildings,
  posters: printPosters,
};

/** The hierarchy and the organisations serving it. */
export const communityModule: DomainModule = {
  name: 'community',
  entities: [Street, Community, Compound, Building, Unit, Organisation, OrganisationCompound],
  migrations: [CompoundLookupIndexes1765926000000],
  requires: [identityModule],
  capabilities: ['printPosters'],
};

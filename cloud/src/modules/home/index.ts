import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { bookingsModule } from '../bookings';
import { communityActions, communityModule } from '../community';
import { householdsModule } from '../households';
import { ratingsModule } from '../ratings';
import { getCompound } from './actions/get-compound';
import { resolveScene } from './actions/resolve-scene';

/** The compound home's actions, served by the `community` function. */
export const homeActions = {
  resolveScene,
  getCompound,
};

/**
 * The compound home (小区主页): what a scan of the compound's code opens. It gathers other
 * modules' public facts (hierarchy, household counts; the firm's stars next), owning no table.
 */
export const homeModule: DomainModule = {
  name: 'home',
  entities: [],
  requires: [communityModule, householdsModule, bookingsModule, ratingsModule],
  // One function, two modules' actions: home serves the whole `community` catalogue.
  functions: { community: { ...communityActions, ...homeActions } satisfies ActionTableFor<'community'> },
};

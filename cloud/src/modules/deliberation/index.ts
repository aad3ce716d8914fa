import { DELIBERATION_SETTINGS } from '@hg/types/deliberation-schemas';
import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { householdsModule } from '../households';
import { identityModule } from '../identity';
import { needsModule } from '../needs';
import { notificationsModule } from '../notifications';
import { settingsModule } from '../settings';
import { castBallotAction } from './actions/cast-ballot';
import { closeMatter } from './actions/close-matter';
import { createMatter } from './actions/create-matter';
import { editMatter } from './actions/edit-matter';
import { enterBallot } from './actions/enter-ballot';
import { getMatter } from './actions/get-matter';
import { getMyBallot } from './actions/get-my-ballot';
import { getParticipation } from './actions/get-participation';
import { listMatters } from './actions/list-matters';
import { publishMatter } from './actions/publish-matter';
import { publishOutcome } from './actions/publish-outcome';
import { reviseMatter } from './actions/revise-matter';
import { withdrawMatter } from './actions/withdraw-matter';
import { writeOutcome } from './actions/write-outcome';
import { deliberationDemoSeed } from './demo-seed';
import { DELIBERATION_TIMERS } from './deliberation-timers';
import { DELIBERATION_ENTITIES } from './entities';
import { Deliberation1766100000000 } from './migrations/1766100000000-Deliberation';

/** The `deliberation` cloud function's action table. */
export const deliberationActions = {
  list: listMatters,
  get: getMatter,
  create: createMatter,
  edit: editMatter,
  publish: publishMatter,
  revise: reviseMatter,
  withdraw: withdrawMatter,
  vote: castBallotAction,
  enterBallot,
  myBallot: getMyBallot,
  participation: getParticipation,
  close: closeMatter,
  writeOutcome,
  publishOutcome,
} satisfies ActionTableFor<'deliberation'>;

/**
 * 五步议事法: matters settled by the households of their place, one current ballot per household
 * per version, tallies stored once at close. Reads places from community and households, proposes
 * matters from needs' followers, tells people through the Notifier, reads its rule from settings.
 */
export const deliberationModule: DomainModule = {
  name: 'deliberation',
  entities: DELIBERATION_ENTITIES,
  migrations: [Deliberation1766100000000],
  requires: [identityModule, communityModule, householdsModule, needsModule, notificationsModule, settingsModule],
  functions: { deliberation: deliberationActions },
  subjects: ['matter'],
  /**
   * matter_update: the household's ballot was voided by a new version, or a result was published;
   * matter_vote: the vote closes within 24 hours and the household has not voted; matter_task: a
   * followed need was proposed to staff as a draft matter.
   */
  messages: ['matter_update', 'matter_vote', 'matter_task'],
  settings: [DELIBERATION_SETTINGS],
  timers: DELIBERATION_TIMERS,
  seed: deliberationDemoSeed,
};

import { PARTY_SETTINGS } from '@hg/types/party-schemas';
import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { identityModule } from '../identity';
import { notificationsModule } from '../notifications';
import { settingsModule } from '../settings';
import { slotsModule } from '../slots';
import { checkIn } from './actions/check-in';
import { checkOut } from './actions/check-out';
import { confirmReport } from './actions/confirm-report';
import { correctHours } from './actions/correct-hours';
import { declineReport } from './actions/decline-report';
import { decideHours } from './actions/decide-hours';
import { listActivities } from './actions/list-activities';
import { listHours } from './actions/list-hours';
import { listReports } from './actions/list-reports';
import { myCommitment } from './actions/my-commitment';
import { myHours } from './actions/my-hours';
import { myReport } from './actions/my-report';
import { publishActivity } from './actions/publish-activity';
import { renewReport } from './actions/renew-report';
import { report } from './actions/report';
import { signCommitment } from './actions/sign-commitment';
import { signUp } from './actions/sign-up';
import { withdrawReport } from './actions/withdraw-report';
import { partyDemoSeed } from './demo-seed';
import { PARTY_ENTITIES } from './entities';
import { Party1766450000000 } from './migrations/1766450000000-Party';
import { COMMITMENT_SUBJECT, HOURS_MACHINE, REPORT_MACHINE } from './party-status';
import { PARTY_TIMERS } from './party-timers';

/** The `party` cloud function's action table. */
export const partyActions = {
  report,
  myReport,
  renew: renewReport,
  withdraw: withdrawReport,
  reports: listReports,
  confirm: confirmReport,
  decline: declineReport,
  signCommitment,
  myCommitment,
  publishActivity,
  activities: listActivities,
  signUp,
  checkIn,
  checkOut,
  hours: listHours,
  myHours,
  decideHours,
  correctHours,
} satisfies ActionTableFor<'party'>;

/**
 * 党员双报到 and 履职: reports to a compound's branch (one active per member, yearly), duty
 * commitments from the city's 六大员 list, activities on the slot engine, and hours that count
 * only once approved. Reads places from community, runs activities through the slot engine's
 * public functions, tells members through the Notifier, reads its lists from settings.
 */
export const partyModule: DomainModule = {
  name: 'party',
  entities: PARTY_ENTITIES,
  migrations: [Party1766450000000],
  requires: [identityModule, communityModule, notificationsModule, settingsModule, slotsModule],
  functions: { party: partyActions },
  subjects: [REPORT_MACHINE.name, HOURS_MACHINE.name, COMMITMENT_SUBJECT],
  /** party_update: the member's report was confirmed, declined, or lapsed after its year. */
  messages: ['party_update'],
  settings: [PARTY_SETTINGS],
  timers: PARTY_TIMERS,
  capabilities: ['partyDuty', 'partyBranch'],
  seed: partyDemoSeed,
};

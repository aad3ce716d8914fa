import { Foundation1764201600000 } from './1764201600000-Foundation';
import { Needs1764288000000 } from './1764288000000-Needs';
import { NeedQueries1764374400000 } from './1764374400000-NeedQueries';
import { NotificationSubjects1764460800000 } from './1764460800000-NotificationSubjects';
import { UsageCounters1764547200000 } from './1764547200000-UsageCounters';
import { Bookings1764633600000 } from './1764633600000-Bookings';
import { BookingLinksAndStandingOrders1764720000000 } from './1764720000000-BookingLinksAndStandingOrders';
import { Ratings1764806400000 } from './1764806400000-Ratings';
import { NeedEscalationClock1764892800000 } from './1764892800000-NeedEscalationClock';
import { NeedUnverifiedReporter1764979200000 } from './1764979200000-NeedUnverifiedReporter';
import { NeedFollowers1765065600000 } from './1765065600000-NeedFollowers';
import { RatingsIntegrity1765152000000 } from './1765152000000-RatingsIntegrity';
import { ElderVerification1765238400000 } from './1765238400000-ElderVerification';
import { TimerJobs1765324800000 } from './1765324800000-TimerJobs';
import { SubjectEvents1765411200000 } from './1765411200000-SubjectEvents';
import { CitySettings1765497600000 } from './1765497600000-CitySettings';

/** Every migration, oldest first. Append only; never edit one that has shipped. */
export const MIGRATIONS = [
  Foundation1764201600000,
  Needs1764288000000,
  NeedQueries1764374400000,
  NotificationSubjects1764460800000,
  UsageCounters1764547200000,
  Bookings1764633600000,
  BookingLinksAndStandingOrders1764720000000,
  Ratings1764806400000,
  NeedEscalationClock1764892800000,
  NeedUnverifiedReporter1764979200000,
  NeedFollowers1765065600000,
  RatingsIntegrity1765152000000,
  ElderVerification1765238400000,
  TimerJobs1765324800000,
  SubjectEvents1765411200000,
  CitySettings1765497600000,
];

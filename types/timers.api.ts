/** The timer function (deployed as `escalation`): [request, response] per action (see api.ts). */
import type { EscalationTickDTO } from './dto';
import type { TEscalationTickRequest } from './needs-schemas';
import type { TEmptyRequest } from './schemas';
import type { TimerJobDTO } from './timers.dto';

export interface TimersApi {
  escalation: {
    tick: [TEscalationTickRequest, EscalationTickDTO];
    jobs: [TEmptyRequest, TimerJobDTO[]];
  };
}

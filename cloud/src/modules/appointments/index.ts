import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { identityModule } from '../identity';
import { notificationsModule } from '../notifications';
import { appointAction } from './actions/appoint';
import { listAppointments } from './actions/list-appointments';
import { revokeAppointment } from './actions/revoke-appointment';

/** The `appointments` cloud function's action table. */
export const appointmentsActions = {
  list: listAppointments,
  appoint: appointAction,
  revoke: revokeAppointment,
} satisfies ActionTableFor<'appointments'>;

/**
 * 人员任命: every post is filled and ended by the level above in its scope (the identity kernel's
 * `mayAppoint` over APPOINTMENT_RULES), on identity's role_assignments with their dated history;
 * places and organisations come from community. No tables of its own.
 */
export const appointmentsModule: DomainModule = {
  name: 'appointments',
  entities: [],
  requires: [identityModule, communityModule, notificationsModule],
  functions: { appointments: appointmentsActions },
  capabilities: ['appointPeople'],
  messages: ['post_update'],
};

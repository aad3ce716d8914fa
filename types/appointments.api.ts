/** The `appointments` function (人员任命): [request, response] per action (see api.ts). */
import type { AppointmentDTO, AppointmentsDTO } from './appointments';
import type { TAppointRequest, TListAppointmentsRequest, TRevokeRequest } from './appointments-schemas';

export interface AppointmentsApi {
  appointments: {
    list: [TListAppointmentsRequest, AppointmentsDTO];
    appoint: [TAppointRequest, AppointmentDTO];
    revoke: [TRevokeRequest, AppointmentDTO];
  };
}

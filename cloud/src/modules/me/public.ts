/** The `me` feature's surface: how roles are shown with the names of their places. */
export { presentRoles } from './role.presenter';

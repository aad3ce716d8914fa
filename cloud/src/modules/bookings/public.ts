/** The bookings module's surface for other modules (the compound home shows a centre's next sittings). */
export { centresServing } from './centres';
export { nextSittings } from './next-sittings';

/** The ratings module's surface for other modules: the compound home shows the firm's stars. */
export { latestFirmRating } from './firm-rating';

/**
 * The needs module's surface for other modules. Ratings (next) will read the service data of a
 * firm's compounds from here, never from the needs tables.
 */
export { NEED_MACHINE } from './need-status';
export { combineServiceCounts, firmServiceStats, serviceCountsByCompound, type ServiceCounts, type ServiceStats } from './service-stats';
/** Open needs with the people behind them (reporter + followers): deliberation proposes matters from them. */
export { openNeedsWithSupport, type SupportedNeed } from './need-support';

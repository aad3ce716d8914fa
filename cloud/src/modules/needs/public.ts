import type { EntityManager } from 'typeorm';
import type { NeedChangeDTO, TCreateNeedRequest } from '@hg/types';
import type { ActionContext } from '../../core/action';
import { createNeed } from './actions/create-need';

/**
 * The needs module's surface for other modules. Ratings (next) will read the service data of a
 * firm's compounds from here, never from the needs tables.
 */
export { NEED_MACHINE } from './need-status';
export { combineServiceCounts, firmServiceStats, serviceCountsByCompound, type ServiceCounts, type ServiceStats } from './service-stats';
/** Open needs with the people behind them (reporter + followers): deliberation proposes matters from them. */
export { openNeedsWithSupport, type SupportedNeed } from './need-support';
/**
 * 代办 on another module's transaction: the needs module's own filing (actions/create-need.ts,
 * every rule and message of it), with its writes on the caller's `em`, so a row of the caller's (a
 * grid visit's finding and the need it became) and the need commit together or not at all.
 */
export function fileNeedOnTransaction(
  em: EntityManager,
  ctx: Pick<ActionContext, 'ds' | 'actor' | 'platform'>,
  input: TCreateNeedRequest,
): Promise<NeedChangeDTO> {
  return createNeed.handler(input, { ...ctx, system: false, tx: (work) => work(em) }) as Promise<NeedChangeDTO>;
}

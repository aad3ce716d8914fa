import { ErrorCode } from '@hg/types';
import type { PublicActionContext } from '../../core/action';
import { AppError } from '../../core/errors';
import { isCityAdmin } from '../identity/public';

/**
 * The timer function is the platform's and the city admin's: the platform trigger (system) runs
 * ticks, an admin runs them by hand and reads the jobs' status. Anyone else, signed in or not, is
 * refused — the run records name jobs, holders and failures, nothing a resident needs.
 */
export function assertMayRunTimers(ctx: Pick<PublicActionContext, 'system' | 'actor'>, message: string): void {
  if (!ctx.system && !isCityAdmin(ctx.actor)) throw new AppError(ErrorCode.FORBIDDEN, message);
}

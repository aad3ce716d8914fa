import type { EntityManager } from 'typeorm';
import type { MatterDTO } from '@hg/types/deliberation';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { forbidden } from '../../core/errors';
import { Notifier } from '../notifications/public';
import { assertVisible } from './deliberation.policy';
import type { Matter } from './entities';
import { presentMatter } from './matter.presenter';
import { lockMatter } from './matters';

/**
 * Every organiser's step on a matter: one transaction that locks the matter (its first read),
 * hides it from people with no part in it (NOT_FOUND), refuses residents who see it but do not run
 * it (FORBIDDEN), runs the step (which moves the state through the machine and writes its event),
 * and writes its messages; then the matter as the organiser sees it.
 */
export async function runMatterStep(
  ctx: ActionContext,
  matterId: number,
  step: (em: EntityManager, m: Matter, now: Date, notifier: Notifier) => Promise<void>,
): Promise<MatterDTO> {
  const now = clock.now();
  const { row: m, households } = await ctx.tx(async (em) => {
    const notifier = new Notifier();
    const row = await lockMatter(em, matterId);
    const seen = await assertVisible(em, ctx.actor, row);
    if (!seen.organiser) throw forbidden('只有社区工作人员和本范围的小区长、楼栋长、单元长可以操作议题');
    await step(em, row, now, notifier);
    return { row, households: seen.households };
  });
  return presentMatter(ctx.ds.manager, m, { organiser: true, households }, now);
}

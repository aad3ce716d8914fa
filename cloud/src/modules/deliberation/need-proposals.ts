import { In } from 'typeorm';
import { DELIBERATION_SETTINGS } from '@hg/types/deliberation-schemas';
import { isUniqueViolation } from '../../core/errors';
import type { TimerContext } from '../../core/module';
import { recordEvent } from '../../core/subject-log';
import { verifiedMembershipsOf } from '../households/public';
import { usersWithRoleOver } from '../identity/public';
import { openNeedsWithSupport } from '../needs/public';
import { Notifier } from '../notifications/public';
import { readSettings } from '../settings/public';
import { Matter } from './entities';
import { MATTER_MACHINE } from './matter-status';

/** The options a proposed matter starts with; staff edit them in 制定方案. */
export const PROPOSED_OPTIONS = ['同意', '不同意'];

/**
 * 需求转议题: an open need followed by at least N verified households of its compound (N from the
 * city's settings; the reporter's household counts) becomes a draft matter over the compound with
 * `sourceNeedId`, and the community staff over it are told. Once per need: the unique key on
 * `sourceNeedId` refuses a second draft, whatever ticks overlap or however the support changes.
 */
export async function proposeFromNeeds(ctx: TimerContext, now: Date): Promise<Record<string, number>> {
  const rule = await readSettings(ctx.em, DELIBERATION_SETTINGS);
  const candidates = await openNeedsWithSupport(ctx.em, rule.proposeFollowers);
  if (!candidates.length) return { mattersProposed: 0 };
  const taken = new Set(
    (await ctx.em.find(Matter, { select: { sourceNeedId: true }, where: { sourceNeedId: In(candidates.map((c) => c.id)) } })).map((m) => m.sourceNeedId),
  );
  let mattersProposed = 0;
  for (const need of candidates.filter((c) => !taken.has(c.id))) {
    const homes = (await verifiedMembershipsOf(ctx.em, need.userIds)).filter((m) => m.compoundId === need.compoundId);
    const households = new Set(homes.map((m) => m.householdId)).size;
    if (households < rule.proposeFollowers) continue;
    try {
      await ctx.tx(async (em) => {
        const title = `关于需求 #${need.id} 的议题：${[...need.description].slice(0, 30).join('')}`.slice(0, 60);
        const row = em.create(Matter, {
          title,
          text: need.description,
          options: JSON.stringify(PROPOSED_OPTIONS),
          scopeLevel: 'compound',
          streetId: need.streetId,
          communityId: need.communityId,
          compoundId: need.compoundId,
          buildingId: null,
          unitId: null,
          status: 'draft',
          version: 0,
          contentHash: null,
          proposerId: null,
          sourceNeedId: need.id,
          publishedAt: null,
          opensAt: null,
          closesAt: null,
          quorumPercent: null,
          approvalPercent: null,
          noticeDays: null,
          remindedVersion: null,
          withdrawnReason: null,
          outcome: null,
          outcomePublishedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await em.insert(Matter, row);
        await recordEvent(em, {
          subjectKind: MATTER_MACHINE.name,
          subjectId: row.id,
          action: 'proposed',
          from: null,
          to: 'draft',
          actorId: null,
          at: now,
          data: { needId: need.id, households },
        });
        const staff = await usersWithRoleOver(em, ['community_staff'], { streetId: need.streetId, communityId: need.communityId, compoundId: need.compoundId });
        await new Notifier().to(em, staff, {
          kind: 'matter_task',
          subject: { subjectKind: 'matter', subjectId: row.id },
          title: '有需求可转为议题',
          body: `需求 #${need.id} 已有${households}户认证居民关注，已生成议题草稿，请完善方案后发布`,
          excerpt: need.description,
        });
      });
      mattersProposed++;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return { mattersProposed };
}

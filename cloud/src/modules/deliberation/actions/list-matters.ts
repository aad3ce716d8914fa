import { Brackets } from 'typeorm';
import { ZListMattersRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { forbidden } from '../../../core/errors';
import { holdsRoleOver } from '../../identity/public';
import { householdPlaces, verifiedMembershipsOf } from '../../households/public';
import { communityRepo } from '../../community/public';
import { ORGANISER_ROLES } from '../deliberation.policy';
import { Matter } from '../entities';
import { presentSummaries } from '../matter.presenter';

/**
 * 小区议题: the matters of a compound, newest first (keyset on id). Organisers over the compound
 * see every matter including drafts; a head of a building sees that building's; a verified
 * resident sees the published matters of the compound, their building and their unit.
 */
export const listMatters = defineAction({
  input: ZListMattersRequest,
  async handler({ compoundId, status, cursor, limit }, ctx) {
    const em = ctx.ds.manager;
    const compound = await communityRepo.compound(em, compoundId);
    if (!compound) throw forbidden('没有权限查看该小区的议题');
    const path = { streetId: compound.streetId, communityId: compound.communityId, compoundId };
    const wholeCompound = holdsRoleOver(ctx.actor, ORGANISER_ROLES, path);
    const headed = ctx.actor.roles.filter((r) => ORGANISER_ROLES.includes(r.role) && (r.scopeLevel === 'building' || r.scopeLevel === 'unit'));
    const homes = (await verifiedMembershipsOf(em, [ctx.actor.userId])).filter((m) => m.compoundId === compoundId);
    const places = await householdPlaces(
      em,
      homes.map((h) => h.householdId),
    );
    if (!wholeCompound && !headed.length && !homes.length) throw forbidden('没有权限查看该小区的议题');
    const pageSize = limit ?? 20;
    const qb = em.createQueryBuilder(Matter, 'm').where('m.compoundId = :compoundId', { compoundId });
    if (status) qb.andWhere('m.status = :status', { status });
    if (!wholeCompound) {
      qb.andWhere(
        new Brackets((w) => {
          w.where('1 = 0');
          headed.forEach((r, i) => w.orWhere(`m.${r.scopeLevel === 'building' ? 'buildingId' : 'unitId'} = :head${i}`, { [`head${i}`]: r.scopeId }));
          const buildings = [...new Set([...places.values()].map((p) => p.building.id))];
          const units = [...new Set([...places.values()].map((p) => p.unit.id))];
          if (homes.length)
            w.orWhere(
              new Brackets((r) =>
                r
                  .where("m.status <> 'draft'")
                  .andWhere(
                    new Brackets((s) =>
                      s
                        .where("m.scopeLevel = 'compound'")
                        .orWhere("m.scopeLevel = 'building' AND m.buildingId IN (:...buildings)", { buildings: buildings.length ? buildings : [0] })
                        .orWhere("m.scopeLevel = 'unit' AND m.unitId IN (:...units)", { units: units.length ? units : [0] }),
                    ),
                  ),
              ),
            );
        }),
      );
    }
    const after = decodeCursor(cursor);
    if (after) qb.andWhere('m.id < :after', { after });
    const rows = await qb.orderBy('m.id', 'DESC').take(pageSize + 1).getMany();
    const page = rows.slice(0, pageSize);
    return { items: await presentSummaries(em, page), nextCursor: rows.length > pageSize ? encodeCursor(page[page.length - 1].id) : null };
  },
});

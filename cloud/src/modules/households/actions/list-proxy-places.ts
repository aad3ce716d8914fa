import { PROXY_ROLES, ZProxyPlacesRequest, type ProxyPlacesDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { buildingsByIds, communityRepo, presentBuilding, unitsByIds } from '../../community/public';
import { assignmentsOf, covers, proxyRoleOver } from '../../identity/public';

/**
 * 代办's pickers, cut to the caller's scope: the compounds where they may file for a household,
 * and the buildings and units of one of them. A unit head sees their unit, a building head their
 * building, a compound head their compound; the lookup re-checks the unit in any case.
 */
export const listProxyPlaces = defineAction({
  input: ZProxyPlacesRequest,
  async handler({ compoundId }, { actor, ds }): Promise<ProxyPlacesDTO> {
    const roles = assignmentsOf(actor, PROXY_ROLES);
    if (!roles.length) throw forbidden('只有网格员、楼栋长或社区工作人员可以代办');
    const em = ds.manager;

    // Building and unit roles sit below a compound: find the compound each one belongs to.
    const unitIds = roles.filter((r) => r.scopeLevel === 'unit' && r.scopeId).map((r) => r.scopeId as number);
    const units = [...(await unitsByIds(em, unitIds)).values()];
    const buildingIds = [...roles.filter((r) => r.scopeLevel === 'building' && r.scopeId).map((r) => r.scopeId as number), ...units.map((u) => u.buildingId)];
    const buildings = [...(await buildingsByIds(em, buildingIds)).values()];
    const below = new Set(buildings.map((b) => b.compoundId));

    const compounds = (await communityRepo.compoundsWithParents(em))
      .map((r) => r.compound)
      .filter((c) => below.has(c.id) || roles.some((r) => covers(r, { streetId: c.streetId, communityId: c.communityId, compoundId: c.id })));
    if (!compoundId) return { compounds: compounds.map((c) => ({ id: c.id, name: c.name })), buildings: [] };

    const compound = compounds.find((c) => c.id === compoundId);
    if (!compound) throw forbidden('该小区不在您负责的范围内');
    const rows = await communityRepo.buildingsWithUnits(em, compound.id);
    const path = { streetId: compound.streetId, communityId: compound.communityId, compoundId: compound.id };
    return {
      compounds: compounds.map((c) => ({ id: c.id, name: c.name })),
      buildings: rows
        .map(({ building, units: all }) => ({
          building,
          units: all.filter((u) => proxyRoleOver(actor, { ...path, buildingId: building.id, unitId: u.id }) !== null),
        }))
        .filter((r) => r.units.length > 0)
        .map((r) => presentBuilding(r.building, r.units)),
    };
  },
});

import { PROXY_ROLES, ZLookupHouseholdRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, notFound } from '../../../core/errors';
import { communityRepo } from '../../community/public';
import { assignmentsOf, proxyRoleOver } from '../../identity/public';
import { findOrCreateHousehold } from '../household.repository';
import { HouseholdMember } from '../household-member.entity';

/**
 * 代办: a grid worker, a head or community staff names a room (unit + room number) to file a need
 * for a resident who does not use a phone. Only within their scope.
 */
export const lookupHousehold = defineAction({
  input: ZLookupHouseholdRequest,
  async handler({ unitId, room }, { actor, ds }) {
    const unit = await communityRepo.unit(ds.manager, unitId);
    const building = unit ? await communityRepo.building(ds.manager, unit.buildingId) : null;
    const compound = building ? await communityRepo.compound(ds.manager, building.compoundId) : null;
    if (!unit || !building || !compound) throw notFound('单元');
    const path = { streetId: compound.streetId, communityId: compound.communityId, compoundId: compound.id, buildingId: building.id, unitId: unit.id };
    // Refused before anything is written: the room is registered only for someone in scope.
    if (!proxyRoleOver(actor, path)) {
      throw forbidden(assignmentsOf(actor, PROXY_ROLES).length ? '该房屋不在您负责的范围内' : '只有网格员、楼栋长或社区工作人员可以代办');
    }
    const household = await findOrCreateHousehold(ds, {
      unitId: unit.id,
      buildingId: building.id,
      compoundId: compound.id,
      communityId: compound.communityId,
      room: room.toUpperCase(),
    });
    const verifiedMembers = await ds.manager.count(HouseholdMember, { where: { householdId: household.id, status: 'verified' } });
    return { householdId: household.id, address: `${compound.name}${building.name}${unit.name}${household.room}`, verifiedMembers };
  },
});

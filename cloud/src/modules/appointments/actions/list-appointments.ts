import {
  APPOINTMENT_LIMITS,
  APPOINTMENT_RULES,
  ROLE_LABEL,
  ZListAppointmentsRequest,
  type AppointablePostDTO,
  type AppointableRole,
  type AppointmentPlaceDTO,
  type AppointmentsDTO,
  type ScopeLevel,
} from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, notFound } from '../../../core/errors';
import { communityRepo } from '../../community/public';
import { assignmentsOn, mayAppoint } from '../../identity/public';
import { presentAppointments } from '../appointment.presenter';
import { appointingPlaces, organisationsIn, placeOf } from '../places';

/** Levels whose posts a street's or a community's list shows. */
const LEVELS_UNDER: Record<'street' | 'community', readonly ScopeLevel[]> = {
  street: ['street'],
  community: ['community', 'compound', 'building', 'unit'],
};

/**
 * 人员任命 of one street or community: the posts held in it now, the latest ended ones with who
 * ended them and why, the places inside it and what the caller may appoint there. Only for those
 * who appoint in it (its community staff, its street's staff, the city).
 */
export const listAppointments = defineAction({
  input: ZListAppointmentsRequest,
  async handler(input, { ds, actor }) {
    const em = ds.manager;
    const places = await appointingPlaces(em, actor);
    if (!places.length) throw forbidden('没有任命人员的权限');
    const chosen = input.level ? places.find((p) => p.level === input.level && p.id === input.id) : places[0];
    if (!chosen) throw notFound('街道或社区');
    const place = await placeOf(em, chosen.level, chosen.id);
    if (!place) throw notFound('街道或社区');

    const tree: AppointmentPlaceDTO[] = [];
    const nodes: { level: ScopeLevel; ids: number[] }[] = [{ level: chosen.level, ids: [chosen.id] }];
    if (chosen.level === 'community') {
      const compounds = await communityRepo.compoundsWithParents(em, { communityId: chosen.id });
      const ids = { compound: [] as number[], building: [] as number[], unit: [] as number[] };
      for (const { compound } of compounds) {
        const buildings = await communityRepo.buildingsWithUnits(em, compound.id);
        ids.compound.push(compound.id);
        tree.push({
          level: 'compound',
          id: compound.id,
          name: compound.name,
          children: buildings.map(({ building, units }) => {
            ids.building.push(building.id);
            return {
              level: 'building' as const,
              id: building.id,
              name: building.name,
              children: units.map((u) => {
                ids.unit.push(u.id);
                return { level: 'unit' as const, id: u.id, name: u.name, children: [] };
              }),
            };
          }),
        });
      }
      nodes.push({ level: 'compound', ids: ids.compound }, { level: 'building', ids: ids.building }, { level: 'unit', ids: ids.unit });
    }

    // Every post listed here lies inside `place`, and every appointer's role sits on this place
    // or above it, so the place's own path decides the policy for all of them.
    const appointable: AppointablePostDTO[] = [];
    for (const [role, rules] of Object.entries(APPOINTMENT_RULES) as [AppointableRole, (typeof APPOINTMENT_RULES)[AppointableRole]][]) {
      for (const rule of rules) {
        if (!LEVELS_UNDER[chosen.level].includes(rule.level) || !mayAppoint(actor, role, rule.level, place.path)) continue;
        const organisations = rule.organisation === 'none' ? [] : await organisationsIn(em, place.path.communityId, rule.organisation);
        appointable.push({ role, roleLabel: ROLE_LABEL[role], level: rule.level, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) });
      }
    }

    const { active, ended } = await assignmentsOn(em, nodes, APPOINTMENT_LIMITS.historyMax);
    const revocable = (r: { role: AppointableRole | 'admin'; scopeLevel: ScopeLevel }) => mayAppoint(actor, r.role, r.scopeLevel, place.path);
    const [activeDtos, historyDtos] = await Promise.all([presentAppointments(em, active, revocable), presentAppointments(em, ended, () => false)]);
    return {
      place: chosen,
      places,
      active: activeDtos,
      history: historyDtos,
      tree,
      appointable,
    } satisfies AppointmentsDTO;
  },
});

import type { EntityManager } from 'typeorm';
import { ROLE_LABEL, type AppointmentDTO, type ScopeLevel } from '@hg/types';
import { organisationsByIds, placeNames } from '../community/public';
import { maskPhone, usersById, type AssignmentRecord } from '../identity/public';

/**
 * Posts → DTOs, with every name read in one batch per kind (people, places, organisations).
 * Phones are masked: the page tells people apart, it is not a directory. `revocable` says which
 * rows the caller may end (the policy decides it; the presenter only carries the answer).
 */
export async function presentAppointments(em: EntityManager, rows: readonly AssignmentRecord[], revocable: (r: AssignmentRecord) => boolean): Promise<AppointmentDTO[]> {
  if (!rows.length) return [];
  const [people, places, orgs] = await Promise.all([
    usersById(
      em,
      rows.flatMap((r) => [r.userId, r.appointedById, r.endedById]),
    ),
    placeNames(
      em,
      rows.filter((r) => r.scopeLevel !== 'city').map((r) => ({ level: r.scopeLevel, id: r.scopeId })),
    ),
    organisationsByIds(
      em,
      rows.map((r) => r.organisationId),
    ),
  ]);
  const who = (id: number | null) => (id ? { id, name: people.get(id)?.name ?? '' } : null);
  return rows.map((r) => {
    const person = people.get(r.userId);
    return {
      id: r.id,
      role: r.role,
      roleLabel: ROLE_LABEL[r.role],
      scopeLevel: r.scopeLevel,
      scopeId: r.scopeId,
      placeName: r.scopeLevel === 'city' ? '阆中市' : (places.get(`${r.scopeLevel as Exclude<ScopeLevel, 'city'>}:${r.scopeId}`) ?? ''),
      organisation: r.organisationId ? { id: r.organisationId, name: orgs.get(r.organisationId)?.name ?? '' } : null,
      person: { id: r.userId, name: person?.name ?? '', phone: person?.phone ? maskPhone(person.phone) : null },
      appointedAt: r.appointedAt ? new Date(r.appointedAt).toISOString() : null,
      appointedBy: who(r.appointedById),
      note: r.note,
      endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null,
      endedBy: who(r.endedById),
      endReason: r.endReason,
      can: !r.endedAt && revocable(r) ? ['revoke' as const] : [],
    };
  });
}

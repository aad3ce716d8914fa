import { FAMILY_LINK_STATUS_LABEL, FamilyLinkStatus, type FamilyLinkDTO } from '@hg/types';
import type { EntityManager } from 'typeorm';
import { byId } from '../../core/by-id';
import { defineMachine } from '../../core/state-machine';
import { maskPhone, usersById } from '../identity/public';
import { Elder } from './elder.entity';
import type { FamilyLink } from './family-link.entity';

/** A family link after the application: the centre verifies or rejects it; a rejected one may apply again. */
export const LINK_MACHINE = defineMachine<FamilyLinkStatus, 'verify' | 'reject' | 'reapply' | 'staffLink', 'staff' | 'member'>({
  name: 'family-link',
  states: Object.values(FamilyLinkStatus),
  rows: [
    { action: 'verify', from: ['pending'], to: 'verified', event: 'verified', who: ['staff'] },
    { action: 'reject', from: ['pending'], to: 'rejected', event: 'rejected', who: ['staff'] },
    { action: 'reapply', from: ['rejected'], to: 'pending', event: 'reapplied', who: ['member'] },
    // Staff link a member themselves (an elder without a phone): an open or refused application becomes verified.
    { action: 'staffLink', from: ['pending', 'rejected'], to: 'verified', event: 'linked_by_staff', who: ['staff'] },
  ],
});

/**
 * Links → DTOs. The member (`viewer: 'member'`) learns the elder's id only once the centre verified
 * the link: before that, an application proves only that a name and phone tail matched.
 */
export async function presentLinks(em: EntityManager, links: FamilyLink[], viewer: 'staff' | 'member'): Promise<FamilyLinkDTO[]> {
  const elders = await byId(
    em,
    Elder,
    links.map((l) => l.elderId),
  );
  const users = await usersById(
    em,
    links.map((l) => l.userId),
  );
  return links.map((l) => {
    const u = users.get(l.userId);
    return {
      id: l.id,
      centreId: l.centreId,
      elder: { id: viewer === 'staff' || l.status === 'verified' ? l.elderId : null, name: elders.get(l.elderId)?.name ?? '' },
      member: { id: l.userId, name: u?.name || '未填写姓名', phoneMasked: maskPhone(u?.phone) },
      relationNote: l.relationNote,
      status: l.status,
      statusLabel: FAMILY_LINK_STATUS_LABEL[l.status],
      createdAt: l.createdAt.toISOString(),
    };
  });
}

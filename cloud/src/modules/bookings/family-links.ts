import { FAMILY_LINK_STATUS_LABEL, FamilyLinkStatus, type FamilyLinkDTO } from '@hg/types';
import type { EntityManager } from 'typeorm';
import { byId } from '../../core/by-id';
import { defineMachine } from '../../core/state-machine';
import { maskPhone, usersById } from '../identity/public';
import type { Notifier } from '../notifications/public';
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

/** What the elder reads in 消息 about each step of a link to her. */
const TOLD_ELDER = {
  applied: (who: string) => ({ title: '有人申请成为您的家属', body: `${who}申请关联您，中心核实后可为您订餐。如不认识此人，请告诉中心。` }),
  verified: (who: string) => ({ title: '家属已关联', body: `${who}已通过中心核实，可以为您订餐` }),
  linked_by_staff: (who: string) => ({ title: '家属已关联', body: `${who}已由中心关联，可以为您订餐` }),
} as const;

/**
 * The elder is told in her own account (if she has one) whenever someone asks to be, or becomes,
 * her family — nobody books in her name behind her back. The member is named with the masked phone,
 * which she can check against her son's. Written in the link's transaction; pushed from the outbox.
 */
export async function tellElderOfLink(
  em: EntityManager,
  notifier: Notifier,
  elder: Pick<Elder, 'userId'>,
  member: { name?: string | null; phone?: string | null },
  step: keyof typeof TOLD_ELDER,
): Promise<void> {
  if (!elder.userId) return;
  const phone = maskPhone(member.phone);
  const who = `${member.name || '家属'}${phone ? `（${phone}）` : ''}`;
  await notifier.to(em, [elder.userId], { kind: 'booking_update', subject: null, ...TOLD_ELDER[step](who) });
}

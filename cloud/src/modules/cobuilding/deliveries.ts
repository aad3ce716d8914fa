import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@hg/types';
import { findLockedShared } from '../../core/data-source';
import { AppError, forbidden, notFound } from '../../core/errors';
import { recordEvent } from '../../core/subject-log';
import { transition } from '../../core/state-machine';
import type { Actor } from '../identity/public';
import { relationTo } from './cobuilding.policy';
import { DELIVERY_MACHINE, type DeliveryAction } from './cobuilding-status';
import { Agreement, AgreementItem, Delivery } from './entities';

const INT_MAX = 2_147_483_647;

/**
 * 登记交付: the department's staff record what they delivered against an item of a signed agreement.
 * The agreement is re-read under a shared lock as the first read, so a close in flight and a new
 * delivery never both pass. The delivery waits (pending) and counts for nothing until confirmed.
 */
export async function recordDelivery(
  em: EntityManager,
  actor: Actor,
  input: { itemId: number; quantity: number; note: string; photoIds: string[] },
  now: Date,
): Promise<Delivery> {
  const item = await em.findOne(AgreementItem, { where: { id: input.itemId } });
  if (!item) throw notFound('共建事项');
  const a = await findLockedShared(em, Agreement, item.agreementId);
  const rel = relationTo(actor, a);
  if (!rel.department) throw forbidden('只有本部门的工作人员可以登记交付');
  if (a!.status !== 'signed') throw new AppError(ErrorCode.INVALID_TRANSITION, a!.status === 'draft' ? '协议签订后才能登记交付' : '协议已结束，不能再登记交付');
  const row = em.create(Delivery, {
    agreementId: item.agreementId,
    itemId: item.id,
    quantity: input.quantity,
    note: input.note,
    photos: JSON.stringify([...new Set(input.photoIds)]),
    status: 'pending',
    recordedById: actor.userId,
    recordedAt: now,
    decidedById: null,
    decidedAt: null,
    declineReason: null,
  });
  await em.insert(Delivery, row);
  await recordEvent(em, {
    subjectKind: DELIVERY_MACHINE.name,
    subjectId: row.id,
    action: 'recorded',
    from: null,
    to: 'pending',
    actorId: actor.userId,
    at: now,
    data: { agreementId: item.agreementId, itemId: item.id, quantity: input.quantity },
  });
  return row;
}

/**
 * 确认 or 不认可: the street's or community's staff decide a pending delivery once. The decision is
 * core's compare-and-set on the delivery's status (of parallel decisions exactly one passes; the
 * others get CONFLICT or INVALID_TRANSITION and write nothing); a confirmation adds the quantity to
 * its item's `delivered` in the same transaction, so a delivery counts once and only once confirmed.
 */
export async function decideDelivery(
  em: EntityManager,
  actor: Actor,
  deliveryId: number,
  action: DeliveryAction,
  reason: string | null,
  now: Date,
): Promise<Delivery> {
  const d = await em.findOne(Delivery, { where: { id: deliveryId } });
  if (!d) throw notFound('交付记录');
  const a = await findLockedShared(em, Agreement, d.agreementId);
  const rel = relationTo(actor, a);
  if (!rel.party) throw forbidden(a!.party === 'street' ? '只有本街道的工作人员可以确认交付' : '只有本社区（或所属街道）的工作人员可以确认交付');
  if (a!.status !== 'signed') throw new AppError(ErrorCode.INVALID_TRANSITION, '协议已结束');
  await transition({
    em,
    machine: DELIVERY_MACHINE,
    entity: Delivery,
    row: d,
    action,
    patch: { decidedById: actor.userId, decidedAt: now, declineReason: reason },
    at: now,
    actorId: actor.userId,
    data: reason ? { reason } : { quantity: d.quantity },
    conflictMessage: '这条交付记录刚刚已被处理，请刷新后查看',
  });
  if (action === 'confirm') {
    // The column is a 32-bit int: a sum that would pass it is refused (the whole decision rolls back).
    const res = await em
      .createQueryBuilder()
      .update(AgreementItem)
      .set({ delivered: () => 'delivered + :quantity' })
      .setParameter('quantity', d.quantity)
      .where('id = :id AND delivered <= :room', { id: d.itemId, room: INT_MAX - d.quantity })
      .execute();
    if (res.affected !== 1) throw new AppError(ErrorCode.INVALID_TRANSITION, '该事项累计交付数量超出上限');
  }
  return d;
}

import { In, type EntityManager } from 'typeorm';
import {
  AGREEMENT_EVENT_LABELS,
  AGREEMENT_STATUS_LABELS,
  DELIVERY_STATUS_LABELS,
  ITEM_KIND_LABELS,
  ITEM_KIND_UNITS,
  type AgreementDTO,
  type AgreementItemDTO,
  type AgreementProgressDTO,
  type AgreementSummaryDTO,
  type DeliveryDTO,
} from '@hg/types/cobuilding';
import { localDay } from '@hg/types/local-time';
import { presentPhotoId } from '../../core/uploads';
import { eventsOf } from '../../core/subject-log';
import { organisationsByIds, placeNames } from '../community/public';
import { usersById, type Actor } from '../identity/public';
import { agreementCan, isPartyStaff, type Relation } from './cobuilding.policy';
import { AGREEMENT_MACHINE } from './cobuilding-status';
import { Agreement, AgreementItem, Delivery } from './entities';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** min(100, ⌊delivered × 100 / promised⌋): a bar never runs past its end. */
export const percentOf = (delivered: number, promised: number) => (promised > 0 ? Math.min(100, Math.floor((delivered * 100) / promised)) : 0);

/** Signed, due before today (Beijing) and not fully delivered by confirmed deliveries. */
export const isOverdue = (a: Pick<Agreement, 'status'>, item: Pick<AgreementItem, 'dueOn' | 'delivered' | 'promised'>, today: string) =>
  a.status === 'signed' && item.dueOn < today && item.delivered < item.promised;

export function presentItem(a: Agreement, item: AgreementItem, pending: number, today: string): AgreementItemDTO {
  return {
    id: item.id,
    position: item.position,
    kind: item.kind,
    kindLabel: ITEM_KIND_LABELS[item.kind],
    unit: ITEM_KIND_UNITS[item.kind],
    promised: item.promised,
    delivered: item.delivered,
    pending,
    percent: percentOf(item.delivered, item.promised),
    dueOn: item.dueOn,
    description: item.description,
    overdue: isOverdue(a, item, today),
  };
}

const progressOf = (items: AgreementItemDTO[]): AgreementProgressDTO => ({
  items: items.length,
  done: items.filter((i) => i.delivered >= i.promised).length,
  overdue: items.filter((i) => i.overdue).length,
});

/** Items of these agreements by agreement, position order (one query), with each item's pending sum (one grouped query). */
async function itemsOf(em: EntityManager, rows: Agreement[], today: string): Promise<Map<number, AgreementItemDTO[]>> {
  const out = new Map<number, AgreementItemDTO[]>(rows.map((a) => [a.id, []]));
  if (!rows.length) return out;
  const items = await em.find(AgreementItem, { where: { agreementId: In(rows.map((a) => a.id)) }, order: { agreementId: 'ASC', position: 'ASC' } });
  const pending = new Map<number, number>();
  if (items.length) {
    const sums: { itemId: number | string; n: number | string }[] = await em
      .createQueryBuilder(Delivery, 'd')
      .select('d.itemId', 'itemId')
      .addSelect('SUM(d.quantity)', 'n')
      .where('d.itemId IN (:...ids)', { ids: items.map((i) => i.id) })
      .andWhere("d.status = 'pending'")
      .groupBy('d.itemId')
      .getRawMany();
    for (const s of sums) pending.set(Number(s.itemId), Number(s.n));
  }
  const byId = new Map(rows.map((a) => [a.id, a]));
  for (const item of items) out.get(item.agreementId)!.push(presentItem(byId.get(item.agreementId)!, item, pending.get(item.id) ?? 0, today));
  return out;
}

/** The department's and the party's names for these agreements (organisations in one query, places per level). */
async function namesFor(em: EntityManager, rows: Agreement[]) {
  const departments = await organisationsByIds(
    em,
    rows.map((a) => a.departmentId),
  );
  const places = await placeNames(
    em,
    rows.map((a) => (a.communityId ? { level: 'community' as const, id: a.communityId } : { level: 'street' as const, id: a.streetId })),
  );
  return {
    department: (a: Agreement) => departments.get(a.departmentId)?.name ?? '',
    party: (a: Agreement) => places.get(a.communityId ? `community:${a.communityId}` : `street:${a.streetId}`) ?? '',
  };
}

function summary(a: Agreement, names: Awaited<ReturnType<typeof namesFor>>, items: AgreementItemDTO[]): AgreementSummaryDTO {
  return {
    id: a.id,
    title: a.title,
    departmentId: a.departmentId,
    departmentName: names.department(a),
    party: a.party,
    partyId: a.communityId ?? a.streetId,
    partyName: names.party(a),
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    status: a.status,
    statusLabel: AGREEMENT_STATUS_LABELS[a.status],
    progress: progressOf(items),
  };
}

export async function presentSummaries(em: EntityManager, rows: Agreement[], now: Date): Promise<AgreementSummaryDTO[]> {
  const names = await namesFor(em, rows);
  const items = await itemsOf(em, rows, localDay(now));
  return rows.map((a) => summary(a, names, items.get(a.id)!));
}

/** An agreement with its items and progress, its dated steps (with who took them: staff read this) and the caller's buttons. */
export async function presentAgreement(em: EntityManager, a: Agreement, rel: Relation, now: Date): Promise<AgreementDTO> {
  const names = await namesFor(em, [a]);
  const items = (await itemsOf(em, [a], localDay(now))).get(a.id)!;
  const events = await eventsOf(em, AGREEMENT_MACHINE.name, a.id);
  const people = await usersById(
    em,
    events.map((e) => e.actorId),
  );
  return {
    ...summary(a, names, items),
    version: a.version,
    departmentSignedAt: iso(a.departmentSignedAt),
    partySignedAt: iso(a.partySignedAt),
    signedAt: iso(a.signedAt),
    closedAt: iso(a.closedAt),
    closeNote: a.closeNote,
    items,
    timeline: events.map((e) => ({
      event: e.action,
      label: AGREEMENT_EVENT_LABELS[e.action] ?? e.action,
      at: e.at.toISOString(),
      by: e.actorId ? (people.get(e.actorId)?.name ?? null) : null,
      note:
        typeof e.data?.note === 'string'
          ? e.data.note
          : typeof e.data?.side === 'string'
            ? e.data.side === 'department'
              ? '部门签字'
              : '街道/社区签字'
            : null,
    })),
    can: agreementCan(a, rel),
  };
}

/** Deliveries with their agreement, item, department and people's names, in batched reads; `can` for the caller. */
export async function presentDeliveries(em: EntityManager, rows: Delivery[], actor: Actor): Promise<DeliveryDTO[]> {
  if (!rows.length) return [];
  const agreements = new Map((await em.find(Agreement, { where: { id: In([...new Set(rows.map((d) => d.agreementId))]) } })).map((a) => [a.id, a]));
  const items = new Map((await em.find(AgreementItem, { where: { id: In([...new Set(rows.map((d) => d.itemId))]) } })).map((i) => [i.id, i]));
  const departments = await organisationsByIds(
    em,
    [...agreements.values()].map((a) => a.departmentId),
  );
  const people = await usersById(
    em,
    rows.flatMap((d) => [d.recordedById, d.decidedById]),
  );
  return rows.map((d) => {
    const a = agreements.get(d.agreementId)!;
    const item = items.get(d.itemId)!;
    return {
      id: d.id,
      agreementId: a.id,
      agreementTitle: a.title,
      departmentName: departments.get(a.departmentId)?.name ?? '',
      itemId: item.id,
      itemPosition: item.position,
      itemKind: item.kind,
      itemLabel: `${ITEM_KIND_LABELS[item.kind]}：${item.description}`,
      unit: ITEM_KIND_UNITS[item.kind],
      quantity: d.quantity,
      note: d.note,
      photos: (JSON.parse(d.photos) as string[]).map(presentPhotoId),
      status: d.status,
      statusLabel: DELIVERY_STATUS_LABELS[d.status],
      recordedBy: people.get(d.recordedById)?.name ?? '',
      recordedAt: d.recordedAt.toISOString(),
      decidedBy: d.decidedById ? (people.get(d.decidedById)?.name ?? null) : null,
      decidedAt: iso(d.decidedAt),
      declineReason: d.declineReason,
      can: d.status === 'pending' && a.status === 'signed' && isPartyStaff(actor, a) ? ['confirm', 'decline'] : [],
    };
  });
}

import type { EntityManager } from 'typeorm';
import { ITEM_KIND_LABELS, ITEM_KIND_UNITS, ItemKind, type DepartmentProgressDTO } from '@hg/types/cobuilding';
import { localDay } from '@hg/types/local-time';
import { organisationsByIds } from '../community/public';
import type { Actor } from '../identity/public';
import { visibleAgreements } from './cobuilding.policy';
import { Agreement, AgreementItem } from './entities';

type Row = {
  departmentId: number | string;
  kind: ItemKind;
  agreements: number | string;
  items: number | string;
  done: number | string;
  overdue: number | string;
  promised: number | string;
  delivered: number | string;
};

/**
 * Delivery by department over the signed and closed agreements the caller sees (drafts promise
 * nothing yet): one grouped statement by (department, kind) — items, items done (confirmed ≥
 * promised), overdue (signed, due before today in Beijing, not done), promised and confirmed sums —
 * and one more for the count of agreements. Departments by name order of id.
 */
export async function departmentProgress(em: EntityManager, actor: Actor, now: Date, departmentId?: number): Promise<DepartmentProgressDTO[]> {
  const today = localDay(now);
  const base = () => {
    const qb = visibleAgreements(em.createQueryBuilder(Agreement, 'a'), actor).andWhere("a.status IN ('signed', 'closed')");
    if (departmentId) qb.andWhere('a.departmentId = :departmentId', { departmentId });
    return qb;
  };
  const rows: Row[] = await base()
    .innerJoin(AgreementItem, 'i', 'i.agreementId = a.id')
    .select('a.departmentId', 'departmentId')
    .addSelect('i.kind', 'kind')
    .addSelect('COUNT(*)', 'items')
    .addSelect('SUM(CASE WHEN i.delivered >= i.promised THEN 1 ELSE 0 END)', 'done')
    .addSelect("SUM(CASE WHEN a.status = 'signed' AND i.dueOn < :today AND i.delivered < i.promised THEN 1 ELSE 0 END)", 'overdue')
    .addSelect('SUM(i.promised)', 'promised')
    .addSelect('SUM(i.delivered)', 'delivered')
    .setParameter('today', today)
    .groupBy('a.departmentId')
    .addGroupBy('i.kind')
    .getRawMany();
  const counts: { departmentId: number | string; n: number | string }[] = await base()
    .select('a.departmentId', 'departmentId')
    .addSelect('COUNT(*)', 'n')
    .groupBy('a.departmentId')
    .getRawMany();
  const names = await organisationsByIds(
    em,
    counts.map((c) => Number(c.departmentId)),
  );
  const kinds = Object.values(ItemKind);
  return counts
    .map((c) => {
      const id = Number(c.departmentId);
      const mine = rows.filter((r) => Number(r.departmentId) === id).sort((x, y) => kinds.indexOf(x.kind) - kinds.indexOf(y.kind));
      const sum = (k: keyof Row) => mine.reduce((s, r) => s + Number(r[k]), 0);
      return {
        departmentId: id,
        departmentName: names.get(id)?.name ?? '',
        agreements: Number(c.n),
        items: sum('items'),
        done: sum('done'),
        overdue: sum('overdue'),
        byKind: mine.map((r) => ({
          kind: r.kind,
          kindLabel: ITEM_KIND_LABELS[r.kind],
          unit: ITEM_KIND_UNITS[r.kind],
          promised: Number(r.promised),
          delivered: Number(r.delivered),
        })),
      };
    })
    .sort((x, y) => x.departmentId - y.departmentId);
}

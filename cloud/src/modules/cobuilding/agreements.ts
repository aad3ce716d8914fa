import type { EntityManager } from 'typeorm';
import { COBUILDING_LIMITS, type AgreementParty } from '@hg/types/cobuilding';
import type { TAgreementItem } from '@hg/types/cobuilding-schemas';
import { dialectOf } from '../../core/data-source';
import { invalidInput, notFound } from '../../core/errors';
import { transition } from '../../core/state-machine';
import { communityRepo, organisationById } from '../community/public';
import { AGREEMENT_MACHINE, type AgreementAction } from './cobuilding-status';
import { Agreement, AgreementItem } from './entities';

const DAY = 24 * 3600_000;

/** The agreement under an exclusive row lock (MySQL; SQLite runs one transaction at a time), as the transaction's first read. */
export async function lockAgreement(em: EntityManager, id: number): Promise<Agreement> {
  if (dialectOf(em.connection) !== 'better-sqlite3') await em.query('SELECT id FROM `cobuilding_agreements` WHERE id = ? FOR UPDATE', [id]);
  const a = await em.findOne(Agreement, { where: { id } });
  if (!a) throw notFound('共建协议');
  return a;
}

/** The department (an organisation of kind department) and the street or community, checked; ancestor ids for the row. */
export async function partiesOf(em: EntityManager, departmentId: number, party: AgreementParty, partyId: number) {
  if (!(await organisationById(em, departmentId, 'department'))) throw invalidInput('departmentId', '没有这个职能部门');
  if (party === 'street') {
    if (!(await communityRepo.street(em, partyId))) throw invalidInput('partyId', '没有这个街道');
    return { streetId: partyId, communityId: null };
  }
  const community = await communityRepo.community(em, partyId);
  if (!community) throw invalidInput('partyId', '没有这个社区');
  return { streetId: community.streetId, communityId: community.id };
}

/** The period and the items' due dates: a period of at most five years, every item due inside it. */
export function checkTerms(period: { startsOn: string; endsOn: string }, items: readonly TAgreementItem[]): void {
  if (period.endsOn < period.startsOn) throw invalidInput('endsOn', '结束日期不能早于开始日期');
  if ((Date.parse(period.endsOn) - Date.parse(period.startsOn)) / DAY > COBUILDING_LIMITS.periodDaysMax) throw invalidInput('endsOn', '协议期限最长5年');
  items.forEach((item, i) => {
    if (item.dueOn < period.startsOn || item.dueOn > period.endsOn) throw invalidInput(`items.${i}.dueOn`, '完成日期须在协议期限内');
  });
}

/** Write the items of a draft (positions 1…n), replacing any it had: one DELETE and one multi-row INSERT. */
export async function writeItems(em: EntityManager, agreementId: number, items: readonly TAgreementItem[]): Promise<void> {
  await em.delete(AgreementItem, { agreementId });
  await em.insert(
    AgreementItem,
    items.map((item, i) => ({
      agreementId,
      position: i + 1,
      kind: item.kind,
      promised: item.promised,
      delivered: 0,
      dueOn: item.dueOn,
      description: item.description,
    })),
  );
}

/** One step of the agreement machine with its event row (core's compare-and-set). */
export function moveAgreement(
  em: EntityManager,
  a: Agreement,
  action: AgreementAction,
  actorId: number,
  at: Date,
  patch: Partial<Agreement> = {},
  data: Record<string, unknown> | null = null,
) {
  return transition({
    em,
    machine: AGREEMENT_MACHINE,
    entity: Agreement,
    row: a,
    action,
    patch: { updatedAt: at, ...patch },
    at,
    actorId,
    data,
    conflictMessage: '协议刚刚被其他人处理，请刷新后查看',
  });
}

import type { EntityManager } from 'typeorm';
import { localYear } from '@hg/types';
import { PARTY_LIMITS, type PartyReportDTO } from '@hg/types/party';
import type { TReportRequest } from '@hg/types/party-schemas';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { conflict, forbidden, invalidInput, isUniqueViolation, notFound } from '../../core/errors';
import { transition } from '../../core/state-machine';
import { recordEvent } from '../../core/subject-log';
import { buildingOf, compoundsByIds } from '../community/public';
import type { Actor } from '../identity/public';
import { Notifier } from '../notifications/public';
import { PartyReport } from './entities';
import { isPartyMember, mayConfirm } from './party.policy';
import { REPORT_MACHINE, type ReportAction } from './party-status';
import { presentReports } from './party.presenter';

/** A confirmed report holds this long; then the timer lapses it and the member renews. */
export function validUntilOf(at: Date): Date {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + PARTY_LIMITS.reportMonths);
  return d;
}

const ACTIVE_TAKEN = '您已有一份待确认或已确认的双报到，请先撤回再向其他小区报到';

/**
 * 双报到: a party member reports to a compound (and a building group in it). One active report per
 * member is the unique `activeKey`: of parallel reports exactly one is written, the others are a
 * CONFLICT and write nothing.
 */
export async function reportTo(ctx: ActionContext, input: TReportRequest): Promise<PartyReportDTO> {
  if (!isPartyMember(ctx.actor)) throw forbidden('只有党员可以双报到');
  const now = clock.now();
  const compound = (await compoundsByIds(ctx.ds.manager, [input.compoundId])).get(input.compoundId);
  if (!compound) throw notFound('小区');
  if (input.buildingId && !(await buildingOf(ctx.ds.manager, compound.id, input.buildingId))) throw invalidInput('buildingId', '楼栋不在该小区');
  let row: PartyReport;
  try {
    row = await ctx.tx(async (em) => {
      const r = em.create(PartyReport, {
        userId: ctx.actor.userId,
        streetId: compound.streetId,
        communityId: compound.communityId,
        compoundId: compound.id,
        buildingId: input.buildingId ?? null,
        workUnit: input.workUnit,
        status: 'pending',
        activeKey: String(ctx.actor.userId),
        year: localYear(now),
        validUntil: null,
        decidedById: null,
        decidedAt: null,
        declineReason: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(PartyReport, r);
      await recordEvent(em, { subjectKind: REPORT_MACHINE.name, subjectId: r.id, action: 'reported', to: 'pending', actorId: ctx.actor.userId, at: now });
      return r;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(ACTIVE_TAKEN);
    throw err;
  }
  return (await presentReports(ctx.ds.manager, [row], ctx.actor))[0];
}

const pathOf = (r: Pick<PartyReport, 'streetId' | 'communityId' | 'compoundId'>) => ({ streetId: r.streetId, communityId: r.communityId, compoundId: r.compoundId });

/** The member's own report, or one of the confirmer's branch; anyone else is told it does not exist. */
export function relationToReport(actor: Actor, r: PartyReport | null): { member: boolean; confirmer: boolean } {
  if (!r) throw notFound('双报到');
  const rel = { member: r.userId === actor.userId, confirmer: mayConfirm(actor, pathOf(r)) };
  if (!rel.member && !rel.confirmer) throw notFound('双报到');
  return rel;
}

const RESULT_TITLE: Partial<Record<ReportAction, string>> = { confirm: '双报到已确认', decline: '双报到未通过' };

/**
 * Every step on a report: in one transaction read it → NOT_FOUND for people with no part in it →
 * FORBIDDEN when their relation may not take the step → the machine's compare-and-set with its
 * event (a double tap or a lost race writes nothing) → the member told of a decision.
 */
export async function runReportStep(
  ctx: ActionContext,
  reportId: number,
  action: ReportAction,
  patchOf: (r: PartyReport, now: Date) => Partial<PartyReport>,
  note?: string,
): Promise<PartyReportDTO> {
  const now = clock.now();
  const notifier = new Notifier();
  let row: PartyReport;
  try {
    row = await ctx.tx(async (em) => {
      const r = await em.findOne(PartyReport, { where: { id: reportId } });
      const rel = relationToReport(ctx.actor, r);
      const who = REPORT_MACHINE.rule(action).who ?? [];
      if (!who.some((w) => (w === 'member' && rel.member) || (w === 'confirmer' && rel.confirmer)))
        throw forbidden(who.includes('confirmer') ? '只有本社区党组织可以审核双报到' : '只有党员本人可以操作');
      await transition({
        em,
        machine: REPORT_MACHINE,
        entity: PartyReport,
        row: r!,
        action,
        patch: { ...patchOf(r!, now), updatedAt: now },
        at: now,
        actorId: ctx.actor.userId,
        data: note ? { reason: note } : null,
        conflictMessage: '这份双报到刚刚被处理，请刷新后查看',
      });
      const title = RESULT_TITLE[action];
      if (title) await tellMember(em, notifier, r!, title, action === 'decline' ? `原因：${note}` : '已加入本小区党支部，可以签订履职承诺书');
      return r!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(ACTIVE_TAKEN);
    throw err;
  }
  return (await presentReports(ctx.ds.manager, [row], ctx.actor))[0];
}

/** A message to the member about their report (opens 我的 until the party pages exist). */
export function tellMember(em: EntityManager, notifier: Notifier, r: PartyReport, title: string, body: string): Promise<void> {
  return notifier.to(em, [r.userId], { kind: 'party_update', title, body, subject: { subjectKind: 'party-report', subjectId: r.id } });
}

/** The member's confirmed report (the one that lets them commit and sign up), or null. */
export function confirmedReportOf(em: EntityManager, userId: number): Promise<PartyReport | null> {
  return em.findOne(PartyReport, { where: { activeKey: String(userId), status: 'confirmed' } });
}

/** The member's latest report, whatever its state. */
export function latestReportOf(em: EntityManager, userId: number): Promise<PartyReport | null> {
  return em.findOne(PartyReport, { where: { userId }, order: { id: 'DESC' } });
}

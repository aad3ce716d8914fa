import type { EntityManager } from 'typeorm';
import { localYear } from '@hg/types';
import type { CommitmentSummaryDTO } from '@hg/types/party';
import { PARTY_SETTINGS, type TSignCommitmentRequest } from '@hg/types/party-schemas';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { conflict, invalidInput, invalidTransition, isUniqueViolation } from '../../core/errors';
import { recordEvent } from '../../core/subject-log';
import type { Actor } from '../identity/public';
import { readSettings } from '../settings/public';
import { Commitment, ServiceHours } from './entities';
import { COMMITMENT_SUBJECT } from './party-status';
import { hoursOf, presentCommitment, presentReports } from './party.presenter';
import { confirmedReportOf, latestReportOf } from './reports';

const currentKeyOf = (userId: number, year: number) => `${userId}:${year}`;

/**
 * 履职承诺书: this year's commitment of a member whose report is confirmed, checked against the
 * city's lists. Re-signing supersedes the current one (kept, its key cleared) and writes the new
 * one in the same transaction; the unique `currentKey` keeps one current per member and year even
 * when two signatures race (the loser is a CONFLICT and writes nothing).
 */
export async function signCommitment(ctx: ActionContext, input: TSignCommitmentRequest): Promise<CommitmentSummaryDTO> {
  const now = clock.now();
  const year = localYear(now);
  const em0 = ctx.ds.manager;
  const settings = await readSettings(em0, PARTY_SETTINGS);
  if (!settings.postCategories.includes(input.postCategory)) throw invalidInput('postCategory', '请从城市配置的岗位类别中选择');
  const unknown = input.roles.find((r) => !settings.roles.includes(r));
  if (unknown) throw invalidInput('roles', `「${unknown}」不是六大员角色`);
  if (input.plannedHours > settings.plannedHoursMax) throw invalidInput('plannedHours', `计划时长最多${settings.plannedHoursMax}小时`);
  const report = await confirmedReportOf(em0, ctx.actor.userId);
  if (!report) throw invalidTransition('双报到经党组织确认后才能签订履职承诺书');
  const key = currentKeyOf(ctx.actor.userId, year);
  try {
    await ctx.tx(async (em) => {
      const replaced = await em.update(Commitment, { currentKey: key, status: 'current' }, { currentKey: null, status: 'superseded' });
      const c = em.create(Commitment, {
        userId: ctx.actor.userId,
        reportId: report.id,
        communityId: report.communityId,
        compoundId: report.compoundId,
        year,
        postCategory: input.postCategory,
        roles: JSON.stringify(input.roles),
        plannedHours: input.plannedHours,
        items: JSON.stringify(input.items),
        status: 'current',
        currentKey: key,
        signedAt: now,
      });
      await em.insert(Commitment, c);
      await recordEvent(em, {
        subjectKind: COMMITMENT_SUBJECT,
        subjectId: c.id,
        action: replaced.affected ? 'resigned' : 'signed',
        actorId: ctx.actor.userId,
        at: now,
        data: { year, plannedHours: input.plannedHours },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('承诺书刚刚已签订，请刷新后查看');
    throw err;
  }
  return commitmentSummary(em0, ctx.actor, year);
}

/**
 * A member's year: the current commitment, planned hours beside the recorded (pending and
 * approved) and the approved hours. With no record of hours at all both are null — "no hours
 * recorded" is not zero; once anything is recorded, nothing approved yet is 0.
 */
export async function commitmentSummary(em: EntityManager, actor: Actor, year: number): Promise<CommitmentSummaryDTO> {
  const [settings, report, commitment, sums] = await Promise.all([
    readSettings(em, PARTY_SETTINGS),
    latestReportOf(em, actor.userId),
    em.findOne(Commitment, { where: { currentKey: currentKeyOf(actor.userId, year) } }),
    em
      .createQueryBuilder(ServiceHours, 'h')
      .select('h.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .addSelect('COALESCE(SUM(h.minutes), 0)', 'minutes')
      .where('h.userId = :userId AND h.year = :year', { userId: actor.userId, year })
      .groupBy('h.status')
      .getRawMany<{ status: string; n: number | string; minutes: number | string }>(),
  ]);
  const by = new Map(sums.map((s) => [s.status, { n: Number(s.n), minutes: Number(s.minutes) }]));
  const records = sums.reduce((n, s) => n + Number(s.n), 0);
  const approved = by.get('approved')?.minutes ?? 0;
  const pending = by.get('pending')?.minutes ?? 0;
  return {
    year,
    report: report ? (await presentReports(em, [report], actor))[0] : null,
    commitment: commitment ? presentCommitment(commitment) : null,
    plannedHours: commitment?.plannedHours ?? null,
    recordedHours: records ? hoursOf(approved + pending) : null,
    approvedHours: records ? hoursOf(approved) : null,
    pendingRecords: (by.get('pending')?.n ?? 0) + (by.get('open')?.n ?? 0),
    postCategories: settings.postCategories,
    roles: settings.roles,
    plannedHoursMax: settings.plannedHoursMax,
  };
}

import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, formatLocalTime } from '@hg/types';
import { DELIBERATION_LIMITS } from '@hg/types/deliberation';
import { DELIBERATION_SETTINGS } from '@hg/types/deliberation-schemas';
import { dialectOf } from '../../core/data-source';
import { AppError, invalidInput, notFound } from '../../core/errors';
import { transition } from '../../core/state-machine';
import { communityRepo } from '../community/public';
import { householdIdsIn, verifiedMembersOfHouseholds } from '../households/public';
import type { Notifier } from '../notifications/public';
import { readSettings } from '../settings/public';
import { Ballot, ElectorateRow, Matter, MatterVersion } from './entities';
import { MATTER_MACHINE, type MatterAction } from './matter-status';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const optionsOf = (m: Pick<Matter, 'options'>): string[] => JSON.parse(m.options) as string[];

/**
 * The short content hash the notice shows: the first 8 hex of sha256 over the canonical JSON of
 * title, text and options (in that order), so anyone can check a printed notice against the app.
 */
export function contentHash(c: { title: string; text: string; options: readonly string[] }): string {
  return crypto.createHash('sha256').update(JSON.stringify([c.title, c.text, [...c.options]])).digest('hex').slice(0, 8);
}

/** The matter under an exclusive row lock (MySQL; SQLite runs one transaction at a time), as the transaction's first read. */
export async function lockMatter(em: EntityManager, id: number): Promise<Matter> {
  if (dialectOf(em.connection) !== 'better-sqlite3') await em.query('SELECT id FROM `deliberation_matters` WHERE id = ? FOR UPDATE', [id]);
  const m = await em.findOne(Matter, { where: { id } });
  if (!m) throw notFound('议题');
  return m;
}

/** The place a matter is about, checked against the hierarchy; ancestor ids for the row. */
export async function placeOf(em: EntityManager, level: Matter['scopeLevel'], scopeId: number) {
  let compoundId = scopeId;
  let buildingId: number | null = null;
  let unitId: number | null = null;
  if (level === 'unit') {
    const unit = await communityRepo.unit(em, scopeId);
    if (!unit) throw invalidInput('scopeId', '没有这个单元');
    unitId = unit.id;
    buildingId = unit.buildingId;
  }
  if (level !== 'compound') {
    const building = await communityRepo.building(em, buildingId ?? scopeId);
    if (!building) throw invalidInput('scopeId', '没有这个楼栋');
    buildingId = building.id;
    compoundId = building.compoundId;
  }
  const compound = await communityRepo.compound(em, compoundId);
  if (!compound) throw invalidInput('scopeId', '没有这个小区');
  return { streetId: compound.streetId, communityId: compound.communityId, compoundId, buildingId, unitId };
}

interface Window {
  opensAt: string;
  closesAt: string;
}

/**
 * Freeze a version: the rule from the city's settings, the content hash, the window (opens no
 * earlier than the notice period after now; voting at most 60 days), the version's text, and the
 * electorate (every household of the scope known to the product) in one multi-row INSERT. Returns
 * the patch for the matter row; the caller's transition writes it with the step.
 */
async function freezeVersion(em: EntityManager, m: Matter, content: { title: string; text: string; options: string[] }, w: Window, by: number, now: Date) {
  const rule = await readSettings(em, DELIBERATION_SETTINGS);
  const opensAt = new Date(w.opensAt);
  const closesAt = new Date(w.closesAt);
  const earliest = now.getTime() + rule.noticeDays * DAY;
  if (opensAt.getTime() < earliest - 60_000)
    throw invalidInput('opensAt', `投票开始时间须在公告发布${rule.noticeDays}天之后（不早于公告期满）`);
  if (closesAt.getTime() - opensAt.getTime() > DELIBERATION_LIMITS.votingDaysMax * DAY) throw invalidInput('closesAt', `投票期最长${DELIBERATION_LIMITS.votingDaysMax}天`);
  const version = m.version + 1;
  const hash = contentHash(content);
  const households = await householdIdsIn(em, { compoundId: m.compoundId, buildingId: m.buildingId, unitId: m.unitId });
  if (!households.length) throw new AppError(ErrorCode.INVALID_TRANSITION, '该范围内还没有登记的住户，无法发布');
  // One statement per chunk of 2,000 rows: a compound of 5,000 households is three statements.
  for (let i = 0; i < households.length; i += 2000)
    await em.createQueryBuilder().insert().into(ElectorateRow).values(households.slice(i, i + 2000).map((householdId) => ({ matterId: m.id, version, householdId }))).execute();
  await em.insert(MatterVersion, {
    matterId: m.id,
    version,
    title: content.title,
    text: content.text,
    options: JSON.stringify(content.options),
    contentHash: hash,
    eligible: households.length,
    publishedAt: now,
    publishedById: by,
  });
  const patch: Partial<Matter> = {
    title: content.title,
    text: content.text,
    options: JSON.stringify(content.options),
    version,
    contentHash: hash,
    publishedAt: now,
    opensAt,
    closesAt,
    quorumPercent: rule.quorumPercent,
    approvalPercent: rule.approvalPercent,
    noticeDays: rule.noticeDays,
    updatedAt: now,
  };
  return { patch, eligible: households.length, hash, version };
}

/** A message to the verified members of every household of the matter's current electorate (one query for them, one INSERT). */
export async function tellElectorate(em: EntityManager, notifier: Notifier, m: Matter, title: string, body: string): Promise<void> {
  const households = (await em.find(ElectorateRow, { select: { householdId: true }, where: { matterId: m.id, version: m.version } })).map((r) => r.householdId);
  const members = await verifiedMembersOfHouseholds(em, households);
  if (!members.length) return;
  await notifier.to(
    em,
    members.map((x) => x.userId),
    { kind: 'matter_update', subject: { subjectKind: 'matter', subjectId: m.id }, title, body },
  );
}

/** 发布公告: the draft's text and options are frozen as version 1, its electorate snapshotted and told when the vote opens. */
export async function publishMatter(em: EntityManager, notifier: Notifier, m: Matter, w: Window, by: number, now: Date): Promise<void> {
  if (!MATTER_MACHINE.allows('publish', m.status)) throw new AppError(ErrorCode.INVALID_TRANSITION, '议题已发布，修改请发布新版本');
  const frozen = await freezeVersion(em, m, { title: m.title, text: m.text, options: optionsOf(m) }, w, by, now);
  await move(em, m, 'publish', by, now, frozen.patch, { version: frozen.version, hash: frozen.hash, eligible: frozen.eligible });
  await tellElectorate(em, notifier, m, '新议题公告', `「${m.title}」已公告（第${m.version}版），${formatLocalTime(m.opensAt, now)}开始投票，${formatLocalTime(m.closesAt, now)}截止`);
}

/**
 * A new version from 发布公告 or 组织协商: new content and window, a new electorate, and the notice
 * period again. Every current ballot of the old version is voided (kept, marked, key cleared) and
 * the verified members of those households are told to vote again.
 */
export async function reviseMatter(
  em: EntityManager,
  notifier: Notifier,
  m: Matter,
  input: { title: string; text: string; options: string[]; reason: string } & Window,
  by: number,
  now: Date,
): Promise<number> {
  if (!MATTER_MACHINE.allows('revise', m.status)) throw new AppError(ErrorCode.INVALID_TRANSITION, '当前步骤不能发布新版本');
  const old = m.version;
  const voided = await em.find(Ballot, { where: { matterId: m.id, version: old, status: 'current' } });
  const frozen = await freezeVersion(em, m, input, input, by, now);
  await move(em, m, 'revise', by, now, { ...frozen.patch, remindedVersion: null }, {
    fromVersion: old,
    version: frozen.version,
    hash: frozen.hash,
    eligible: frozen.eligible,
    reason: input.reason,
    voided: voided.length,
  });
  if (voided.length) {
    await em
      .createQueryBuilder()
      .update(Ballot)
      .set({ status: 'voided', currentKey: null, endedAt: now })
      .where('matterId = :id AND version = :old AND status = :current', { id: m.id, old, current: 'current' })
      .execute();
    const members = await verifiedMembersOfHouseholds(
      em,
      voided.map((b) => b.householdId),
    );
    await notifier.to(em, [...members.map((x) => x.userId), ...voided.filter((b) => b.channel === 'online').map((b) => b.castById)], {
      kind: 'matter_update',
      subject: { subjectKind: 'matter', subjectId: m.id },
      title: '议题已修改，请重新投票',
      body: `「${m.title}」已发布第${frozen.version}版（${input.reason}），本户原来的选票已作废，投票开始后请重新投票`,
    });
  }
  return voided.length;
}

/** One step of the machine with its event row (core's compare-and-set). */
export function move(em: EntityManager, m: Matter, action: MatterAction, actorId: number | null, at: Date, patch: Partial<Matter> = {}, data: Record<string, unknown> | null = null) {
  return transition({
    em,
    machine: MATTER_MACHINE,
    entity: Matter,
    row: m,
    action,
    patch: { updatedAt: at, ...patch },
    at,
    actorId,
    data,
    conflictMessage: '议题刚刚被其他人处理，请刷新后查看',
  });
}

/** Is the vote taking ballots at `now`, by the clock (a timer that has not run yet changes nothing)? */
export function votingOpen(m: Matter, now: Date): boolean {
  return (m.status === 'notice' || m.status === 'voting') && !!m.opensAt && !!m.closesAt && m.opensAt <= now && now < m.closesAt;
}

export { HOUR };

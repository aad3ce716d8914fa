import type { EntityManager } from 'typeorm';
import {
  MATTER_EVENT_LABELS,
  MATTER_STATUS_LABELS,
  type MatterDTO,
  type MatterEventDTO,
  type MatterSummaryDTO,
  type MyBallotDTO,
} from '@hg/types/deliberation';
import { eventsOf } from '../../core/subject-log';
import type { SubjectEvent } from '../../core/subject-event.entity';
import { DELIBERATION_SETTINGS } from '@hg/types/deliberation-schemas';
import { communityRepo } from '../community/public';
import { usersById } from '../identity/public';
import { householdPlaces } from '../households/public';
import { readSettings } from '../settings/public';
import { type Ballot, ElectorateRow, type Matter, Tally } from './entities';
import { MATTER_MACHINE } from './matter-status';
import { optionsOf, votingOpen } from './matters';
import { presentTally } from './tally';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** "锦屏花园 1栋 2单元": the matter's place, named. */
async function placeName(em: EntityManager, m: Matter): Promise<string> {
  const compound = await communityRepo.compound(em, m.compoundId);
  const building = m.buildingId ? await communityRepo.building(em, m.buildingId) : null;
  const unit = m.unitId ? await communityRepo.unit(em, m.unitId) : null;
  return [compound?.name, building?.name, unit?.name].filter(Boolean).join(' ');
}

/** Place names of many matters: one read per compound, building and unit involved. */
async function placeNames(em: EntityManager, rows: Matter[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const cache = new Map<string, string>();
  for (const m of rows) {
    const key = `${m.compoundId}:${m.buildingId ?? 0}:${m.unitId ?? 0}`;
    if (!cache.has(key)) cache.set(key, await placeName(em, m));
    out.set(m.id, cache.get(key)!);
  }
  return out;
}

export function presentSummary(m: Matter, place: string): MatterSummaryDTO {
  return {
    id: m.id,
    title: m.title,
    status: m.status,
    statusLabel: MATTER_STATUS_LABELS[m.status],
    scopeLevel: m.scopeLevel,
    placeName: place,
    version: m.version,
    opensAt: iso(m.opensAt),
    closesAt: iso(m.closesAt),
  };
}

export async function presentSummaries(em: EntityManager, rows: Matter[]): Promise<MatterSummaryDTO[]> {
  const names = await placeNames(em, rows);
  return rows.map((m) => presentSummary(m, names.get(m.id) ?? ''));
}

/** A log row as the timeline shows it: the step, when, the version it concerns and a reason if one was given. */
function presentEvent(e: SubjectEvent): MatterEventDTO {
  const data = e.data ?? {};
  const version = typeof data.version === 'number' ? data.version : null;
  const note = typeof data.reason === 'string' ? data.reason : null;
  return { event: e.action, label: MATTER_EVENT_LABELS[e.action] ?? e.action, at: e.at.toISOString(), version, note };
}

/** Steps only organisers see on the timeline: drafting's edits and the outcome written before it is published. */
const BACK_OFFICE_EVENTS = new Set(['edited', 'outcome_written']);

/** Who is looking: an organiser of the matter or not, and their own homes that vote on it. */
export interface MatterViewer {
  organiser: boolean;
  households: readonly number[];
}

/**
 * A matter for someone allowed to see it. Per-option counts exist only in the stored tally, which
 * is shown after close; the `can` list is what the caller may do now (organisers only).
 */
export async function presentMatter(em: EntityManager, m: Matter, viewer: MatterViewer, now: Date): Promise<MatterDTO> {
  const [place, proposers, tally, eligible, events, homes] = await Promise.all([
    placeName(em, m),
    usersById(em, [m.proposerId]),
    m.status === 'closed' || m.status === 'published' ? em.findOne(Tally, { where: { matterId: m.id } }) : Promise.resolve(null),
    m.version ? em.count(ElectorateRow, { where: { matterId: m.id, version: m.version } }) : Promise.resolve(null),
    eventsOf(em, 'matter', m.id),
    householdPlaces(em, viewer.households),
  ]);
  const rule =
    m.quorumPercent !== null && m.approvalPercent !== null && m.noticeDays !== null
      ? { quorumPercent: m.quorumPercent, approvalPercent: m.approvalPercent, noticeDays: m.noticeDays }
      : await readSettings(em, DELIBERATION_SETTINGS).then((s) => ({
          quorumPercent: s.quorumPercent,
          approvalPercent: s.approvalPercent,
          noticeDays: s.noticeDays,
        }));
  const can: string[] = [];
  if (viewer.organiser) {
    for (const a of ['edit', 'publish', 'revise', 'withdraw', 'writeOutcome'] as const) if (MATTER_MACHINE.allows(a, m.status)) can.push(a);
    if (MATTER_MACHINE.allows('publishOutcome', m.status) && m.outcome) can.push('publishOutcome');
    if ((m.status === 'notice' || m.status === 'voting') && m.closesAt && now >= m.closesAt) can.push('close');
    if (votingOpen(m, now)) can.push('enterBallot');
    if (m.version > 0) can.push('participation');
  }
  return {
    ...presentSummary(m, place),
    text: m.text,
    options: optionsOf(m),
    compoundId: m.compoundId,
    buildingId: m.buildingId,
    unitId: m.unitId,
    contentHash: m.contentHash,
    sourceNeedId: m.sourceNeedId,
    proposerName: m.proposerId ? (proposers.get(m.proposerId)?.name ?? null) : null,
    publishedAt: iso(m.publishedAt),
    rule,
    eligible,
    votingOpen: votingOpen(m, now),
    withdrawnReason: m.withdrawnReason,
    outcome: m.outcome,
    outcomePublishedAt: iso(m.outcomePublishedAt),
    tally: tally ? presentTally(tally) : null,
    timeline: events.filter((e) => viewer.organiser || !BACK_OFFICE_EVENTS.has(e.action)).map(presentEvent),
    myHouseholds: viewer.households.map((householdId) => {
      const p = homes.get(householdId);
      return { householdId, place: p ? `${p.building.name}${p.unit.name}${p.room}` : '' };
    }),
    can,
  };
}

export function presentBallot(b: Ballot, options: string[]): MyBallotDTO {
  return {
    householdId: b.householdId,
    version: b.version,
    optionIndex: b.optionIndex,
    option: options[b.optionIndex] ?? '',
    channel: b.channel,
    castAt: b.castAt.toISOString(),
    castByMember: b.channel === 'online',
  };
}

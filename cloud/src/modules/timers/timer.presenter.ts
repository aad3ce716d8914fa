import { In, type EntityManager } from 'typeorm';
import { TIMER_JOB_STATE_LABEL, TIMER_OUTCOME_LABEL, type TimerJobDTO, type TimerJobState, type TimerRunDTO } from '@hg/types';
import { TimerJobRecord } from './timer-job.entity';
import { TimerRun } from './timer-run.entity';

/** Attempts shown per job. */
const RECENT = 10;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function stateOf(row: TimerJobRecord | undefined, now: Date): TimerJobState {
  if (!row?.lastStartedAt) return 'never';
  if (!row.holder || !row.leaseUntil) return 'idle';
  return row.leaseUntil.getTime() >= now.getTime() ? 'running' : 'lapsed';
}

function presentRun(r: TimerRun): TimerRunDTO {
  return {
    holder: r.holder,
    outcome: r.outcome,
    outcomeLabel: TIMER_OUTCOME_LABEL[r.outcome],
    startedAt: r.startedAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : {},
    error: r.errorCode ? { code: r.errorCode, message: r.errorMessage ?? '' } : null,
  };
}

/** The configured jobs in run order, each with its lease, last-run summary and latest attempts. */
export async function presentJobs(em: EntityManager, names: readonly string[], now: Date): Promise<TimerJobDTO[]> {
  if (!names.length) return [];
  const rows = new Map((await em.find(TimerJobRecord, { where: { name: In([...names]) } })).map((r) => [r.name, r]));
  return Promise.all(
    names.map(async (name) => {
      const row = rows.get(name);
      const state = stateOf(row, now);
      const recent = await em.find(TimerRun, { where: { job: name }, order: { id: 'DESC' }, take: RECENT });
      return {
        name,
        state,
        stateLabel: TIMER_JOB_STATE_LABEL[state],
        holder: row?.holder ?? null,
        leaseUntil: iso(row?.leaseUntil ?? null),
        lastStartedAt: iso(row?.lastStartedAt ?? null),
        lastFinishedAt: iso(row?.lastFinishedAt ?? null),
        lastOutcome: row?.lastOutcome ?? null,
        lastOkAt: iso(row?.lastOkAt ?? null),
        failStreak: row?.failStreak ?? 0,
        recent: recent.map(presentRun),
      };
    }),
  );
}

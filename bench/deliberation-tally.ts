/**
 * The tally of a household vote at compound scale (issue 18: ≤ 200 ms on MariaDB for 5,000
 * households): a matter in 组织协商 with 5,000 households in its electorate, 3,000 current ballots
 * over 3 options and 3 channels, plus 3,000 superseded rows, on a fresh migrated database; then the
 * real close (`closeVote`: the matter locked, the compare-and-set with its event, the grouped count,
 * the tally row) in one transaction, a few runs, the matter put back between runs.
 * MariaDB/MySQL when MYSQL_URL is set (a temporary database, dropped afterwards), else SQLite.
 *
 * `tsx bench/deliberation-tally.ts [--runs=N]` prints the runs; it writes nothing to docs/.
 */
import { DataSource } from 'typeorm';
import { buildOptions, migrate, runInTransaction, setDataSource } from '../cloud/src/core/data-source';
import '../cloud/src/app';
import { closeVote } from '../cloud/src/modules/deliberation/tally';
import { tempMysql, tempSqlite } from '../scripts/lib/cloud-harness';
import { median } from './stats';

export const TALLY_TARGET_MS = 200;
const HOUSEHOLDS = 5000;
const VOTED = 3000;

async function main() {
  const runs = Number(/--runs=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 7);
  const db = process.env.MYSQL_URL ? await tempMysql(process.env.MYSQL_URL, 'hg_bench_tally') : tempSqlite();
  const ds = new DataSource(buildOptions({ ...db.env }));
  await ds.initialize();
  try {
    await migrate(ds);
    setDataSource(ds);
    // A datetime parameter as each driver binds it (SQLite stores UTC text).
    const time = (iso: string) => (db.kind === 'sqlite' ? iso.replace('T', ' ').replace('Z', '') : new Date(iso));
    const t0 = time('2026-12-01T00:00:00.000Z');
    const closesAt = time('2026-12-05T00:00:00.000Z');
    await ds.query(
      `INSERT INTO deliberation_matters (title, text, options, scopeLevel, streetId, communityId, compoundId, buildingId, unitId, status, version, contentHash,
         proposerId, sourceNeedId, publishedAt, opensAt, closesAt, quorumPercent, approvalPercent, noticeDays, remindedVersion, withdrawnReason, outcome,
         outcomePublishedAt, createdAt, updatedAt)
       VALUES ('基准议题', '基准', '["甲","乙","丙"]', 'compound', 1, 1, 1, NULL, NULL, 'voting', 1, 'abcdef01', 1, NULL, ?, ?, ?, 50, 50, 3, NULL, NULL, NULL, NULL, ?, ?)`,
      [t0, t0, closesAt, t0, t0],
    );
    const [{ id }] = await ds.query("SELECT id FROM deliberation_matters WHERE title = '基准议题'");
    const matterId = Number(id);
    const chunk = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
    for (const part of chunk(Array.from({ length: HOUSEHOLDS }, (_, i) => i + 1), 1000))
      await ds.query(`INSERT INTO deliberation_electorate (matterId, version, householdId) VALUES ${part.map(() => '(?, 1, ?)').join(',')}`, part.flatMap((h) => [matterId, h]));
    const channels = ['online', 'online', 'meeting', 'proxy'];
    const ballots = Array.from({ length: VOTED }, (_, i) => i + 1).flatMap((h) => [
      [matterId, h, h % 3, channels[h % 4], 'superseded', null],
      [matterId, h, (h * 7) % 3, channels[(h + 1) % 4], 'current', `${matterId}:1:${h}`],
    ]);
    for (const part of chunk(ballots, 500))
      await ds.query(
        `INSERT INTO deliberation_ballots (matterId, version, householdId, optionIndex, channel, castById, status, currentKey, castAt, endedAt) VALUES ${part.map(() => '(?, 1, ?, ?, ?, 1, ?, ?, ?, NULL)').join(',')}`,
        part.flatMap((b) => [...b, t0]),
      );
    const times: number[] = [];
    let tally = '';
    for (let r = 0; r < runs; r++) {
      await ds.query("UPDATE deliberation_matters SET status = 'voting' WHERE id = ?", [matterId]);
      await ds.query('DELETE FROM deliberation_tallies WHERE matterId = ?', [matterId]);
      const start = performance.now();
      const row = await runInTransaction(ds, (em) => closeVote(em, matterId, new Date('2026-12-05T00:00:01Z'), null));
      times.push(performance.now() - start);
      tally = `eligible ${row.eligible}, ballots ${row.ballots} (${row.online}/${row.meeting}/${row.proxy}), counts ${row.counts}, approved ${row.approved}`;
    }
    const med = median(times);
    console.log(`${db.label}: closeVote over ${HOUSEHOLDS} households, ${VOTED} current + ${VOTED} superseded ballots — ${tally}`);
    console.log(`runs (ms): ${times.map((t) => t.toFixed(1)).join(', ')}; median ${med.toFixed(1)} ms (target ≤ ${TALLY_TARGET_MS} ms on MariaDB)`);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});

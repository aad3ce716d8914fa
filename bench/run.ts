/**
 * `npm run bench` (MYSQL_URL set for the MySQL rows): cold start of a built cloud function next to
 * `node -e` and the hand-written yardstick (bench/yardstick/), gateway throughput next to a bare
 * handler (fixed JSON, and the same reads in raw SQL), weapp main package size, and the needs lists
 * at city scale (MySQL only, bench/needs-queue.ts). Prints the tables and rewrites the results
 * sections of docs/benchmarks.md. `--quick` for a shorter smoke run (not for the record);
 * `--skip-needs` leaves the city-scale needs bench (and its section) alone; `--skip-bookings` leaves
 * the bookings rush (bench/bookings-rush.ts: 2,000 bookings for 300 seats through the gateway next to
 * a raw loop, MySQL when MYSQL_URL is set, and SQLite) and its section alone; `--skip-ratings` leaves
 * the ratings period close (bench/ratings-close.ts: closePeriod over 200,000 household ratings and the
 * firm card next to the same work in raw SQL, MySQL when MYSQL_URL is set, and SQLite; run last) and
 * its section alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCloudFunctions } from '../scripts/build-cloud';
import { ROOT, tempMysql, tempSqlite, type TempDatabase } from '../scripts/lib/cloud-harness';
import { runBookingsBench } from './bookings-rush';
import { benchColdStart, type ColdStartResult } from './cold-start';
import { benchGateway, type GatewayResult } from './gateway';
import { describeMachine, type Machine } from './machine';
import { runNeedsBench } from './needs-queue';
import { runRatingsBench } from './ratings-close';
import { weappSize } from './weapp-size';

const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- bench:results:start (written by npm run bench; edit the text above instead) -->';
const END = '<!-- bench:results:end -->';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

async function serverVersion(url: string): Promise<string> {
  const mysql = await import('mysql2/promise');
  const c = await mysql.createConnection(url.replace(/^mariadb:/, 'mysql:'));
  const [rows] = await c.query('SELECT VERSION() AS v');
  await c.end();
  return String((rows as { v: string }[])[0].v);
}

/** "equal", or where the answers differ (bundle/gateway value ≠ yardstick value), each difference once. */
function sameNote(xs: { db: string; sdk?: string; equal: boolean; diff?: string }[], what: string): string {
  if (xs.every((x) => x.equal)) return `Before timing, ${what} gave equal answers on every database.`;
  const byDiff = new Map<string, string[]>();
  for (const x of xs.filter((y) => !y.equal)) byDiff.set(x.diff!, [...(byDiff.get(x.diff!) ?? []), `${x.db}${x.sdk ? ` (${x.sdk} SDK)` : ''}`]);
  const list = [...byDiff].map(([diff, where]) => `\`${diff}\` on ${where.join(', ')}`).join('; ');
  return `Before timing, ${what} gave different answers (theirs ≠ the yardstick's): ${list}. The yardstick follows MeDTO in types/dto.ts; update bench/yardstick/ when it changes.`;
}

function render(
  m: Machine,
  dbNote: string,
  bundles: { name: string; bytes: number; cacheBytes: number | null }[],
  cold: ColdStartResult,
  gw: GatewayResult,
  size: ReturnType<typeof weappSize>,
  quick: boolean,
): string {
  const coldTable = table(
    ['variant', 'runs', 'median', 'p90', 'peak RSS', '× `node -e`', 'target', '', '× yardstick', 'target', ''],
    cold.rows.map((r) => [
      r.kind === 'bundle' ? `**${r.variant}**` : r.variant,
      r.runs,
      `${r.medianMs.toFixed(0)} ms`,
      `${r.p90Ms.toFixed(0)} ms`,
      `${r.rssMiB.toFixed(0)} MiB`,
      r.ratio === null ? '1.00' : r.ratio.toFixed(2),
      r.target === null ? '' : `≤ ${r.target.toFixed(1)}×`,
      r.ratio === null || r.target === null ? '' : verdict(r.ratio <= r.target),
      r.vsYardstick === null ? '' : r.vsYardstick.toFixed(2),
      r.yardstickTarget === null ? '' : `≤ ${r.yardstickTarget.toFixed(1)}×`,
      r.vsYardstick === null || r.yardstickTarget === null ? '' : verdict(r.vsYardstick <= r.yardstickTarget),
    ]),
  );
  const gwTable = table(
    ['variant', 'req/s', 'p50', 'p99', 'requests', 'failed', '× fixed JSON', 'target', '', '× raw SQL', 'target', ''],
    gw.rows.map((r) => [
      r.variant.startsWith('gateway') ? `**${r.variant}**` : r.variant,
      Math.round(r.reqPerSec).toLocaleString('en-US'),
      `${r.p50Ms} ms`,
      `${r.p99Ms} ms`,
      r.requests.toLocaleString('en-US'),
      r.failures,
      r.ratio === null ? '1.00' : r.ratio.toFixed(2),
      r.target === null ? '' : `≥ ${r.target.toFixed(1)}×`,
      r.ratio === null || r.target === null ? '' : verdict(r.ratio >= r.target && r.failures === 0),
      r.vsRaw === null ? '' : r.vsRaw.toFixed(2),
      r.rawTarget === null ? '' : `≥ ${r.rawTarget.toFixed(1)}×`,
      r.vsRaw === null || r.rawTarget === null ? '' : verdict(r.vsRaw >= r.rawTarget && r.failures === 0),
    ]),
  );
  const sizeTable = table(
    ['package', 'bytes', 'limit / target', ''],
    [
      ['main', kb(size.main), `≤ ${kb(size.target)} target, ≤ ${kb(size.limit)} limit`, verdict(size.main <= size.target)],
      ...size.subpackages.map((p) => [p.root, kb(p.bytes), `≤ ${kb(size.limit)} limit`, verdict(p.bytes <= size.limit)]),
      ['total', kb(size.total), '', ''],
    ],
  );
  const bundleTable = table(
    ['function', 'app.js', 'app.cache'],
    bundles.map((b) => [b.name, kb(b.bytes), b.cacheBytes === null ? '—' : kb(b.cacheBytes)]),
  );
  return [
    START,
    '',
    `## Latest results${quick ? ' (quick run: fewer samples, shorter loads)' : ''}`,
    '',
    `Measured ${m.date} on ${m.cores} × ${m.cpu}, ${m.ramGiB} GiB RAM, Node ${m.node} (load average ${m.load} at the start); ${dbNote}.`,
    '',
    '### Cold start of a built cloud function',
    '',
    `Whole processes, spawn → answer on stdout, all variants interleaved; peak RSS is the median of the processes' \`maxRSS\`. Yardstick: bench/yardstick/me-<db>.js. SDK: "stub SDK" leaves wx-server-sdk's own load out; "${cold.realSdk}" loads the real one (init() made a no-op). ${sameNote(cold.sameAnswer, 'yardstick and bundle')}`,
    '',
    coldTable,
    '',
    '### Gateway: authenticated read, 50 connections',
    '',
    `"raw SQL": a bare node:http handler in the same process doing what the gateway does for \`POST /api/me\` — bearer token check, JSON body, the yardstick's reads (mysql2 pool of 10 / better-sqlite3), the same envelope. ${sameNote(gw.sameAnswer, 'the raw-SQL handler and the gateway')}`,
    '',
    gwTable,
    '',
    `### weapp packages (dist/weapp-size.json, measured ${size.measuredAt.replace(/\.\d+Z$/, 'Z')})`,
    '',
    sizeTable,
    '',
    '### Cloud function bundles (minified)',
    '',
    bundleTable,
    '',
    END,
  ].join('\n');
}

function writeDoc(section: string): void {
  const doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${path.relative(ROOT, DOC)} has no results markers; keep the intro and the two marker comments`);
  fs.writeFileSync(DOC, `${doc.slice(0, a)}${section}${doc.slice(b + END.length)}`);
}

async function main() {
  const quick = process.argv.includes('--quick');
  const machine = describeMachine();
  console.log(`bench on ${machine.cores} × ${machine.cpu}, Node ${machine.node}${quick ? ' (quick)' : ''}`);

  const bundles = await buildCloudFunctions();
  const dbs: TempDatabase[] = [tempSqlite()];
  let dbNote = 'SQLite (better-sqlite3, WAL) in a temp folder';
  try {
    if (process.env.MYSQL_URL) {
      dbs.push(await tempMysql(process.env.MYSQL_URL, 'hg_bench'));
      dbNote += `; MySQL: ${await serverVersion(process.env.MYSQL_URL)} on the same machine`;
    } else console.log('MYSQL_URL not set: MySQL rows skipped');

    console.log('\ncold start…');
    const cold = await benchColdStart(dbs, quick ? 7 : 21);
    for (const r of cold.rows) {
      console.log(
        `  ${r.variant.padEnd(46)} ${r.medianMs.toFixed(0).padStart(5)} ms  p90 ${r.p90Ms.toFixed(0).padStart(4)} ms  ${r.rssMiB.toFixed(0).padStart(4)} MiB  ${r.ratio === null ? '' : `${r.ratio.toFixed(2)}× node`}${r.vsYardstick === null ? '' : `  ${r.vsYardstick.toFixed(2)}× yardstick (target ≤ ${r.yardstickTarget}×)`}`,
      );
    }

    console.log('\ngateway throughput…');
    const gw = await benchGateway(dbs, quick ? 3 : 10);
    for (const r of gw.rows) {
      console.log(
        `  ${r.variant.padEnd(34)} ${Math.round(r.reqPerSec).toString().padStart(6)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  failed ${r.failures}${r.vsRaw === null ? '' : `  ${r.vsRaw.toFixed(2)}× raw SQL (target ≥ ${r.rawTarget}×)`}`,
      );
    }

    console.log('\nweapp size…');
    const size = weappSize();
    console.log(`  main ${kb(size.main)} (target ≤ ${kb(size.target)}), total ${kb(size.total)}`);

    writeDoc(render(machine, dbNote, bundles, cold, gw, size, quick));
    console.log(`\nwritten ${path.relative(ROOT, DOC)}`);

    // Its own throw-away database (1,000,000 needs) and its own section of the page.
    if (process.argv.includes('--skip-needs')) console.log('needs bench skipped (--skip-needs)');
    else await runNeedsBench(quick);

    // Its own throw-away databases (2,000 elders, a few sittings) and its own section of the page.
    if (process.argv.includes('--skip-bookings')) console.log('bookings rush skipped (--skip-bookings)');
    else await runBookingsBench(quick);

    // Its own throw-away databases (500 firms, 200,000 household ratings) and its own section of the page.
    if (process.argv.includes('--skip-ratings')) console.log('ratings close skipped (--skip-ratings)');
    else await runRatingsBench(quick);
  } finally {
    for (const db of dbs) await db.drop().catch((e) => console.error(`could not drop the ${db.label} database:`, e));
  }
}

main().catch((err) => {
  console.error('bench failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});

import os from 'os';
import path from 'path';
import type { EntityManager } from 'typeorm';
import { addDays, linkTo, localDay, nextQuarter, type FirmResultDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { RatingsReview1765900000000 } from '../../cloud/src/modules/ratings/migrations/1765900000000-RatingsReview';
import { finalizeAfterPublicity } from '../../cloud/src/modules/ratings/rating-timers';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, errorCode, newcomer, ok, orgId, quarterPeriod, storedPhoto } from '../factories';

process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);

/**
 * Review before publication (issue 16, item 4): a closed period's results are the admin's alone
 * to review; 公示 makes them public, marked 公示中 with its last day; the firm objects with
 * evidence; the admin answers each (upheld → a corrected version, the old kept); the period is
 * final only after 公示 and with every objection answered; corrections at once get distinct
 * versions. And (item 5) no period opens before its first day.
 */
jest.setTimeout(240_000);

const DAY = 24 * 3600 * 1000;
const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });

describe.each(DIALECTS)('ratings review, 公示, objections and corrections on %s', (dialect) => {
  let db: TestDb;
  let firm: number;
  let periodId: number;
  let result: FirmResultDTO;
  const objectionIds: number[] = [];
  const timerCtx = () => ({ em: db.ds.manager, platform: localPlatform(), tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work) });
  const userIdOf = async (openid: string) => Number((await db.ds.query('SELECT id FROM users WHERE openid = ?', [openid]))[0].id);
  const titles = async (openid: string, subjectKind: string) =>
    (
      (await db.ds.query('SELECT title FROM notifications WHERE userId = ? AND subjectKind = ? ORDER BY id', [await userIdOf(openid), subjectKind])) as {
        title: string;
      }[]
    ).map((r) => r.title);

  beforeAll(async () => {
    db = await createTestDb(dialect);
    firm = await orgId(db.ds, '阆苑物业服务有限公司');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('no period opens before its first day (a typed error naming startsOn, nothing written)', async () => {
    const next = nextQuarter(quarterPeriod());
    const res = await call('ratings', 'openPeriod', next, as('admin'));
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'startsOn', reason: 'NOT_STARTED' } } });
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM rating_periods WHERE code = ?', [next.code]))[0].n)).toBe(0);
    // On its first day it opens.
    const today = localDay(clock.now());
    periodId = ok(await call('ratings', 'openPeriod', { ...quarterPeriod(), startsOn: today }, as('admin'))).id;
  });

  it('closed: the admin reviews results and comments; nobody else sees them; no objection, no 定稿 yet', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await buildResident(db.ds);
      ok(await call('ratings', 'rate', { householdId: r.householdId, scores: all(i < 3 ? 4 : 5), comment: i === 0 ? '门岗很负责' : undefined }, r.openid));
    }
    ok(await call('ratings', 'assess', { firmId: firm, scores: { organisation: 70, team: 75, service: 80 }, note: '台账齐全' }, as('assessor')));
    ok(await call('ratings', 'closePeriod', { periodId }, as('admin')));

    const review = ok(await call('ratings', 'periodReview', { periodId }, as('admin')));
    const mine = review.firms.find((f) => f.firm.id === firm)!;
    expect(mine.results[0]).toMatchObject({ sample: 6, version: 1, correctedAt: null, criteria: { organisation: 70, team: 75 } });
    expect(mine.comments.map((c) => c.body)).toEqual(['门岗很负责']);
    result = mine.results[0];
    for (const who of [as('community_staff'), as('property_staff'), as('resident')])
      expect(errorCode(await call('ratings', 'periodReview', { periodId }, who))).toBe('FORBIDDEN');
    // The public card and the firm's own card show nothing of it yet.
    for (const who of [as('resident'), as('property_staff'), null]) {
      const card = ok(await call('ratings', 'firmCard', { firmId: firm }, who));
      expect(card.results.filter((r) => r.periodId === periodId)).toEqual([]);
    }
    expect(errorCode(await call('ratings', 'lodgeObjection', { resultId: result.resultId!, body: '考评分偏低' }, as('property_staff')))).toBe(
      'INVALID_TRANSITION',
    );
    expect(errorCode(await call('ratings', 'finalizePeriod', { periodId }, as('admin')))).toBe('INVALID_TRANSITION');
    // Every stored result is its version 1.
    const versions = ok(await call('ratings', 'resultVersions', { resultId: result.resultId! }, as('admin')));
    expect(versions).toEqual([expect.objectContaining({ version: 1, reason: '期末计算', actor: '系统' })]);
  });

  it('公示: public, marked 公示中 until its last day; the firm objects with evidence; only the firm and the admin see objections', async () => {
    expect(errorCode(await call('ratings', 'publishPeriod', { periodId, publicityDays: 31 }, as('admin')))).toBe('INVALID_INPUT');
    const period = ok(await call('ratings', 'publishPeriod', { periodId, publicityDays: 7 }, as('admin')));
    const endsOn = addDays(localDay(clock.now()), 7);
    expect(period).toMatchObject({ status: 'publicity', statusLabel: `公示中，${endsOn}止`, publicityEndsOn: endsOn });
    // The board shows it at once, marked 公示中 with its last day; it is not yet a past board in the picker.
    const board = ok(await call('ratings', 'leaderboard', { scope: 'city' }, as('resident')));
    expect(board.period).toMatchObject({ id: periodId, statusLabel: `公示中，${endsOn}止` });
    expect(board.periods.map((p) => p.id)).not.toContain(periodId);
    const card = ok(await call('ratings', 'firmCard', { firmId: firm }, as('resident')));
    expect(card.results[0]).toMatchObject({ periodId, periodStatus: 'publicity', publicityEndsOn: period.publicityEndsOn, version: 1 });

    const resultId = result.resultId!;
    // Not the firm's staff, or a photo that was never uploaded: refused, nothing written.
    expect(errorCode(await call('ratings', 'lodgeObjection', { resultId, body: '考评分偏低' }, as('resident')))).toBe('FORBIDDEN');
    expect(await call('ratings', 'lodgeObjection', { resultId, body: '考评分偏低', photoIds: ['local/nope.jpg'] }, as('property_staff'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'photoIds' } },
    });
    const first = ok(
      await call(
        'ratings',
        'lodgeObjection',
        { resultId, body: '组织建设：党支部活动记录漏评，附会议记录', photoIds: [storedPhoto('minutes')] },
        as('property_staff'),
      ),
    );
    expect(first).toMatchObject({ status: 'pending', statusLabel: '待答复', photoIds: [expect.stringMatching(/^local\//)], canAnswer: false });
    const second = ok(await call('ratings', 'lodgeObjection', { resultId, body: '队伍建设：新招聘的两名保安未计入' }, as('property_staff')));
    objectionIds.push(first.id, second.id);

    // Who sees them: the firm's staff and the admin; not residents, other staff or strangers.
    expect(ok(await call('ratings', 'objections', { periodId }, as('property_staff'))).map((o) => o.id)).toEqual([second.id, first.id]);
    expect(ok(await call('ratings', 'objections', { periodId }, as('admin'))).map((o) => o.canAnswer)).toEqual([true, true]);
    for (const who of [as('resident'), as('community_staff'), newcomer()])
      expect(errorCode(await call('ratings', 'objections', { periodId }, who))).toBe('FORBIDDEN');
    expect(await titles(as('admin'), 'rating-objections')).toEqual(['物业企业对评价结果提出异议', '物业企业对评价结果提出异议']);
  });

  it('not final while 公示 runs or an objection is unanswered (typed reasons); an objection after 公示 is refused', async () => {
    expect(await call('ratings', 'finalizePeriod', { periodId }, as('admin'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', details: { reason: 'PUBLICITY_RUNNING' } },
    });
    clock.advance(8 * DAY);
    expect(await call('ratings', 'finalizePeriod', { periodId }, as('admin'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', details: { reason: 'OBJECTIONS_PENDING', pending: 2 } },
    });
    expect(await finalizeAfterPublicity.run(timerCtx(), clock.now())).toEqual({ periodsFinalized: 0 });
    expect(errorCode(await call('ratings', 'lodgeObjection', { resultId: result.resultId!, body: '迟到的异议' }, as('property_staff')))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('answers: upheld → version 2 with reason and actor, the old kept; rejected changes nothing; two answers at once: one wins; the firm is told', async () => {
    const [first, second] = objectionIds;
    expect(errorCode(await call('ratings', 'answerObjection', { objectionId: first, upheld: true, answer: '核实属实' }, as('admin')))).toBe('INVALID_INPUT');
    expect(errorCode(await call('ratings', 'answerObjection', { objectionId: first, upheld: false, answer: '不采纳' }, as('property_staff')))).toBe(
      'FORBIDDEN',
    );
    const upheld = ok(
      await call(
        'ratings',
        'answerObjection',
        { objectionId: first, upheld: true, answer: '会议记录核实属实，组织建设改为90分', criteria: { organisation: 90 } },
        as('admin'),
      ),
    );
    expect(upheld).toMatchObject({ status: 'upheld', answer: '会议记录核实属实，组织建设改为90分', canAnswer: false });
    const versions = ok(await call('ratings', 'resultVersions', { resultId: result.resultId! }, as('property_staff')));
    expect(versions.map((v) => [v.version, v.criteria.organisation, v.objectionId])).toEqual([
      [1, 70, null],
      [2, 90, first],
    ]);
    expect(versions[1]).toMatchObject({ reason: '采纳异议：会议记录核实属实，组织建设改为90分', actor: expect.not.stringMatching(/^系统$/) });
    expect(versions[1].composite!).toBeGreaterThan(versions[0].composite!);
    const card = ok(await call('ratings', 'firmCard', { firmId: firm }, as('resident')));
    expect(card.results[0]).toMatchObject({ version: 2, correctedAt: expect.any(String), criteria: expect.objectContaining({ organisation: 90 }) });
    expect(errorCode(await call('ratings', 'resultVersions', { resultId: result.resultId! }, as('resident')))).toBe('FORBIDDEN');

    const answers = await Promise.all([
      call('ratings', 'answerObjection', { objectionId: second, upheld: false, answer: '保安入职晚于考评日，不予采纳' }, as('admin')),
      call('ratings', 'answerObjection', { objectionId: second, upheld: true, answer: '采纳', criteria: { team: 99 } }, as('admin')),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.map(errorCode).filter(Boolean)).toEqual([expect.stringMatching(/^(CONFLICT|INVALID_TRANSITION)$/)]);
    const winner = answers.find((a) => a.ok)!;
    const versionsAfter = ok(await call('ratings', 'resultVersions', { resultId: result.resultId! }, as('admin')));
    // The loser wrote nothing: one more version only if the upholding answer won.
    expect(versionsAfter).toHaveLength(ok(winner).status === 'upheld' ? 3 : 2);
    const told = await titles(as('property_staff'), 'rating-objections');
    expect(told[0]).toBe('您的异议已采纳，结果已更正');
    expect(told).toHaveLength(2);
  });

  it('with every objection answered, the timer makes the period final the day after 公示; the admin cannot do it twice', async () => {
    expect(await finalizeAfterPublicity.run(timerCtx(), clock.now())).toEqual({ periodsFinalized: 1 });
    const [row] = await db.ds.query('SELECT status FROM rating_periods WHERE id = ?', [periodId]);
    expect(row.status).toBe('published');
    expect(errorCode(await call('ratings', 'finalizePeriod', { periodId }, as('admin')))).toBe('INVALID_TRANSITION');
    const card = ok(await call('ratings', 'firmCard', { firmId: firm }, as('resident')));
    expect(card.results[0]).toMatchObject({ periodStatus: 'published' });
    expect(await titles(as('property_staff'), 'firm-ratings')).toContain('本期评价结果已定稿');
    // A correction opens the firm's page, where 已更正 and 更正记录 are (not 评价反馈).
    expect(await titles(as('property_staff'), 'firm-card')).toContain('评价结果已更正');
    expect(linkTo({ subjectKind: 'firm-card', subjectId: firm })).toBe(`/packages/ratings/pages/firm/index?firmId=${firm}`);
  });

  it('after final: corrections need the admin and a reason; four at once become four consecutive versions, never two alike', async () => {
    const resultId = result.resultId!;
    expect(errorCode(await call('ratings', 'correctResult', { resultId, reason: '复核', criteria: { service: 88 } }, as('property_staff')))).toBe('FORBIDDEN');
    expect(errorCode(await call('ratings', 'correctResult', { resultId, reason: '', criteria: { service: 88 } }, as('admin')))).toBe('INVALID_INPUT');
    const before = ok(await call('ratings', 'resultVersions', { resultId }, as('admin'))).length;
    const runs = await Promise.all(
      [81, 82, 83, 84].map((service) => call('ratings', 'correctResult', { resultId, reason: `复核服务质量${service}`, criteria: { service } }, as('admin'))),
    );
    expect(runs.every((r) => r.ok)).toBe(true);
    const versions = ok(await call('ratings', 'resultVersions', { resultId }, as('admin')));
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: before + 4 }, (_, i) => i + 1));
    const [stored] = await db.ds.query('SELECT version, criteria FROM firm_results WHERE id = ?', [resultId]);
    expect(Number(stored.version)).toBe(before + 4);
    // The result reads as its last version.
    expect(JSON.parse(stored.criteria).service).toBe(versions[versions.length - 1].criteria.service);
  });

  it('the migration: down makes a period in 公示 published (the old public state); up makes every stored result its version 1', async () => {
    const other = ok(await call('ratings', 'periods', {}, as('admin')));
    expect(other.length).toBeGreaterThan(0);
    await db.ds.query("UPDATE rating_periods SET status = 'publicity' WHERE id = ?", [periodId]);
    const q = db.ds.createQueryRunner();
    try {
      const migration = new RatingsReview1765900000000();
      await migration.down(q);
      expect(await q.hasTable('rating_objections')).toBe(false);
      expect((await q.query('SELECT status FROM rating_periods WHERE id = ?', [periodId]))[0].status).toBe('published');
      await migration.up(q);
      const results = Number((await q.query('SELECT COUNT(*) AS n FROM firm_results'))[0].n);
      const firsts = Number((await q.query("SELECT COUNT(*) AS n FROM firm_result_versions WHERE version = 1 AND reason = '期末计算'"))[0].n);
      expect(results).toBeGreaterThan(0);
      expect(firsts).toBe(results);
      expect(Number((await q.query('SELECT version FROM firm_results WHERE id = ?', [result.resultId]))[0].version)).toBe(1);
    } finally {
      await q.release();
    }
  });
});

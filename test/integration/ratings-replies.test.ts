import os from 'node:os';
import path from 'node:path';
import type { NotificationDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { CommentReplies1765846800000 } from '../../cloud/src/modules/ratings/migrations/1765846800000-CommentReplies';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, callRaw, errorCode, newcomer, ok, orgId, quarterPeriod, storedPhoto, type BuiltResident } from '../factories';

process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);
jest.setTimeout(240_000);

const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });
const DAY = 24 * 3600 * 1000;
const REPLIED = '物业回复了您的评语';

/** Close a period and make its results final: published into 公示, finalized once 公示 has run out (no objections). */
async function closeAndFinalize(periodId: number): Promise<void> {
  ok(await call('ratings', 'closePeriod', { periodId }, as('admin')));
  ok(await call('ratings', 'publishPeriod', { periodId }, as('admin')));
  clock.advance(40 * DAY);
  ok(await call('ratings', 'finalizePeriod', { periodId }, as('admin')));
  clock.advance(-40 * DAY);
}

async function repliedMessages(openid: string): Promise<NotificationDTO[]> {
  return ok(await call('notifications', 'list', {}, openid)).items.filter((m) => m.title === REPLIED);
}

/**
 * Issue 16, item 5: the firm replies to each comment (one current reply, history in the subject
 * log, the author told once); past leaderboards by period; the assessors' notes and photos for
 * the firm and the admin only; the moderation queue with its context and the reasons counted.
 */
describe.each(DIALECTS)('replies per comment, past boards, evidence and moderation context on %s', (dialect) => {
  let db: TestDb;
  let langyuan: number;
  let periodId: number;
  let photo: string;
  const residents: BuiltResident[] = [];
  const comments = ['电梯修得太慢，报修三天没人来', '保洁很勤快', '门口停车乱，请加强管理', '夜里巡逻很认真', '垃圾清运及时'];

  beforeAll(async () => {
    db = await createTestDb(dialect);
    langyuan = await orgId(db.ds, '阆苑物业服务有限公司');
    periodId = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
    for (const [i, comment] of comments.entries()) {
      const r = await buildResident(db.ds, { compound: 'NJJP01' });
      residents.push(r);
      ok(await call('ratings', 'rate', { householdId: r.householdId, scores: all((i % 3) + 3), comment }, r.openid));
    }
    photo = storedPhoto('ledger');
    ok(
      await call(
        'ratings',
        'assess',
        { firmId: langyuan, scores: { organisation: 82, team: 75, service: 88 }, note: '消防台账缺两个月的巡查记录', photoIds: [photo] },
        as('assessor'),
      ),
    );
    await closeAndFinalize(periodId);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  const commentOf = async (text: string) => {
    const card = ok(await call('ratings', 'firmCard', { firmId: langyuan }, newcomer()));
    const c = card.comments.find((x) => x.body === text);
    if (!c) throw new Error(`no public comment ${text}`);
    return c;
  };

  it('the firm replies under one comment; a correction replaces it and keeps the earlier text in the log; the author is told once', async () => {
    const target = await commentOf(comments[0]);
    const author = residents[0];
    // Only the rated firm's staff reply; residents and other staff are refused, and nothing is written.
    expect(errorCode(await call('ratings', 'replyComment', { ratingId: target.ratingId, body: '已安排' }, author.openid))).toBe('FORBIDDEN');
    expect(errorCode(await call('ratings', 'replyComment', { ratingId: target.ratingId, body: '已安排' }, as('team_staff')))).toBe('FORBIDDEN');
    expect(errorCode(await call('ratings', 'replyComment', { ratingId: 999999, body: '已安排' }, as('property_staff')))).toBe('NOT_FOUND');
    expect(errorCode(await callRaw('ratings', 'replyComment', { ratingId: target.ratingId, body: '  ' }, as('property_staff')))).toBe('INVALID_INPUT');
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM comment_replies'))[0].n)).toBe(0);

    const card = ok(
      await call(
        'ratings',
        'replyComment',
        { ratingId: target.ratingId, body: '已更换电梯控制板，请3栋1单元101的业主再试，电话13800001234' },
        as('property_staff'),
      ),
    );
    const mine = card.comments.find((c) => c.ratingId === target.ratingId)!;
    // Public like the comment: the door and the mobile number are masked.
    expect(mine.reply?.body).toBe('已更换电梯控制板，请【门牌已隐去】的业主再试，电话【电话已隐去】');
    expect(mine.reply?.repliedAt).toBe(mine.reply?.updatedAt);
    expect(card.comments.filter((c) => c.reply).map((c) => c.ratingId)).toEqual([target.ratingId]);

    const [told, ...more] = await repliedMessages(author.openid);
    expect(more).toEqual([]);
    expect(told).toMatchObject({ subjectKind: 'rating-reply', subjectId: langyuan });
    expect(told.body).toContain('阆苑物业服务有限公司');
    expect(await repliedMessages(residents[1].openid)).toEqual([]);

    // A correction: one current reply, its time moves on, and the text it replaced is in the subject log.
    clock.advance(60_000);
    const corrected = ok(await call('ratings', 'replyComment', { ratingId: target.ratingId, body: '电梯已修好，维修师傅每周二巡检' }, as('property_staff')));
    const reply = corrected.comments.find((c) => c.ratingId === target.ratingId)!.reply!;
    expect(reply.body).toBe('电梯已修好，维修师傅每周二巡检');
    expect(reply.updatedAt > reply.repliedAt).toBe(true);
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM comment_replies WHERE ratingId = ?', [target.ratingId]))[0].n)).toBe(1);
    const log = await db.ds.query("SELECT action, data FROM subject_events WHERE subject_kind = 'rating-comment' AND subject_id = ? ORDER BY id", [
      target.ratingId,
    ]);
    expect(log.map((e: { action: string; data: string | null }) => ({ action: e.action, data: e.data ? JSON.parse(e.data) : null }))).toEqual([
      { action: 'replied', data: null },
      { action: 'reply_replaced', data: { previous: '已更换电梯控制板，请3栋1单元101的业主再试，电话13800001234' } },
    ]);
    // She is not told again for a correction.
    expect(await repliedMessages(author.openid)).toHaveLength(1);
    clock.reset();

    // The period's general statement (the old per-period reply) stays, shown above the comments.
    const statement = ok(await call('ratings', 'reply', { firmId: langyuan, periodId, body: '本季度将重点整改电梯与停车问题' }, as('property_staff')));
    expect(statement.reply).toMatchObject({ periodCode: quarterPeriod().code, body: '本季度将重点整改电梯与停车问题' });
  });

  it('six replies to one comment at once leave one current reply, every other text in the log, and one message', async () => {
    const target = await commentOf(comments[1]);
    const bodies = Array.from({ length: 6 }, (_, i) => `感谢认可，第${i + 1}版回复`);
    const results = await Promise.all(bodies.map((body) => call('ratings', 'replyComment', { ratingId: target.ratingId, body }, as('property_staff'))));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.ds.query('SELECT body FROM comment_replies WHERE ratingId = ?', [target.ratingId]);
    expect(rows).toHaveLength(1);
    expect(bodies).toContain(rows[0].body);
    const log: { action: string; data: string | null }[] = await db.ds.query(
      "SELECT action, data FROM subject_events WHERE subject_kind = 'rating-comment' AND subject_id = ? ORDER BY id",
      [target.ratingId],
    );
    expect(log.filter((e) => e.action === 'replied')).toHaveLength(1);
    expect(log.filter((e) => e.action === 'reply_replaced')).toHaveLength(5);
    // Every text but the current one was replaced once: none is lost.
    const previous = log.filter((e) => e.action === 'reply_replaced').map((e) => (JSON.parse(e.data!) as { previous: string }).previous);
    expect([...previous, rows[0].body].sort()).toEqual([...bodies].sort());
    expect(await repliedMessages(residents[1].openid)).toHaveLength(1);
  });

  it('the assessors’ notes and photos reach the firm and the admin, never residents, other staff or the anonymous', async () => {
    for (const who of [as('property_staff'), as('admin')]) {
      const card = ok(await call('ratings', 'firmCard', { firmId: langyuan }, who));
      expect(card.evidence).toEqual([
        {
          periodId,
          periodCode: quarterPeriod().code,
          scores: { organisation: 82, team: 75, service: 88 },
          note: '消防台账缺两个月的巡查记录',
          photos: [{ fileId: photo, url: `/uploads/${photo.slice('local/'.length)}` }],
          updatedAt: expect.any(String),
        },
      ]);
    }
    for (const who of [residents[0].openid, as('community_staff'), as('team_staff'), as('assessor'), newcomer(), null]) {
      const card = ok(await call('ratings', 'firmCard', { firmId: langyuan }, who));
      expect(card.evidence).toBeNull();
      expect(JSON.stringify(card)).not.toContain('消防台账');
      expect(JSON.stringify(card)).not.toContain(photo);
    }
  });

  it('the moderation queue shows the compound, the period, the stars, the masked text and the reasons counted', async () => {
    const target = await commentOf(comments[2]);
    // The firm's own staff report first: shown, never counted toward hiding.
    ok(await call('ratings', 'reportComment', { ratingId: target.ratingId, reason: 'untrue' }, as('property_staff')));
    ok(await call('ratings', 'reportComment', { ratingId: target.ratingId, reason: 'abusive' }, residents[3].openid));
    ok(await call('ratings', 'reportComment', { ratingId: target.ratingId, reason: 'abusive' }, residents[4].openid));
    expect(errorCode(await callRaw('ratings', 'reportComment', { ratingId: target.ratingId, reason: 'boring' }, newcomer()))).toBe('INVALID_INPUT');
    ok(await call('ratings', 'reportComment', { ratingId: target.ratingId }, newcomer()));
    const queue = ok(await call('ratings', 'moderationQueue', {}, as('community_staff')));
    const item = queue.find((q) => q.ratingId === target.ratingId);
    expect(item).toEqual({
      ratingId: target.ratingId,
      firm: { id: langyuan, name: '阆苑物业服务有限公司' },
      body: comments[2],
      reports: 3,
      status: 'hidden',
      compound: { id: expect.any(Number), name: '锦屏花园' },
      period: { id: periodId, code: quarterPeriod().code },
      scores: all(5),
      reasons: [
        { reason: 'abusive', label: '辱骂攻击', count: 2 },
        { reason: 'other', label: '其他', count: 1 },
        { reason: 'untrue', label: '内容不实', count: 1 },
      ],
      firmReports: 1,
      // No voice note on this rating (rating-voice-notes.test.ts covers those).
      voiceNote: null,
      voiceHidden: false,
    });
    // The decision returns the same context.
    const kept = ok(await call('ratings', 'moderate', { ratingId: target.ratingId, keep: true }, as('community_staff')));
    expect(kept).toMatchObject({ status: 'visible', compound: { name: '锦屏花园' }, firmReports: 1, reasons: item!.reasons });
  });

  it('past boards: the picker lists final periods only, newest first, and each reads its own results', async () => {
    // A second quarter: rated, closed and published; a third closed but not published.
    clock.advance(100 * DAY);
    const second = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
    for (let i = 0; i < 2; i++) {
      const r = await buildResident(db.ds, { compound: 'NJJP01' });
      ok(await call('ratings', 'rate', { householdId: r.householdId, scores: all(2) }, r.openid));
    }
    await closeAndFinalize(second);
    clock.advance(100 * DAY);
    const third = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
    ok(await call('ratings', 'closePeriod', { periodId: third }, as('admin')));

    const current = ok(await call('ratings', 'leaderboard', { scope: 'city' }, newcomer()));
    expect(current.period?.id).toBe(second);
    expect(current.periods.map((p) => p.id)).toEqual([second, periodId]);
    expect(current.rows.find((r) => r.firm.id === langyuan && r.compoundType === 'commercial')).toMatchObject({ sample: 2, stars: null, rank: null });

    const past = ok(await call('ratings', 'leaderboard', { scope: 'city', periodId }, newcomer()));
    expect(past.period?.id).toBe(periodId);
    expect(past.rows.find((r) => r.firm.id === langyuan && r.compoundType === 'commercial')).toMatchObject({ sample: 5, rank: 1 });
    expect(past.periods).toEqual(current.periods);
    // A period not yet final is no past board.
    expect(errorCode(await call('ratings', 'leaderboard', { scope: 'city', periodId: third }, newcomer()))).toBe('NOT_FOUND');
    // In 公示 it is the board the public opens on, yet not a past board in the picker until final.
    ok(await call('ratings', 'publishPeriod', { periodId: third }, as('admin')));
    const publicity = ok(await call('ratings', 'leaderboard', { scope: 'city' }, newcomer()));
    expect(publicity.period).toMatchObject({ id: third, status: 'publicity' });
    expect(publicity.periods.map((p) => p.id)).toEqual([second, periodId]);
    clock.reset();
  });

  it('the migration goes down and up again, keeping the period statements', async () => {
    const migration = new CommentReplies1765846800000();
    const q = db.ds.createQueryRunner();
    try {
      const statements = Number((await q.query('SELECT COUNT(*) AS n FROM firm_replies'))[0].n);
      expect(statements).toBe(1);
      await migration.down(q);
      expect(await q.hasTable('comment_replies')).toBe(false);
      expect(await q.hasColumn('comment_reports', 'reason')).toBe(false);
      await migration.up(q);
      expect(await q.hasTable('comment_replies')).toBe(true);
      expect(Number((await q.query('SELECT COUNT(*) AS n FROM firm_replies'))[0].n)).toBe(statements);
      // The reasons start as 其他; the firm's staff's earlier report is found again from the roles.
      const reports: { reason: string; byFirm: number | boolean }[] = await q.query('SELECT reason, byFirm FROM comment_reports ORDER BY id');
      expect(reports.every((r) => r.reason === 'other')).toBe(true);
      expect(reports.filter((r) => Number(r.byFirm) === 1)).toHaveLength(1);
    } finally {
      await q.release();
    }
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { TRANSCRIPT_RULES, type FirmCardDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import type { TimerJob } from '../../cloud/src/core/module';
import { localPlatform, type Transcriber } from '../../cloud/src/core/platform';
import { RatingVoiceNotes1766000060000 } from '../../cloud/src/modules/ratings/migrations/1766000060000-RatingVoiceNotes';
import { transcribeRatingVoiceNotes } from '../../cloud/src/modules/ratings/rating-voice-notes';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, callRaw, errorCode, newcomer, ok, orgId, personWithRole, quarterPeriod, type BuiltResident } from '../factories';

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-rating-voice-'));
jest.setTimeout(240_000);

const all = (n: number) => ({ environment: n, security: n, repairs: n, attitude: n });

/** A recording in the local store, as the gateway's upload leaves it (the store checks existence only). */
function storedVoice(seed: string): string {
  const sha = crypto.createHash('sha256').update(`voice:${seed}`).digest('hex');
  fs.writeFileSync(path.join(process.env.UPLOAD_DIR!, `${sha}.wav`), Buffer.from('RIFF....WAVE'));
  return `local/${sha}.wav`;
}

/**
 * Issue 16, item 7 (leftovers): a household's voice note on its rating is never public — heard by its
 * author, the rated firm's staff and the moderators only, hidden from the firm by a moderator — and
 * voice notes get transcripts where a city enables a transcriber, corrected by the right people.
 */
describe.each(DIALECTS)('voice notes on ratings, and transcripts, on %s', (dialect) => {
  let db: TestDb;
  let firmId: number;
  let periodId: number;
  let author: BuiltResident;
  let member: BuiltResident;
  let neighbour: BuiltResident;
  let voiceOnly: BuiltResident;
  let otherFirmStaff: string;
  let spoken: string;
  let spokenAlone: string;

  beforeAll(async () => {
    db = await createTestDb(dialect);
    firmId = await orgId(db.ds, '阆苑物业服务有限公司');
    otherFirmStaff = await personWithRole(db.ds, 'org_staff', 'community', 1, await orgId(db.ds, '嘉陵物业管理有限公司'));
    periodId = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
    author = await buildResident(db.ds, { compound: 'NJJP01', room: 'V101', name: '测试业主' });
    member = await buildResident(db.ds, { compound: 'NJJP01', room: 'V101', name: '测试家属', relation: 'family', openid: newcomer() });
    expect(member.householdId).toBe(author.householdId);
    neighbour = await buildResident(db.ds, { compound: 'NJJP01', room: 'V102' });
    voiceOnly = await buildResident(db.ds, { compound: 'NJJP01', room: 'V103' });
    spoken = storedVoice('author');
    spokenAlone = storedVoice('alone');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  const card = async (openid: string | null): Promise<FirmCardDTO> => ok(await call('ratings', 'firmCard', { firmId }, openid));
  const countRows = async (table: string) => Number((await db.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it('the author hears her note in 评价物业; another member of the household does not, nor anyone else; a rating of a voice note alone is valid', async () => {
    const mine = ok(await call('ratings', 'rate', { householdId: author.householdId, scores: all(2), comment: '电梯常坏', voiceNote: { fileId: spoken, durationSec: 6 } }, author.openid));
    expect(mine.rating?.voiceNote).toMatchObject({ fileId: spoken, durationSec: 6, url: `/uploads/${spoken.slice(6)}`, transcript: null, transcriptEditable: true });
    const alone = ok(await call('ratings', 'rate', { householdId: voiceOnly.householdId, scores: all(3), voiceNote: { fileId: spokenAlone, durationSec: 4 } }, voiceOnly.openid));
    expect(alone.rating).toMatchObject({ comment: '', voiceNote: { fileId: spokenAlone } });

    const other = ok(await call('ratings', 'myRating', { householdId: member.householdId }, member.openid));
    expect(other.rating).toMatchObject({ byMe: false, comment: '', commentByOther: true, voiceNote: null });
    expect(JSON.stringify(other)).not.toContain(spoken.slice(6, 20));
    expect(errorCode(await call('ratings', 'myRating', { householdId: author.householdId }, neighbour.openid))).toBe('NOT_FOUND');

    // A recording that was never uploaded is refused and nothing is written.
    const before = { ratings: await countRows('household_ratings'), voices: await countRows('rating_voice_notes') };
    const missing = await call('ratings', 'rate', { householdId: neighbour.householdId, scores: all(4), voiceNote: { fileId: `local/${'d'.repeat(64)}.wav`, durationSec: 3 } }, neighbour.openid);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'voiceNote' } } });
    expect(errorCode(await callRaw('ratings', 'rate', { householdId: neighbour.householdId, scores: all(4), voiceNote: { fileId: spoken, durationSec: 61 } }, neighbour.openid))).toBe('INVALID_INPUT');
    expect({ ratings: await countRows('household_ratings'), voices: await countRows('rating_voice_notes') }).toEqual(before);
    ok(await call('ratings', 'rate', { householdId: neighbour.householdId, scores: all(4), comment: '保洁不错' }, neighbour.openid));
  });

  const tick = (job: TimerJob, transcriber: Transcriber | null) =>
    job.run({ em: db.ds.manager, platform: { ...localPlatform(), transcriber }, tx: <T>(w: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, w) }, clock.now());
  const noteOf = async (table: string, fileId: string) =>
    (await db.ds.query(`SELECT transcriptStatus, transcriptTries, transcript FROM ${table} WHERE fileId = ?`, [fileId]))[0] as
      | { transcriptStatus: string; transcriptTries: number | string; transcript: string | null }
      | undefined;
  const heard: string[] = [];
  const fake: Transcriber = {
    async transcribe({ fileId }) {
      heard.push(fileId);
      if (fileId.includes(failing)) throw new Error('service down');
      return '  电梯每周都坏，请尽快修  ';
    },
  };
  let failing = 'none';

  it('transcripts: off by default (and notes recorded then are never sent); on with a transcriber, written by the timer; a failing service is retried, then given up', async () => {
    // Off (the default): nothing is sent, even with a transcriber configured; the notes are skipped.
    expect(await tick(transcribeRatingVoiceNotes, fake)).toMatchObject({ transcribed: 0, transcribeSkipped: 2 });
    expect(heard).toEqual([]);
    expect((await noteOf('rating_voice_notes', spoken))?.transcriptStatus).toBe('skipped');

    // The admin turns it on; notes recorded from now on are transcribed by the timer, outside the request.
    ok(await call('settings', 'save', { section: 'voice', version: 0, value: { transcription: true } }, as('admin')));
    const again = storedVoice('author-again');
    const broken = storedVoice('alone-again');
    failing = broken.slice(6, 30);
    ok(await call('ratings', 'rate', { householdId: author.householdId, scores: all(2), comment: '电梯常坏', voiceNote: { fileId: again, durationSec: 6 } }, author.openid));
    ok(await call('ratings', 'rate', { householdId: voiceOnly.householdId, scores: all(3), voiceNote: { fileId: broken, durationSec: 4 } }, voiceOnly.openid));
    expect((await noteOf('rating_voice_notes', again))?.transcriptStatus).toBe('pending');
    expect(await tick(transcribeRatingVoiceNotes, fake)).toMatchObject({ transcribed: 1, transcribeFailed: 1 });
    expect(await noteOf('rating_voice_notes', again)).toMatchObject({ transcriptStatus: 'done', transcript: '电梯每周都坏，请尽快修' });
    expect(await noteOf('rating_voice_notes', broken)).toMatchObject({ transcriptStatus: 'pending' });
    await tick(transcribeRatingVoiceNotes, fake);
    await tick(transcribeRatingVoiceNotes, fake);
    expect(await noteOf('rating_voice_notes', broken)).toMatchObject({ transcriptStatus: 'failed', transcript: null });
    expect(Number((await noteOf('rating_voice_notes', broken))?.transcriptTries)).toBe(TRANSCRIPT_RULES.tries);
    // Given up: never sent again; a done note is not sent again either.
    heard.length = 0;
    expect(await tick(transcribeRatingVoiceNotes, fake)).toMatchObject({ transcribed: 0, transcribeFailed: 0 });
    expect(heard).toEqual([]);
    spoken = again;
    spokenAlone = broken;

    const mine = ok(await call('ratings', 'myRating', { householdId: author.householdId }, author.openid));
    expect(mine.rating?.voiceNote).toMatchObject({ transcript: '电梯每周都坏，请尽快修', transcriptEditable: true });
  });

  it('the author corrects her transcript (logged); another member and neighbours cannot reach it; bad text is INVALID_INPUT', async () => {
    const ratingId = ok(await call('ratings', 'myRating', { householdId: author.householdId }, author.openid)).rating!.id;
    const fixed = ok(await call('ratings', 'editTranscript', { ratingId, transcript: '电梯每周都坏，请尽快修好' }, author.openid));
    expect(fixed).toMatchObject({ transcript: '电梯每周都坏，请尽快修好', transcriptEditable: true });
    expect(await noteOf('rating_voice_notes', spoken)).toMatchObject({ transcriptStatus: 'edited', transcript: '电梯每周都坏，请尽快修好' });
    const [log] = await db.ds.query("SELECT data FROM subject_events WHERE subject_kind = 'rating-comment' AND subject_id = ? AND action = 'transcript_edited'", [ratingId]);
    expect(JSON.parse(log.data)).toEqual({ before: '电梯每周都坏，请尽快修', after: '电梯每周都坏，请尽快修好' });

    for (const who of [member.openid, neighbour.openid, as('assessor'), otherFirmStaff]) expect(errorCode(await call('ratings', 'editTranscript', { ratingId, transcript: '改' }, who))).toBe('NOT_FOUND');
    expect(errorCode(await callRaw('ratings', 'editTranscript', { ratingId, transcript: ' ' }, author.openid))).toBe('INVALID_INPUT');
    expect(errorCode(await callRaw('ratings', 'editTranscript', { ratingId, transcript: '长'.repeat(TRANSCRIPT_RULES.maxLength + 1) }, author.openid))).toBe('INVALID_INPUT');
    expect((await noteOf('rating_voice_notes', spoken))?.transcript).toBe('电梯每周都坏，请尽快修好');
  });

  it('once results are public: the firm and the moderators hear the notes on the firm card; the public, residents, assessors and another firm do not', async () => {
    ok(await call('ratings', 'closePeriod', { periodId }, as('admin')));
    ok(await call('ratings', 'publishPeriod', { periodId }, as('admin')));

    const firm = await card(as('property_staff'));
    const withWords = firm.comments.find((c) => c.body === '电梯常坏');
    expect(withWords?.voiceNote).toMatchObject({ fileId: spoken, durationSec: 6, transcriptEditable: false });
    // A voice note alone is listed for those who may hear it, with no words.
    expect(firm.comments.find((c) => c.voiceNote?.fileId === spokenAlone)).toMatchObject({ body: '', voiceHidden: false });

    for (const who of [as('community_staff'), as('admin')]) {
      const mod = await card(who);
      expect(mod.comments.filter((c) => c.voiceNote).map((c) => [c.body, c.voiceNote?.transcriptEditable])).toEqual(
        expect.arrayContaining([
          ['电梯常坏', true],
          ['', true],
        ]),
      );
    }
    for (const who of [null, newcomer(), neighbour.openid, author.openid, as('assessor'), otherFirmStaff, as('team_staff')]) {
      const seen = await card(who);
      expect(seen.comments.map((c) => c.body).sort()).toEqual(['保洁不错', '电梯常坏']);
      expect(seen.comments.every((c) => c.voiceNote === null)).toBe(true);
      expect(JSON.stringify(seen)).not.toContain('.wav');
    }
  });

  it('a moderator hides a note from the firm (one decision when two act at once) and can give it back; only moderators may', async () => {
    const target = (await card(as('admin'))).comments.find((c) => c.body === '电梯常坏')!;
    expect(errorCode(await call('ratings', 'hideVoice', { ratingId: target.ratingId, hidden: true }, as('property_staff')))).toBe('FORBIDDEN');
    expect(errorCode(await call('ratings', 'hideVoice', { ratingId: target.ratingId, hidden: true }, author.openid))).toBe('FORBIDDEN');
    expect(errorCode(await call('ratings', 'hideVoice', { ratingId: 999999, hidden: true }, as('admin')))).toBe('NOT_FOUND');

    const both = await Promise.all([
      call('ratings', 'hideVoice', { ratingId: target.ratingId, hidden: true }, as('admin')),
      call('ratings', 'hideVoice', { ratingId: target.ratingId, hidden: true }, as('community_staff')),
    ]);
    expect(both.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['INVALID_TRANSITION', 'ok']);
    const decided = both.find((r) => r.ok);
    expect(decided?.ok && decided.data).toMatchObject({ voiceHidden: true, voiceNote: { fileId: spoken } });
    const logged = await db.ds.query("SELECT action FROM subject_events WHERE subject_kind = 'rating-comment' AND subject_id = ? AND action LIKE 'voice_%'", [target.ratingId]);
    expect(logged.map((r: { action: string }) => r.action)).toEqual(['voice_hidden']);

    const firm = (await card(as('property_staff'))).comments.find((c) => c.ratingId === target.ratingId);
    expect(firm).toMatchObject({ body: '电梯常坏', voiceNote: null });
    expect((await card(as('community_staff'))).comments.find((c) => c.ratingId === target.ratingId)).toMatchObject({ voiceHidden: true, voiceNote: { fileId: spoken } });
    // The author still hears her own note.
    ok(await call('ratings', 'hideVoice', { ratingId: target.ratingId, hidden: false }, as('community_staff')));
    expect((await card(as('property_staff'))).comments.find((c) => c.ratingId === target.ratingId)?.voiceNote).toMatchObject({ fileId: spoken });
  });

  it('a comment hidden by reports takes its note out of the firm view; the moderation queue plays it to the moderators', async () => {
    const target = (await card(null)).comments.find((c) => c.body === '电梯常坏')!;
    for (let i = 0; i < 3; i += 1) ok(await call('ratings', 'reportComment', { ratingId: target.ratingId, reason: 'privacy' }, (await buildResident(db.ds, { compound: 'NJJP01' })).openid));
    expect((await card(as('property_staff'))).comments.find((c) => c.ratingId === target.ratingId)).toBeUndefined();
    const queue = ok(await call('ratings', 'moderationQueue', {}, as('community_staff')));
    expect(queue.find((q) => q.ratingId === target.ratingId)).toMatchObject({ voiceNote: { fileId: spoken }, voiceHidden: false });
    ok(await call('ratings', 'moderate', { ratingId: target.ratingId, keep: true }, as('community_staff')));
    expect((await card(as('property_staff'))).comments.find((c) => c.ratingId === target.ratingId)?.voiceNote).toMatchObject({ fileId: spoken });
  });

  it('the migration goes down and up again', async () => {
    const q = db.ds.createQueryRunner();
    try {
      const migration = new RatingVoiceNotes1766000060000();
      await migration.down(q);
      expect(await q.hasTable('rating_voice_notes')).toBe(false);
      await migration.up(q);
      expect(await q.hasTable('rating_voice_notes')).toBe(true);
    } finally {
      await q.release();
    }
  });
});

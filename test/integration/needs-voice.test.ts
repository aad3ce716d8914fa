import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { EntityManager } from 'typeorm';
import { TRANSCRIPT_RULES, VOICE_RULES, type Envelope } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform, type Transcriber } from '../../cloud/src/core/platform';
import { createGateway } from '../../cloud/gateway/server';
import { signSession } from '../../cloud/gateway/session';
import { NeedVoiceNotes1765749600000 } from '../../cloud/src/modules/needs/migrations/1765749600000-NeedVoiceNotes';
import { NeedVoiceTranscripts1766000000000 } from '../../cloud/src/modules/needs/migrations/1766000000000-NeedVoiceTranscripts';
import { transcribeNeedVoiceNotes } from '../../cloud/src/modules/needs/need-voice-notes';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, callRaw, categoryId, errorCode, homeOf, ok, orgId, storedPhoto, createNeedAs } from '../factories';

jest.setTimeout(60_000);

const SECRET = 'test-secret-voice-0123456789';

/** A WAV file as the clients record it: 16-bit PCM, a 440 Hz tone. */
function wav(seconds: number, { sampleRate = VOICE_RULES.sampleRate as number, channels = 1 } = {}): Buffer {
  const samples = Math.round(seconds * sampleRate) * channels;
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(channels, 22);
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * channels * 2, 28);
  buf.writeUInt16LE(channels * 2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i += 1) buf.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), 44 + i * 2);
  return buf;
}

/**
 * 语音留言 (issue #16 item 7): a resident who cannot type speaks the need, or a comment; the
 * recording goes through the photo upload with its own checks, is attached like a photo, and is
 * read by whoever reads the need.
 */
describe.each(DIALECTS)('voice notes on needs on %s', (dialect) => {
  let db: TestDb;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-voice-'));
    db = await createTestDb(dialect);
    server = createGateway({ ds: db.ds, secret: SECRET, demo: true });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await db.drop();
  });

  const upload = async (body: Buffer) => {
    const { token } = signSession(SECRET, as('resident'));
    const res = await fetch(`${base}/api/_upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'audio/wav', Authorization: `Bearer ${token}` },
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as Envelope<{ fileId: string; url: string }> };
  };
  const countRows = async (table: string) => Number((await db.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it('the upload takes a 16 kHz mono WAV of up to 60 s, serves it back as audio/wav, and refuses other formats and longer notes', async () => {
    // Made before uploading: building a minute of samples takes a while on a loaded machine, and
    // a kept-alive connection idle past the server's timeout is reset under the next request.
    const [note, full, long, cd] = [wav(2), wav(VOICE_RULES.maxSeconds), wav(VOICE_RULES.maxSeconds + 2), wav(1, { sampleRate: 44100, channels: 2 })];
    const up = await upload(note);
    expect(up.body).toMatchObject({ ok: true, data: { fileId: expect.stringMatching(/^local\/[0-9a-f]{64}\.wav$/), url: expect.stringMatching(/\.wav$/) } });
    const served = await fetch(`${base}${up.body.ok ? up.body.data.url : ''}`);
    expect(served.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await served.arrayBuffer()).equals(note)).toBe(true);

    expect((await upload(full)).status).toBe(200);
    const tooLong = await upload(long);
    expect(tooLong.status).toBe(413);
    expect(tooLong.body).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const stereo = await upload(cd);
    expect(stereo.status).toBe(400);
    expect(stereo.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '语音须为 16kHz 单声道 WAV 录音' } });
    const webm = await upload(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(200)]));
    expect(webm.status).toBe(400);
  });

  it('a resident files a need by voice only; staff and the receiver play it; the list shows [语音]', async () => {
    const up = await upload(wav(3));
    const fileId = up.body.ok ? up.body.data.fileId : '';
    const pipe = await categoryId(db.ds, 'pipe');
    const householdId = await homeOf(db.ds, 'resident');
    const created = ok(await createNeedAs({ categoryId: pipe, householdId, voiceNote: { fileId, durationSec: 3 } }, as('resident')));
    expect(created).toMatchObject({
      description: '',
      excerpt: '[语音]',
      photos: [],
      voiceNote: { fileId, durationSec: 3, url: `/uploads/${fileId.slice(6)}` },
    });

    const asStaff = ok(await call('needs', 'get', { needId: created.id }, as('community_staff')));
    expect(asStaff.voiceNote).toEqual(created.voiceNote);
    const mine = ok(await call('needs', 'mine', {}, as('resident')));
    expect(mine.items.find((n) => n.id === created.id)?.excerpt).toBe('[语音]');
    // Someone who may not see the need does not hear it either.
    expect(errorCode(await call('needs', 'get', { needId: created.id }, as('team_staff')))).toBe('NOT_FOUND');

    ok(await call('needs', 'dispatch', { needId: created.id, orgId: await orgId(db.ds, '管网疏通服务队') }, as('community_staff')));
    expect(ok(await call('needs', 'get', { needId: created.id }, as('team_staff'))).voiceNote).toMatchObject({ fileId, durationSec: 3 });
  });

  it('words or a voice note: neither is refused, and a bad note leaves nothing written', async () => {
    const pipe = await categoryId(db.ds, 'pipe');
    const householdId = await homeOf(db.ds, 'resident');
    const before = { needs: await countRows('needs'), voices: await countRows('need_voice_notes') };
    const create = (extra: Record<string, unknown>) => createNeedAs({ categoryId: pipe, householdId, ...extra } as never, as('resident'));

    const neither = await create({ description: '  ' });
    expect(neither).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'description' } } });
    const missing = await create({ voiceNote: { fileId: `local/${'b'.repeat(64)}.wav`, durationSec: 5 } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('语音不存在') } });
    const up = await upload(wav(1));
    const fileId = up.body.ok ? up.body.data.fileId : '';
    for (const durationSec of [0, 61, 2.5]) expect(errorCode(await create({ voiceNote: { fileId, durationSec } }))).toBe('INVALID_INPUT');
    // A photo is not a voice note, and a voice note is not a photo.
    expect(errorCode(await create({ voiceNote: { fileId: storedPhoto('voice-as-photo'), durationSec: 2 } }))).toBe('INVALID_INPUT');
    expect(errorCode(await create({ description: '照片', photoIds: [fileId] }))).toBe('INVALID_INPUT');
    expect({ needs: await countRows('needs'), voices: await countRows('need_voice_notes') }).toEqual(before);

    // Words and a voice note together are fine too.
    const both = ok(await create({ description: '楼道灯坏了', voiceNote: { fileId, durationSec: 1 } }));
    expect(both).toMatchObject({ description: '楼道灯坏了', excerpt: '楼道灯坏了', voiceNote: { durationSec: 1 } });
  });

  it('a comment may be a voice note alone; both sides hear it; an empty comment is still refused', async () => {
    const pipe = await categoryId(db.ds, 'pipe');
    const need = ok(await createNeedAs({ categoryId: pipe, householdId: await homeOf(db.ds, 'resident'), description: '水管漏水' }, as('resident')));
    const up = await upload(wav(4));
    const fileId = up.body.ok ? up.body.data.fileId : '';

    const spoken = ok(await call('needs', 'comment', { needId: need.id, voiceNote: { fileId, durationSec: 4 } }, as('resident')));
    expect(spoken.comments).toEqual([
      expect.objectContaining({ body: '', side: 'resident', mine: true, voiceNote: { fileId, url: `/uploads/${fileId.slice(6)}`, durationSec: 4, transcript: null, transcriptEditable: true } }),
    ]);
    const staffView = ok(await call('needs', 'comment', { needId: need.id, body: '收到，明天上门' }, as('community_staff')));
    expect(staffView.comments.map((c) => [c.body, c.voiceNote?.durationSec ?? null])).toEqual([
      ['', 4],
      ['收到，明天上门', null],
    ]);
    // The staff member was told, with the note's length in the message.
    const told = await db.ds.query("SELECT body FROM notifications WHERE title = '新留言' AND body LIKE ?", [`#${need.id} %`]);
    expect(told.map((r: { body: string }) => r.body)).toContain(`#${need.id} [语音 4秒]：「水管漏水」`);

    const before = await countRows('need_comments');
    expect(errorCode(await call('needs', 'comment', { needId: need.id, body: ' ' }, as('resident')))).toBe('INVALID_INPUT');
    const gone = await call('needs', 'comment', { needId: need.id, voiceNote: { fileId: `local/${'c'.repeat(64)}.wav`, durationSec: 2 } }, as('resident'));
    expect(errorCode(gone)).toBe('INVALID_INPUT');
    expect(await countRows('need_comments')).toBe(before);
  });

  it('transcripts (语音转文字): off by default, never sent then; on with a transcriber, the timer writes them after the upload, retries a failing service and gives up; the speaker and the staff handling the need correct them', async () => {
    const heard: string[] = [];
    let failing = 'none';
    let silent = 'none';
    const fake: Transcriber = {
      async transcribe({ fileId }) {
        heard.push(fileId);
        if (fileId === failing) throw new Error('service down');
        return fileId === silent ? '   ' : '  厨房下水管漏水了  ';
      },
    };
    const tick = (transcriber: Transcriber | null) =>
      transcribeNeedVoiceNotes.run(
        { em: db.ds.manager, platform: { ...localPlatform(), transcriber }, tx: <T>(w: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, w) },
        clock.now(),
      );
    const noteOf = async (fileId: string) =>
      (await db.ds.query('SELECT transcriptStatus, transcriptTries, transcript FROM need_voice_notes WHERE fileId = ?', [fileId]))[0] as {
        transcriptStatus: string;
        transcriptTries: number | string;
        transcript: string | null;
      };
    const pipe = await categoryId(db.ds, 'pipe');
    const householdId = await homeOf(db.ds, 'resident');
    const spoken = async (seconds: number) => {
      const up = await upload(wav(seconds));
      return up.body.ok ? up.body.data.fileId : '';
    };

    // Off (the default): nothing is sent even with a transcriber; what was recorded is skipped.
    const before = await spoken(1.1);
    ok(await call('needs', 'create', { categoryId: pipe, householdId, voiceNote: { fileId: before, durationSec: 1 } }, as('resident')));
    await tick(fake);
    expect(heard).toEqual([]);
    expect((await noteOf(before)).transcriptStatus).toBe('skipped');

    ok(await call('settings', 'save', { section: 'voice', version: 0, value: { transcription: true } }, as('admin')));
    const said = await spoken(1.2);
    const need = ok(await createNeedAs({ categoryId: pipe, householdId, voiceNote: { fileId: said, durationSec: 1 } }, as('resident')));
    expect(need.voiceNote).toMatchObject({ transcript: null, transcriptEditable: true });
    const broken = await spoken(1.3);
    failing = broken;
    ok(await call('needs', 'comment', { needId: need.id, voiceNote: { fileId: broken, durationSec: 1 } }, as('resident')));
    expect(await tick(fake)).toMatchObject({ transcribed: 1, transcribeFailed: 1 });
    expect(heard).not.toContain(before);
    expect(await noteOf(said)).toMatchObject({ transcriptStatus: 'done', transcript: '厨房下水管漏水了' });
    await tick(fake);
    await tick(fake);
    expect(await noteOf(broken)).toMatchObject({ transcriptStatus: 'failed', transcript: null });
    expect(Number((await noteOf(broken)).transcriptTries)).toBe(TRANSCRIPT_RULES.tries);
    heard.length = 0;
    expect(await tick(fake)).toMatchObject({ transcribed: 0, transcribeFailed: 0 });
    expect(heard).toEqual([]);

    // Beside the note for whoever hears the need; the speaker and the staff correct it; the log keeps each text.
    expect(ok(await call('needs', 'get', { needId: need.id }, as('community_staff'))).voiceNote).toMatchObject({ transcript: '厨房下水管漏水了', transcriptEditable: true });
    const fixed = ok(await call('needs', 'editTranscript', { needId: need.id, transcript: '厨房水管漏水' }, as('resident')));
    expect(fixed.voiceNote).toMatchObject({ transcript: '厨房水管漏水', transcriptEditable: true });
    ok(await call('needs', 'editTranscript', { needId: need.id, transcript: '厨房下水管漏水' }, as('community_staff')));
    expect((await noteOf(said)).transcript).toBe('厨房下水管漏水');
    const logged = await db.ds.query("SELECT data FROM subject_events WHERE subject_kind = 'need-voice-note' AND action = 'transcript_edited' ORDER BY id");
    expect(logged.map((r: { data: string }) => JSON.parse(r.data))).toEqual([
      { needId: need.id, before: '厨房下水管漏水了', after: '厨房水管漏水' },
      { needId: need.id, before: '厨房水管漏水', after: '厨房下水管漏水' },
    ]);
    // A neighbour and a team the need was never sent to cannot reach it; bad text is refused.
    const neighbour = await buildResident(db.ds);
    for (const who of [neighbour.openid, as('team_staff')]) expect(errorCode(await call('needs', 'editTranscript', { needId: need.id, transcript: '改' }, who))).toBe('NOT_FOUND');
    expect(errorCode(await call('needs', 'editTranscript', { needId: need.id, commentId: 999999, transcript: '改' }, as('resident')))).toBe('NOT_FOUND');
    for (const transcript of [' ', '长'.repeat(TRANSCRIPT_RULES.maxLength + 1)])
      expect(errorCode(await callRaw('needs', 'editTranscript', { needId: need.id, transcript }, as('resident')))).toBe('INVALID_INPUT');
    expect((await noteOf(said)).transcript).toBe('厨房下水管漏水');

    // A service that heard no words: done, with nothing to show. No transcriber configured: skipped.
    const hush = await spoken(1.4);
    silent = hush;
    ok(await call('needs', 'comment', { needId: need.id, voiceNote: { fileId: hush, durationSec: 1 } }, as('community_staff')));
    await tick(fake);
    expect(await noteOf(hush)).toMatchObject({ transcriptStatus: 'done', transcript: null });
    const unheard = await spoken(1.5);
    ok(await call('needs', 'comment', { needId: need.id, voiceNote: { fileId: unheard, durationSec: 1 } }, as('community_staff')));
    expect(await tick(null)).toMatchObject({ transcribed: 0, transcribeSkipped: 1 });
    expect((await noteOf(unheard)).transcriptStatus).toBe('skipped');
  });

  it('the migration goes down and up again', async () => {
    const migration = new NeedVoiceNotes1765749600000();
    const transcripts = new NeedVoiceTranscripts1766000000000();
    const q = db.ds.createQueryRunner();
    try {
      // Newest first, as a rollback runs them.
      await transcripts.down(q);
      expect(await q.hasColumn('need_voice_notes', 'transcript')).toBe(false);
      await migration.down(q);
      expect(await q.hasTable('need_voice_notes')).toBe(false);
      await migration.up(q);
      expect(await q.hasTable('need_voice_notes')).toBe(true);
      expect(await countRows('need_voice_notes')).toBe(0);
      await transcripts.up(q);
      expect(await q.hasColumn('need_voice_notes', 'transcriptStatus')).toBe(true);
    } finally {
      await q.release();
    }
  });
});

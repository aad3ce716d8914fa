import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, buildResident, call, errorCode, newcomer, ok, orgId } from '../factories';

process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-${process.pid}`);
jest.setTimeout(120_000);

const rid = () => crypto.randomBytes(9).toString('base64url');
const HOUR = 3600 * 1000;

/** A voice note as the upload step leaves it: a WAV in the local store, `local/<sha>.wav`. */
function storedVoice(seed = Math.random().toString()): string {
  const sha = crypto.createHash('sha256').update(seed).digest('hex');
  fs.mkdirSync(process.env.UPLOAD_DIR!, { recursive: true });
  fs.writeFileSync(path.join(process.env.UPLOAD_DIR!, `${sha}.wav`), Buffer.from('RIFF'));
  return `local/${sha}.wav`;
}

/**
 * 备注 on a meal booking (issue 16 item 7): the elder, family linked to her, whoever booked and
 * centre staff write and read it — text ≤ 50 characters and/or a voice note with the needs' upload
 * check — and it reaches the kitchen sheet, the counter roster and the delivery round; a grid
 * worker or a stranger never sees it.
 */
describe.each(DIALECTS)('booking remarks on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  let lastStart = 0;
  async function lunch(): Promise<SlotDTO> {
    const startsAt = new Date(Math.max(Date.now(), lastStart) + 30 * HOUR);
    lastStart = startsAt.getTime();
    return buildLunch(centreId, startsAt, { capacityDineIn: 10, capacityDelivery: 10 });
  }

  it('who writes and reads a remark: the elder, her family, the booker and the centre — never a grid worker or a stranger; it reaches the kitchen, the roster and the round', async () => {
    const me = await buildResident(db.ds, { name: '吴淑芬', phone: '10000006611' });
    const elder = ok(await call('bookings', 'registerElder', { centreId, birthYear: 1945, address: '锦屏花园2栋1单元301' }, me.openid));
    const child = newcomer();
    const link = ok(await call('bookings', 'linkFamily', { centreId, elderName: '吴淑芬', phoneTail: '6611' }, child));
    ok(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, as('care_staff')));

    const slot = await lunch();
    // Her son books the delivery; he may leave the remark, and so may she and the centre.
    const booked = ok(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, mode: 'delivery', requestId: rid() }, child));
    expect(booked).toMatchObject({ remark: null, can: expect.arrayContaining(['remark']) });
    const fileId = storedVoice();
    const set = ok(await call('bookings', 'remark', { bookingId: booked.id, remark: ' 送餐请敲门，少盐 ', voiceNote: { fileId, durationSec: 7 } }, child));
    const remark = { text: '送餐请敲门，少盐', voiceNote: { fileId, url: `/uploads/${fileId.slice(6)}`, durationSec: 7 } };
    expect(set.remark).toEqual(remark);

    for (const who of [me.openid, child, as('care_staff')]) {
      const seen = ok(await call('bookings', 'week', { centreId, from: slot.day, elderId: elder.id }, who)).find((s) => s.id === slot.id)!.myBooking;
      expect([who, seen?.remark]).toEqual([who, remark]);
    }
    // The grid worker over her community books for elders (代订) but did not book this one: no remark.
    const gridWeek = ok(await call('bookings', 'week', { centreId, from: slot.day, elderId: elder.id }, as('grid_worker'))).find((s) => s.id === slot.id)!;
    expect(gridWeek.myBooking?.remark ?? null).toBeNull();
    expect(errorCode(await call('bookings', 'remark', { bookingId: booked.id, remark: '加个蛋' }, as('grid_worker')))).toBe('NOT_FOUND');
    expect(errorCode(await call('bookings', 'remark', { bookingId: booked.id, remark: '加个蛋' }, as('resident2')))).toBe('NOT_FOUND');

    // The centre's sheets carry it.
    const kitchen = ok(await call('bookings', 'kitchen', { slotId: slot.id }, as('care_staff')));
    expect(kitchen.people.find((p) => p.bookingId === booked.id)?.remark).toEqual(remark);
    const round = ok(await call('bookings', 'deliveries', { slotId: slot.id }, as('care_staff')));
    const stop = round.routes.flatMap((r) => r.buildings.flatMap((b) => b.stops)).find((s) => s.bookingId === booked.id);
    expect(stop?.remark).toEqual(remark);
    const roster = ok(await call('bookings', 'mealRoster', { centreId, day: slot.day }, as('care_staff')));
    expect(roster.sittings.flatMap((s) => s.people).find((p) => p.bookingId === booked.id)?.remark).toEqual(remark);

    // She changes it to text only; staff clear it. Whole remark each time.
    expect(ok(await call('bookings', 'remark', { bookingId: booked.id, remark: '饭要软' }, me.openid)).remark).toEqual({ text: '饭要软', voiceNote: null });
    expect(ok(await call('bookings', 'remark', { bookingId: booked.id }, as('care_staff'))).remark).toBeNull();
  });

  it('refuses a remark over 50 characters, a voice note not uploaded or out of bounds, and one after the cut-off or on a cancelled booking — writing nothing', async () => {
    const elder = ok(await call('bookings', 'registerElder', { centreId, name: '郑阿婆', birthYear: 1942 }, as('care_staff')));
    const slot = await lunch();
    const booked = ok(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, requestId: rid() }, as('care_staff')));
    const remarkOf = async () => (await db.ds.query('SELECT remark, remarkVoiceId FROM bookings WHERE id = ?', [booked.id]))[0];
    const staff = as('care_staff');

    const long = await call('bookings', 'remark', { bookingId: booked.id, remark: '少'.repeat(51) }, staff);
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'remark' } } });
    ok(await call('bookings', 'remark', { bookingId: booked.id, remark: '少'.repeat(50) }, staff));
    const missing = await call('bookings', 'remark', { bookingId: booked.id, remark: '新', voiceNote: { fileId: `local/${'c'.repeat(64)}.wav`, durationSec: 5 } }, staff);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'voiceNote' } } });
    for (const durationSec of [0, 61]) {
      expect(errorCode(await call('bookings', 'remark', { bookingId: booked.id, voiceNote: { fileId: storedVoice(), durationSec } }, staff))).toBe('INVALID_INPUT');
    }
    expect(await remarkOf()).toEqual({ remark: '少'.repeat(50), remarkVoiceId: null });

    clock.advance(Date.parse(slot.cutoffAt) - clock.now().getTime() + 1000);
    expect(errorCode(await call('bookings', 'remark', { bookingId: booked.id, remark: '晚了' }, staff))).toBe('INVALID_TRANSITION');
    clock.reset();
    const other = await lunch();
    const second = ok(await call('bookings', 'book', { slotId: other.id, elderId: elder.id, requestId: rid() }, staff));
    ok(await call('bookings', 'cancel', { bookingId: second.id }, staff));
    expect(errorCode(await call('bookings', 'remark', { bookingId: second.id, remark: '取消了' }, staff))).toBe('INVALID_TRANSITION');
    expect(await remarkOf()).toEqual({ remark: '少'.repeat(50), remarkVoiceId: null });
  });
});

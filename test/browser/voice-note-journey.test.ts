import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { readWav } from '../../cloud/src/core/wav';
import { DIALECTS } from '../db';
import { as, call, homeOf, ok, orgId, quarterPeriod } from '../factories';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * Issue 16 item 7, 语音留言, at phone size: 王秀兰 (75, large text) cannot type, so she holds
 * 按住说出需求 and speaks her need — Chromium's fake microphone gives the sound — and files it with
 * no words at all. The H5 app encodes a 16 kHz mono WAV itself (the format the mini-program plays);
 * 杨晓燕 at the community opens the need from 派单台 and hears it play, then answers with a voice
 * note of her own. Then she rates her property firm by voice alone (评价物业, large text): the page
 * says who will hear it; once results are public the firm's 孙磊 plays it on the firm's page, while
 * the public card she reads lists no such comment and offers no player. Axe on every page.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect, {
    uploads: 'voice',
    browserArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
  });

  /** A real finger on the screen (CDP touch events): down, held for `ms`, up — as a person holds 按住说话. */
  async function hold(j: Journey, target: Locator, ms: number, step?: string): Promise<void> {
    const box = await target.boundingBox();
    if (!box) throw new Error('the hold button is not on screen');
    const cdp = await j.page.context().newCDPSession(j.page);
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await target.locator('xpath=.').filter({ hasText: '正在录音' }).waitFor();
    const at = Date.now();
    if (step) await j.audit(step);
    await j.page.waitForTimeout(Math.max(0, ms - (Date.now() - at)));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  /** Tap ▶ and wait until the note is heard: the player is playing and its position has moved. */
  async function hear(j: Journey, testId: string): Promise<void> {
    const player = j.byTestId(testId);
    await j.byTestId(`${testId}-toggle`).tap();
    await j.page.waitForFunction(
      (id) => {
        const el = Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).find((e) => (e as HTMLElement).offsetParent !== null);
        return !!el && el.getAttribute('data-state') === 'playing' && Number(el.getAttribute('data-position')) > 0.3;
      },
      testId,
      { timeout: 20_000 },
    );
    expect(await player.getAttribute('data-state')).toBe('playing');
  }

  it('王秀兰 speaks her need in large text with no words; 杨晓燕 opens it and hears it, and answers by voice', async () => {
    const j = new Journey(await env.context.newPage(), env.stack.base, `voice-note-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('王秀兰');
    await j.setLargeText(true);
    await j.tapTab('需求');
    await j.byTestId('need-create-entry').click();
    await j.root().locator('[role="radio"]', { hasText: '管网疏通' }).first().click();

    const button = j.byTestId('need-voice-hold');
    const size = await button.boundingBox();
    expect(size!.width).toBeGreaterThanOrEqual(60);
    expect(size!.height).toBeGreaterThanOrEqual(60);
    await button.scrollIntoViewIfNeeded();
    await j.audit('create-before-voice');
    await hold(j, button, 3_200, 'create-recording');
    await j.byTestId('need-voice-player').waitFor();
    const length = Number(/0:(\d\d)/.exec(await j.byTestId('need-voice-player-time').innerText())?.[1]);
    expect(length).toBeGreaterThanOrEqual(2);
    expect(length).toBeLessThanOrEqual(5);
    await j.root().getByText('需求描述（已录语音，可不填）').waitFor();
    await j.audit('create-voice-recorded');
    await j.byTestId('need-submit').click();
    await j.byTestId('need-detail').waitFor();
    const id = Number(/[?&]id=(\d+)/.exec(j.page.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    await j.byTestId('need-voice').waitFor();
    expect(await j.byTestId('need-description').count()).toBe(0);
    await j.audit('detail-voice-need');

    // What was stored is the WAV the mini-program can play: 16 kHz, mono, 16-bit PCM, as long as shown.
    const [row] = await env.stack.db.ds.query('SELECT fileId, durationSec FROM need_voice_notes WHERE needId = ? AND commentId = 0', [id]);
    expect(Number(row.durationSec)).toBe(length);
    const wav = readWav(fs.readFileSync(path.join(process.env.UPLOAD_DIR!, String(row.fileId).slice('local/'.length))));
    expect(wav).toMatchObject({ format: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 });
    expect(Math.abs(wav!.seconds - length)).toBeLessThan(0.75);

    // The community: 派单台 → the need → ▶ — it plays.
    await j.loginAs('杨晓燕');
    await j.tapTab('需求');
    await j.byTestId('entry-console').click();
    await j.byTestId(`need-row-${id}`).getByText('[语音]').waitFor();
    await j.audit('console-voice-row');
    await j.byTestId(`need-row-${id}`).click();
    await j.byTestId('need-voice').waitFor();
    await hear(j, 'need-voice');
    await j.audit('staff-hears-need');

    // She answers by voice; the reply stands in the thread with its own player.
    const reply = j.byTestId('comment-voice-hold');
    await reply.scrollIntoViewIfNeeded();
    await hold(j, reply, 2_200);
    await j.byTestId('comment-voice-player').waitFor();
    await j.byTestId('comment-send').click();
    await j.byTestId('need-thread').locator('[data-testid$="-voice"]').first().waitFor();
    await j.audit('staff-voice-reply');
    expect(j.failures()).toEqual([]);
  });

  it('王秀兰 (large text) rates her firm with a voice note alone; the firm staff play it; the public card does not offer it', async () => {
    const firmId = await orgId(env.stack.db.ds, '阆苑物业服务有限公司');
    const periodId = ok(await call('ratings', 'openPeriod', quarterPeriod(), as('admin'))).id;
    const householdId = await homeOf(env.stack.db.ds, 'resident');
    const j = new Journey(await env.context.newPage(), env.stack.base, `voice-rating-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/me/index`);
    await j.loginAs('王秀兰');
    await j.setLargeText(true);
    await j.page.goto(`${env.stack.base}/#/packages/ratings/pages/rate/index?householdId=${householdId}`);
    await j.byTestId('rate-form').waitFor();
    for (const [dimension, n] of [['environment', 3], ['security', 4], ['repairs', 2], ['attitude', 3]] as const) {
      await j.root().locator(`[role="radiogroup"][aria-labelledby="rate-${dimension}-label"] [role="radio"][aria-label="${n}星"]`).tap();
      await j.byTestId(`rate-${dimension}-word`).getByText(`${n}星`).waitFor();
    }
    await expect(j.byTestId('rate-voice-who').innerText()).resolves.toContain('只有本小区的物业工作人员和社区审核人员能听到');
    const button = j.byTestId('rate-voice-hold');
    await button.scrollIntoViewIfNeeded();
    const size = await button.boundingBox();
    expect(size!.width).toBeGreaterThanOrEqual(80);
    expect(size!.height).toBeGreaterThanOrEqual(80);
    await j.audit('rate-before-voice');
    await hold(j, button, 2_600, 'rate-recording');
    await j.byTestId('rate-voice-player').waitFor();
    await j.byTestId('rate-voice-player').scrollIntoViewIfNeeded();
    await j.audit('rate-voice-recorded');
    await j.byTestId('rate-submit').tap();
    await j.byTestId('rate-done').waitFor();
    const [row] = await env.stack.db.ds.query(
      'SELECT r.id AS id, r.comment AS comment, v.durationSec AS durationSec FROM household_ratings r JOIN rating_voice_notes v ON v.ratingId = r.id WHERE r.periodId = ? AND r.householdId = ?',
      [periodId, householdId],
    );
    expect(row.comment).toBe('');
    expect(Number(row.durationSec)).toBeGreaterThanOrEqual(2);
    await j.audit('rate-voice-sent');

    // Results go public: the firm hears it on its page; the public card lists no such comment.
    ok(await call('ratings', 'closePeriod', { periodId }, as('admin')));
    ok(await call('ratings', 'publishPeriod', { periodId }, as('admin')));
    await j.page.goto(`${env.stack.base}/#/packages/ratings/pages/firm/index?firmId=${firmId}`);
    await j.byTestId('firm-comments').waitFor();
    await j.byTestId('firm-comments').scrollIntoViewIfNeeded();
    expect(await j.root().locator('[data-testid^="comment-voice-"]').count()).toBe(0);
    expect(await j.byTestId(`comment-${row.id}`).count()).toBe(0);
    await j.audit('public-card-no-voice');

    await j.loginAs('孙磊');
    await j.page.goto(`${env.stack.base}/#/packages/ratings/pages/firm/index?firmId=${firmId}`);
    const spoken = j.byTestId(`comment-voice-${row.id}`);
    await spoken.waitFor();
    await expect(spoken.innerText()).resolves.toContain('居民语音留言，仅物业与审核人员可听');
    await expect(j.byTestId(`comment-body-${row.id}`).innerText()).resolves.toBe('（只留了语音）');
    await spoken.scrollIntoViewIfNeeded();
    await hear(j, `comment-voice-player-${row.id}`);
    await j.audit('firm-hears-rating-voice');
    expect(j.failures()).toEqual([]);
  });
});

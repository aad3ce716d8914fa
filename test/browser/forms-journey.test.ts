import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { NEED_RULES } from '@hg/types/needs';
import { DIALECTS } from '../db';
import { ARTIFACTS, PHONE, startStack, type Stack } from './harness';
import { Journey } from './journey';

/**
 * Forms forgive (issue #9 item 5), in a phone-sized browser: 王秀兰 starts 我要点单, leaves, reloads
 * and loses her login on the way, and finds her text each time; an over-long description is flagged,
 * not cut; a real ~10 MB phone photo is compressed in the page and uploaded; on the filed need a tap
 * on the photo opens it full size and 关闭 / Esc close it. axe on every page, large-text mode too.
 */
jest.setTimeout(300_000);

/** Width and height of a baseline or progressive JPEG, from its SOF segment. */
function jpegSize(buf: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < buf.length && buf[i] === 0xff) {
    const marker = buf[i + 1];
    const length = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return null;
}

/**
 * A 4000×3000 JPEG of about 10 MB, as a phone camera writes it: a gradient with sensor-like noise
 * (noise is what keeps a real photo from compressing to nothing), encoded by the browser's canvas.
 */
async function phonePhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const g = ctx.createLinearGradient(0, 0, 4000, 3000);
    g.addColorStop(0, '#7a4b2a');
    g.addColorStop(0.5, '#d8c3a5');
    g.addColorStop(1, '#35566e');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 4000, 3000);
    const img = ctx.getImageData(0, 0, 4000, 3000);
    let seed = 12345;
    for (let i = 0; i < img.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = ((seed >> 8) % 120) - 60;
      img.data[i] += n;
      img.data[i + 1] += n;
      img.data[i + 2] += n;
    }
    ctx.putImageData(img, 0, 0);
    const blob = (await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.99))) as Blob;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  return Buffer.from(base64, 'base64');
}

describe.each(DIALECTS)('on %s', (dialect) => {
  let stack: Stack;
  let context: BrowserContext;
  let j: Journey;
  let page: Page;
  const uploads = path.join(os.tmpdir(), `hg-forms-uploads-${process.pid}-${dialect}`);

  beforeAll(async () => {
    process.env.UPLOAD_DIR = uploads;
    stack = await startStack(dialect);
    context = await stack.browser.newContext(PHONE);
    page = await context.newPage();
    j = new Journey(page, stack.base, `forms-journey-${dialect}`);
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
    fs.rmSync(uploads, { recursive: true, force: true });
  });

  const description = () => j.root().locator('textarea[aria-label="需求描述"]');

  async function openCreate() {
    await j.tapTab('需求');
    await j.byTestId('need-create-entry').click();
    await description().waitFor();
  }

  it('a resident keeps her draft through back, reload and a lost login, uploads a 10 MB photo compressed and views it full size', async () => {
    await page.goto(`${stack.base}/#/pages/me/index`);
    await j.loginAs('王秀兰');

    // 1. She starts 我要点单: category, a description with an emoji.
    await openCreate();
    await j.root().locator('[role="radio"]', { hasText: '管网疏通' }).first().click();
    const text = '厨房下水道堵了，水排不下去🙏';
    await description().fill(text);
    await expect(j.byTestId('need-description-count').textContent()).resolves.toBe(`${[...text].length}/${NEED_RULES.descriptionMax}`);
    await j.audit('create-typed');

    // 2. Back, then 我要点单 again: the draft is there.
    await page.goBack();
    await page.waitForFunction(() => !window.location.hash.includes('/needs/pages/create/'));
    await openCreate();
    await j.byTestId('need-draft-restored').waitFor();
    await expect(description().inputValue()).resolves.toBe(text);
    await expect(j.root().locator('[role="radio"][aria-checked="true"]', { hasText: '管网疏通' }).count()).resolves.toBe(1);
    await j.audit('create-restored-after-back');

    // 3. A reload keeps it too.
    await page.reload();
    await description().waitFor();
    await expect(description().inputValue()).resolves.toBe(text);

    // 4. The login is lost (expired token): the login redirect brings her back to her draft.
    await page.evaluate(() => window.localStorage.removeItem('hg.session.token'));
    await page.reload();
    await j.root().getByText('演示模式：仅用于本地体验').waitFor();
    await j.root().locator('[role="button"]', { hasText: '王秀兰' }).filter({ visible: true }).first().click();
    await page.waitForFunction(() => window.location.hash.includes('/needs/pages/create/'));
    await description().waitFor();
    await expect(description().inputValue()).resolves.toBe(text);
    await j.byTestId('need-draft-restored').waitFor();

    // 5. Over-long text stays whole, the counter turns red, and the form will not send it.
    const tooLong = `${text}${'很'.repeat(NEED_RULES.descriptionMax)}`;
    await description().fill(tooLong);
    await expect(description().inputValue()).resolves.toBe(tooLong);
    await expect(j.byTestId('need-description-count').getAttribute('class')).resolves.toContain('tbox__count--over');
    await expect(j.byTestId('need-description-over').textContent()).resolves.toBe(
      `已超出${[...tooLong].length - NEED_RULES.descriptionMax}个字，最多${NEED_RULES.descriptionMax}个字`,
    );
    await j.byTestId('need-submit').click();
    await expect(j.byTestId('need-description-error').textContent()).resolves.toBe(`需求描述不超过${NEED_RULES.descriptionMax}个字`);
    await j.audit('create-too-long');
    await description().fill(text);

    // 6. A real phone photo of ~10 MB: compressed in the page, uploaded, shown as 照片1.
    const photo = await phonePhoto(page);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, `forms-journey-${dialect}-phone-photo.jpg`), photo);
    expect(photo.length).toBeGreaterThan(9 * 1024 * 1024);
    expect(photo.length).toBeGreaterThan(NEED_RULES.photoBytesMax);
    const upload = page.waitForRequest((r) => r.url().includes('/api/_upload'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), j.byTestId('need-photos-add').click()]);
    await chooser.setFiles({ name: 'IMG_20260301_081500.jpg', mimeType: 'image/jpeg', buffer: photo });
    const sent = await (await upload).response();
    await j.root().locator('img[alt="照片1"]').waitFor();
    await expect(j.byTestId('need-photos-error').count()).resolves.toBe(0);
    expect(sent?.status()).toBe(200);
    // What reached the server is the compressed copy: under the limit, the long edge at 1920 px.
    const stored = fs.readdirSync(uploads).map((f) => fs.readFileSync(path.join(uploads, f)));
    expect(stored).toHaveLength(1);
    expect(stored[0].length).toBeLessThan(NEED_RULES.photoBytesMax);
    expect(jpegSize(stored[0])).toEqual({ width: 1920, height: 1440 });
    await j.audit('create-with-photo');

    // The photo is in the draft as well.
    await page.reload();
    await j.root().locator('img[alt="照片1"]').waitFor();

    // 7. Submit: the detail opens, the draft is gone.
    await j.byTestId('need-submit').click();
    await j.byTestId('need-detail').waitFor();
    const id = Number(/[?&]id=(\d+)/.exec(page.url())?.[1]);
    const [row] = await stack.db.ds.query('SELECT description FROM needs WHERE id = ?', [id]);
    expect(row.description).toBe(text);
    const photos = await stack.db.ds.query("SELECT fileId FROM need_photos WHERE needId = ? AND kind = 'report'", [id]);
    expect(photos).toHaveLength(1);
    expect(photos[0].fileId).toMatch(/^local\/[0-9a-f]{64}\.jpg$/);
    const drafts = await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('hg.draft.')));
    expect(drafts).toEqual([]);
    await j.audit('detail');

    // 8. Tap the photo: full size in an overlay; 关闭 closes it and focus goes back.
    await j.root().locator('[role="button"][aria-label="查看现场照片1大图"]').click();
    const viewer = page.locator('[data-testid="photo-viewer"]:visible');
    await viewer.waitFor();
    const full = viewer.locator('img[alt="现场照片1"]');
    await expect(full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(1920);
    const box = await full.boundingBox();
    // Full size = the whole width of the phone's screen, not the thumbnail.
    expect(box && box.width).toBeGreaterThanOrEqual(PHONE.viewport.width - 1);
    const close = viewer.locator('[role="button"][aria-label="关闭照片"]');
    const closeBox = await close.boundingBox();
    expect(closeBox && Math.min(closeBox.width, closeBox.height)).toBeGreaterThanOrEqual(44);
    await expect(close.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await j.audit('detail-photo-full');
    await close.tap();
    await expect(viewer.count()).resolves.toBe(0);

    // Esc closes it too.
    await j.root().locator('[role="button"][aria-label="查看现场照片1大图"]').click();
    await viewer.waitFor();
    await page.keyboard.press('Escape');
    await expect(viewer.count()).resolves.toBe(0);

    // 9. Large-text mode: the form, the detail and the viewer hold.
    await j.tapTab('我的');
    await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
    await page.locator('.page--large:visible').first().waitFor();
    await openCreate();
    await expect(j.byTestId('need-draft-restored').count()).resolves.toBe(0);
    await expect(description().inputValue()).resolves.toBe('');
    // A file of another type is refused with its reason next to the picker, not in a passing toast.
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    const [gifChooser] = await Promise.all([page.waitForEvent('filechooser'), j.byTestId('need-photos-add').click()]);
    await gifChooser.setFiles({ name: 'sticker.gif', mimeType: 'image/gif', buffer: gif });
    const refusal = j.byTestId('need-photos-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe('只能上传 JPG、PNG 或 WebP 图片（这张是 GIF 动图）');
    await refusal.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await expect(refusal.isVisible()).resolves.toBe(true);
    await j.audit('create-refused-large');
    await j.open(`/packages/needs/pages/detail/index?id=${id}`);
    await j.byTestId('need-detail').waitFor();
    await j.audit('detail-large');
    await j.root().locator('[role="button"][aria-label="查看现场照片1大图"]').click();
    await viewer.waitFor();
    const closeLarge = await viewer.locator('[role="button"][aria-label="关闭照片"]').boundingBox();
    expect(closeLarge && Math.min(closeLarge.width, closeLarge.height)).toBeGreaterThanOrEqual(44);
    await j.audit('detail-photo-full-large');
    await viewer.locator('[role="button"][aria-label="关闭照片"]').tap();
    await expect(viewer.count()).resolves.toBe(0);

    expect(j.failures()).toEqual([]);
  });
});

import { DIALECTS } from '../db';
import { as, call, ok } from '../factories';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * 城市配置 in a real browser, on a phone (390×844, touch), axe on every view: the city admin 林峰
 * opens 我的 → 城市配置, tries a subsidy the form cannot take (told beside the field), raises the
 * 低保 tier from 6.00 to 7.50 元 with a reason, sees it saved and in the history in plain words, and
 * the settings the server now serves carry it; adds an age band from 60, two subsidised meals a day
 * and a 4-hour offer window on the same form; then the same page in large-text mode, where he sets
 * 五步议事's notice to 5 days on the form the section's fields describe. A community
 * clerk (杨晓燕) has no such entry, and the page refuses her.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect);

  async function signedIn(name: string, file: string): Promise<Journey> {
    const j = new Journey(await env.context.newPage(), env.stack.base, `settings-${file}-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/me/index`);
    await j.loginAs(name);
    return j;
  }

  it('林峰 raises the 低保 subsidy in 我的 → 城市配置, with its history, in normal and large-text mode', async () => {
    const j = await signedIn('林峰', 'admin');
    await j.byTestId('entry-settings').click();
    await j.waitForShown('/packages/admin/pages/settings/index');
    await j.byTestId('subsidy-editor').waitFor();
    await j.audit('settings');

    const dibao = j.byTestId('tier-dibao').locator('input[aria-label="每餐补贴（元）"]');
    await expect(dibao.inputValue()).resolves.toBe('6.00');

    // A typo is caught beside its field and nothing is saved.
    await dibao.fill('7.505');
    await j.byTestId('subsidy-save').click();
    await j.byTestId('tier-dibao').getByRole('alert').first().waitFor();
    await j.audit('settings-error');
    const before = ok(await call('settings', 'list', {}, as('admin')));
    expect(before.find((s) => s.key === 'bookings')?.version ?? 0).toBe(0);

    await dibao.fill('7.50');
    await j.byTestId('subsidy-editor').locator('input[aria-label="修改说明（选填）"]').fill('按民政局新文件调整');
    await j.byTestId('subsidy-save').click();
    await j.byTestId('settings-done').waitFor();
    await j.audit('settings-saved');

    // What the server serves now: the 低保 tier at 750 fen, one revision with the admin's reason.
    const after = ok(await call('settings', 'list', {}, as('admin'))).find((s) => s.key === 'bookings')!;
    expect(after.version).toBe(1);
    expect(JSON.stringify(after.value)).toContain('750');

    await j.byTestId('history-bookings-toggle').click();
    const history = j.byTestId('history-bookings');
    await history.waitFor();
    await history.getByText('低保：6.00元 → 7.50元').waitFor();
    await history.getByText('按民政局新文件调整').waitFor();
    await j.audit('settings-history');

    // The rest of the section on the same form: an age band from 60, two subsidised meals a day, a 4-hour offer window.
    await j.byTestId('age-band-add').click();
    const band = j.byTestId('age-band-0');
    await expect(band.locator('input[aria-label="起始年龄（岁）"]').inputValue()).resolves.toBe('60');
    await band.locator('input[aria-label="每餐补贴（元）"]').fill('1.50');
    await j.root().locator('input[aria-label="每位老人每天最多享受补贴餐数"]').fill('2');
    await j.root().locator('input[aria-label="候补让座保留时长（分钟）"]').fill('240');
    await j.byTestId('subsidy-editor').locator('input[aria-label="修改说明（选填）"]').fill('增设60岁档');
    await j.byTestId('subsidy-save').click();
    await j.page.getByText('第2版', { exact: false }).first().waitFor();
    await j.audit('settings-bands');
    const caps = ok(await call('settings', 'list', {}, as('admin'))).find((s) => s.key === 'bookings')!;
    expect(caps.version).toBe(2);
    expect(caps.value).toMatchObject({ ageBands: [{ fromAge: 60, label: '60岁以上', fen: 150 }], subsidisedMealsPerDay: 2, offerMinutes: 240 });

    await j.setLargeText(true);
    await j.byTestId('entry-settings').click();
    await j.waitForShown('/packages/admin/pages/settings/index');
    await j.page.locator('.page--large:visible').first().waitFor();
    await j.byTestId('subsidy-editor').waitFor();
    await expect(j.byTestId('tier-dibao').locator('input[aria-label="每餐补贴（元）"]').inputValue()).resolves.toBe('7.50');
    await j.audit('settings-large');

    // 五步议事 on the generic form the section's fields describe: a 5-day notice, with a reason.
    const delib = j.byTestId('fields-editor-deliberation');
    await delib.scrollIntoViewIfNeeded();
    await delib.locator('input[aria-label="公告天数（天）"]').fill('5');
    await delib.locator('input[aria-label="修改说明（选填）"]').fill('街道要求公告满5天');
    await j.byTestId('save-deliberation').click();
    await j.byTestId('section-deliberation').getByText('已保存，从现在起按新配置执行').waitFor();
    await j.byTestId('section-deliberation-meta').getByText('第1版', { exact: false }).waitFor();
    await j.audit('settings-deliberation-large');
    const delibSaved = ok(await call('settings', 'list', {}, as('admin'))).find((s) => s.key === 'deliberation')!;
    expect(delibSaved).toMatchObject({ version: 1, value: { noticeDays: 5 } });

    expect(j.failures()).toEqual([]);
  });

  it('a community clerk (杨晓燕) has no 城市配置, and the page refuses her', async () => {
    const j = await signedIn('杨晓燕', 'staff');
    await j.byTestId('entry-verify').waitFor();
    await expect(j.byTestId('entry-settings').count()).resolves.toBe(0);
    await j.open('/packages/admin/pages/settings/index');
    await j.waitForShown('/packages/admin/pages/settings/index');
    await expect(j.byTestId('subsidy-editor').count()).resolves.toBe(0);
    await j.audit('settings-refused');
    expect(j.failures()).toEqual([]);
  });
});

import type { EntityManager } from 'typeorm';
import type { EscalationTickDTO } from '@hg/types';
import { MODULES } from '../../cloud/src/app';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { timersOf, type TimerJob } from '../../cloud/src/core/module';
import { localPlatform } from '../../cloud/src/core/platform';
import { runJobs } from '../../cloud/src/modules/timers/actions/run-tick';
import { DIALECTS } from '../db';
import { as, call, ok } from '../factories';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * 定时任务 in a real browser, on a phone (390×844, touch), axe on every page: after one tick the city
 * admin 林峰 opens 我的 → 定时任务 and sees every deployed job by its plain name, 正常, with its last
 * run and its record; then one job fails twice in the real runner and 刷新 shows 上次失败, the reason
 * and the streak, in normal and large-text mode. Community staff (杨晓燕) have no such entry, and
 * the page itself refuses them.
 */
jest.setTimeout(300_000);

/** The deployed jobs, in run order (what `escalation.jobs` lists). */
const JOBS = timersOf(MODULES).map((j) => j.name);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect);

  async function signedIn(name: string, file: string): Promise<Journey> {
    const j = new Journey(await env.context.newPage(), env.stack.base, `timers-${file}-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/me/index`);
    await j.loginAs(name);
    return j;
  }

  it('after a tick 林峰 sees every job 正常 in 我的 → 定时任务, in normal and large-text mode', async () => {
    const tick: EscalationTickDTO = ok(await call('escalation', 'tick', {}, as('admin')));
    expect(tick.failed).toBe(0);

    const j = await signedIn('林峰', 'admin');
    await j.audit('me-admin');
    await j.byTestId('entry-timers').click();
    await j.waitForShown('/packages/admin/pages/timers/index');
    await j.byTestId('timers-summary').waitFor();
    await expect(j.byTestId('timers-summary').textContent()).resolves.toBe(`共${JOBS.length}项任务：${JOBS.length}项正常`);
    for (const name of JOBS) {
      const card = j.byTestId(`job-${name}`);
      await expect(card.locator(`[data-testid="job-${name}-badge"]`).textContent()).resolves.toBe('正常');
      await expect(card.locator(`[data-testid="job-${name}-last"]`).textContent()).resolves.toMatch(/^上次运行：\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      await expect(card.locator(`[data-testid="job-${name}-result"]`).textContent()).resolves.toMatch(/^结果：成功/);
      // Every deployed job has a plain name (format.ts); a raw `module.job` heading means one was added unnamed.
      await expect(card.getByRole('heading').textContent()).resolves.not.toBe(name);
    }
    await j.audit('timers');

    // The record of one job: the tick's run, 成功.
    const first = JOBS[0];
    await j.byTestId(`job-${first}-toggle`).click();
    const runs = j.byTestId(`job-${first}-runs`);
    await runs.waitFor();
    await expect(runs.locator('[role="listitem"]').count()).resolves.toBe(1);
    await runs.getByText('成功').waitFor();
    await j.audit('timers-runs');

    // The ratings job then fails twice (an unexpected error, as from a broken database) in the real
    // runner; 刷新 shows it without reloading the app.
    const failing: TimerJob = {
      name: 'ratings.closeEndedPeriods',
      run: async () => {
        throw new Error('database is locked');
      },
    };
    const ds = env.stack.db.ds;
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // the runner logs the stack
    for (let i = 0; i < 2; i++)
      await runJobs(
        { ds, tx: <T>(w: (em: EntityManager) => Promise<T>) => runInTransaction(ds, w), platform: localPlatform(env.stack.base) },
        [failing],
        clock.now(),
      );
    quiet.mockRestore();
    await j.byTestId('timers-refresh').click();
    const failed = j.byTestId(`job-${failing.name}`);
    await failed.locator(`[data-testid="job-${failing.name}-badge"]`).getByText('上次失败').waitFor();
    await expect(j.byTestId('timers-summary').textContent()).resolves.toBe(`共${JOBS.length}项任务：${JOBS.length - 1}项正常，1项上次失败`);
    // The reason as the runner recorded it (the error's kind and a log reference, never the message or a stack).
    await expect(failed.locator(`[data-testid="job-${failing.name}-error"]`).textContent()).resolves.toMatch(
      /^出错原因：Error（日志编号 [0-9a-f]{8}）错误代码：INTERNAL（系统内部错误）$/,
    );
    await expect(failed.locator(`[data-testid="job-${failing.name}-streak"]`).textContent()).resolves.toBe('已连续失败2次');
    await expect(failed.locator(`[data-testid="job-${failing.name}-last-ok"]`).textContent()).resolves.toMatch(/^上次成功：\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    await failed.scrollIntoViewIfNeeded();
    await j.audit('timers-failed');

    // Large-text mode (a device setting, from 我的), then the page again.
    await j.setLargeText(true);
    await j.byTestId('entry-timers').click();
    await j.waitForShown('/packages/admin/pages/timers/index');
    await j.page.locator('.page--large:visible').first().waitFor();
    await j.byTestId('timers-summary').waitFor();
    await j.byTestId(`job-${failing.name}-toggle`).click();
    await j.byTestId(`job-${failing.name}-runs`).waitFor();
    await j.byTestId(`job-${failing.name}`).scrollIntoViewIfNeeded();
    await j.audit('timers-large');

    expect(j.failures()).toEqual([]);
  });

  it('community staff (杨晓燕) have no 定时任务 on 我的, and the page refuses them', async () => {
    const j = await signedIn('杨晓燕', 'staff');
    await j.byTestId('entry-verify').waitFor();
    await expect(j.byTestId('entry-timers').count()).resolves.toBe(0);
    await expect(j.root().getByText('定时任务').count()).resolves.toBe(0);
    await j.audit('me-staff');

    await j.open('/packages/admin/pages/timers/index');
    await j.waitForShown('/packages/admin/pages/timers/index');
    await j.root().getByText('仅限管理员查看定时任务').waitFor();
    await expect(j.byTestId('timers-summary').count()).resolves.toBe(0);
    await j.audit('timers-refused');

    expect(j.failures()).toEqual([]);
  });
});

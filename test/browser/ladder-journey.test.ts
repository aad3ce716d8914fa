import type { EntityManager } from 'typeorm';
import { clock } from '../../cloud/src/core/clock';
import { runJobs } from '../../cloud/src/modules/timers/actions/run-tick';
import { timersOf } from '../../cloud/src/core/module';
import { MODULES } from '../../cloud/src/app';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { as, call, categoryId, homeOf, ok, orgId } from '../factories';
import { DIALECTS } from '../db';
import { useJourneyStack } from './harness';
import { Journey, TINY_JPEG } from './journey';

/**
 * Issue #9 item 1: escalation gives power to act. A need nobody took climbs to the compound; the
 * compound head 李明华 opens 我的 → 升级待办, re-dispatches it (转单) to the pipe team and presses
 * them (催办); the team's 何勇 accepts, starts and resolves it; 李明华 sees it resolved. Axe on
 * every page, in normal and large-text mode.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect, { uploads: 'ladder', afterAll: () => clock.reset() });

  const detailRoute = (id: number) => `/packages/needs/pages/detail/index?id=${id}`;

  it('a need climbs to the compound head, who re-dispatches it from 升级待办 and sees it through', async () => {
    // 王秀兰 reports a dark east gate; community staff give it to the property firm, which never accepts.
    const id = ok(
      await call(
        'needs',
        'create',
        {
          categoryId: await categoryId(env.stack.db.ds, 'suggestion'),
          householdId: await homeOf(env.stack.db.ds, 'resident'),
          description: '小区东门晚上路灯不亮，老人出行不便',
        },
        as('resident'),
      ),
    ).id;
    ok(await call('needs', 'dispatch', { needId: id, orgId: await orgId(env.stack.db.ds, '阆苑物业服务有限公司') }, as('community_staff')));
    // 25 hours pass (意见建议: accept within 24 h); the timer runs and the need climbs to the compound.
    clock.advance(25 * 3600 * 1000);
    const result = await runJobs(
      { ds: env.stack.db.ds, tx: <T>(w: (em: EntityManager) => Promise<T>) => runInTransaction(env.stack.db.ds, w), platform: localPlatform(env.stack.base) },
      timersOf(MODULES),
      clock.now(),
    );
    expect(result.escalated).toBeGreaterThanOrEqual(1);

    const j = new Journey(await env.context.newPage(), env.stack.base, `ladder-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('李明华');
    await j.audit('me-compound-head');
    await j.byTestId('entry-ladder').click();
    const row = j.byTestId(`need-row-${id}`);
    await row.waitFor();
    // Still overdue after the climb: escalation does not reset the deadline.
    await row.locator('[data-testid="need-level"]').getByText(/小区/).waitFor();
    await row.locator('[data-testid="need-overdue"]').waitFor();
    await j.audit('ladder-list');
    await j.byTestId('ladder-tab-overdue').click();
    await j.byTestId(`need-row-${id}`).waitFor();
    await j.audit('ladder-overdue');

    await j.byTestId(`need-row-${id}`).locator('[role="link"]').click();
    await j.byTestId('need-detail').waitFor();
    await j.byTestId('action-transfer').waitFor();
    await j.audit('detail-head');
    await j.byTestId('action-transfer').click();
    await j.byTestId('action-form-transfer').waitFor();
    await j.root().locator('[role="radio"]', { hasText: '管网疏通服务队' }).first().click();
    await j.audit('transfer-form');
    await j.byTestId('action-confirm').click();
    // The form closes on success; the timeline records the 转单 and the handler is the pipe team.
    await j
      .byTestId('action-form-transfer')
      .waitFor({ state: 'detached' })
      .catch(async (err) => {
        throw new Error(
          `transfer did not go through: ${await j
            .byTestId('action-error')
            .textContent()
            .catch(() => '(no error shown)')} ${err}`,
        );
      });
    await j.byTestId('need-timeline').getByText('转单').waitFor();
    await j.byTestId('need-handler').getByText('管网疏通服务队').first().waitFor();
    // Pressed from above, the button says 督办 (the resident's own is 催办).
    await j.byTestId('action-urge').getByText('督办').waitFor();
    await j.byTestId('action-urge').click();
    await j.byTestId('need-timeline').getByText('督办').first().waitFor();
    await j.audit('detail-transferred');

    // The pipe team takes it from here.
    await j.loginAs('何勇');
    await j.open(detailRoute(id));
    await j.byTestId('need-detail').waitFor();
    await j.byTestId('action-accept').click();
    await j.byTestId('need-status').getByText('已接单').waitFor();
    await j.byTestId('action-start').click();
    await j.byTestId('need-status').getByText('处理中').waitFor();
    await j.byTestId('action-resolve').click();
    await j.byTestId('action-form-resolve').waitFor();
    await j.root().locator('textarea[aria-label="办结说明"]').fill('东门路灯线路已修复，晚上已亮灯。');
    const [chooser] = await Promise.all([j.page.waitForEvent('filechooser'), j.byTestId('resolve-photos-add').click()]);
    await chooser.setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: TINY_JPEG });
    await j.root().locator('img[alt="照片1"]').waitFor();
    await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('已办结').waitFor();
    await j.audit('receiver-resolved');

    // The compound head sees it through, in large-text mode.
    await j.loginAs('李明华');
    await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
    await j.page.locator('.page--large:visible').first().waitFor();
    await j.audit('me-large');
    await j.byTestId('entry-ladder').click();
    // Resolved: off the open work list.
    await j.root().getByText('暂无升级到您这一级的需求').waitFor();
    await expect(j.byTestId(`need-row-${id}`).count()).resolves.toBe(0);
    await j.audit('ladder-large');
    await j.open(detailRoute(id));
    await j.byTestId('need-status').getByText('已办结').waitFor();
    await j.byTestId('need-resolution').getByText('东门路灯线路已修复，晚上已亮灯。').waitFor();
    await j.audit('detail-resolved-large');

    const events = await env.stack.db.ds.query("SELECT action AS type FROM subject_events WHERE subject_kind = 'need' AND subject_id = ? ORDER BY id", [id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'dispatched',
      'escalated',
      'transferred',
      'supervised',
      'accepted',
      'started',
      'resolved',
    ]);
    expect(j.failures()).toEqual([]);
  });
});

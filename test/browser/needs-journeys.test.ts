import type { EntityManager } from 'typeorm';
import { clock } from '../../cloud/src/core/clock';
import { runJobs } from '../../cloud/src/modules/timers/actions/run-tick';
import { timersOf } from '../../cloud/src/core/module';
import { MODULES } from '../../cloud/src/app';
import { PAGES } from '@hg/types/links';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { DIALECTS } from '../db';
import { useJourneyStack } from './harness';
import { Journey, TINY_JPEG } from './journey';

/**
 * The four orders in a real browser (BRIEF §3.1): a resident files a need with a photo, community
 * staff dispatch it to the property firm, property staff reply and resolve it with a photo, the
 * resident rates it; a party member claims and resolves one; an overdue need climbs a level.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect, { uploads: 'journey', afterAll: () => clock.reset() });

  async function pickPhoto(j: Journey, testId: string) {
    const [chooser] = await Promise.all([j.page.waitForEvent('filechooser'), j.byTestId(testId).click()]);
    await chooser.setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: TINY_JPEG });
    await j.root().locator('img[alt="照片1"]').waitFor();
  }

  /** As a resident: 需求 tab → 我要点单 → category → description (+photo) → submit; returns the need id. */
  async function fileNeed(j: Journey, category: string, description: string, withPhoto: boolean): Promise<number> {
    await j.tapTab('需求');
    await j.byTestId('need-create-entry').click();
    await j.root().locator('[role="radio"]', { hasText: category }).first().click();
    await j.root().locator('textarea[aria-label="需求描述"]').fill(description);
    if (withPhoto) await pickPhoto(j, 'need-photos-add');
    await j.audit('create-filled');
    await j.byTestId('need-submit').click();
    await j.byTestId('need-detail').waitFor();
    const id = Number(/[?&]id=(\d+)/.exec(j.page.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    return id;
  }

  async function openNeed(j: Journey, id: number) {
    await j.open(`/packages/needs/pages/detail/index?id=${id}`);
    await j.byTestId('need-detail').waitFor();
  }

  async function act(j: Journey, action: string) {
    await j.byTestId(`action-${action}`).click();
    await j.byTestId(`action-form-${action}`).waitFor();
  }

  it('resident files → staff dispatch to the property firm → property staff reply and resolve with a photo → resident rates', async () => {
    const j = new Journey(await env.context.newPage(), env.stack.base, `needs-four-orders-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('王秀兰');
    const id = await fileNeed(j, '安全隐患', '2栋楼道堆放纸箱杂物，存在消防隐患', true);
    await j.byTestId('need-status').getByText('已点单').waitFor();
    await j.audit('detail-submitted');

    await j.loginAs('杨晓燕');
    await j.tapTab('需求');
    await j.byTestId('entry-console').click();
    await j.byTestId(`need-row-${id}`).waitFor();
    await j.audit('console');
    await openNeed(j, id);
    await act(j, 'dispatch');
    await j.root().locator('[role="radio"]', { hasText: '阆苑物业服务有限公司' }).first().click();
    await j.audit('dispatch-form');
    await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('已派单').waitFor();

    await j.loginAs('孙磊');
    await j.tapTab('需求');
    await j.byTestId('entry-inbox').click();
    await j.byTestId(`need-row-${id}`).waitFor();
    await j.audit('inbox');
    await openNeed(j, id);
    // The assigned receiver sees the resident's phone while the need is open.
    await j.byTestId('need-reporter').getByText('10000000001').waitFor();
    await act(j, 'accept').catch(() => undefined);
    if (await j.byTestId('action-confirm').isVisible()) await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('已接单').waitFor();
    await j.root().locator('textarea[aria-label="回复"]').fill('您好，物业今天下午清理楼道。');
    await j.byTestId('comment-send').click();
    await j.byTestId('need-thread').getByText('您好，物业今天下午清理楼道。').waitFor();
    await j.byTestId('action-start').click();
    if (await j.byTestId('action-confirm').isVisible()) await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('处理中').waitFor();
    await act(j, 'resolve');
    await j.root().locator('textarea[aria-label="办结说明"]').fill('杂物已清理，已提醒住户不在楼道堆放。');
    await pickPhoto(j, 'resolve-photos-add');
    await j.audit('resolve-form');
    await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('已办结').waitFor();
    await j.byTestId('need-resolution').waitFor();

    await j.loginAs('王秀兰');
    await openNeed(j, id);
    await j.byTestId('need-thread').getByText('您好，物业今天下午清理楼道。').waitFor();
    await act(j, 'rate');
    await j.root().locator('[role="radio"][aria-label="5星"]').click();
    await j.root().locator('textarea[aria-label="评价内容（选填）"]').fill('处理很及时，谢谢物业');
    await j.audit('rate-form');
    await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('已评单').waitFor();
    await j.audit('closed');

    const [row] = await env.stack.db.ds.query('SELECT status, rating, receiverOrgId FROM needs WHERE id = ?', [id]);
    expect(row).toMatchObject({ status: 'closed', rating: 5 });
    const events = await env.stack.db.ds.query("SELECT action AS type FROM subject_events WHERE subject_kind = 'need' AND subject_id = ? ORDER BY id", [id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['created', 'dispatched', 'accepted', 'started', 'resolved', 'rated']);
    expect(j.failures()).toEqual([]);
  });

  it('a party member claims a need from the list and resolves it', async () => {
    const j = new Journey(await env.context.newPage(), env.stack.base, `needs-claim-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('王秀兰');
    const id = await fileNeed(j, '助老帮扶', '楼上独居的李奶奶需要有人陪同去医院复查', false);
    await j.byTestId('need-status').getByText('待认领').waitFor();

    await j.loginAs('周卫东');
    await j.tapTab('需求');
    await j.byTestId('entry-claim').click();
    await j.byTestId(`claim-${id}`).waitFor();
    await j.audit('claim-list');
    await j.byTestId(`claim-${id}`).click();
    await j.page.waitForFunction(() => /detail/.test(window.location.hash) || true);
    await openNeed(j, id);
    await j.byTestId('need-status').getByText('已接单').waitFor();
    await j.byTestId('action-start').click();
    if (await j.byTestId('action-confirm').isVisible()) await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('处理中').waitFor();
    await act(j, 'resolve');
    await j.root().locator('textarea[aria-label="办结说明"]').fill('已陪同李奶奶完成复查并送回家。');
    await pickPhoto(j, 'resolve-photos-add');
    await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('已办结').waitFor();
    await j.audit('claimed-resolved');

    const [row] = await env.stack.db.ds.query('SELECT n.status, u.name FROM needs n JOIN users u ON u.id = n.receiverUserId WHERE n.id = ?', [id]);
    expect(row).toMatchObject({ status: 'resolved', name: '周卫东' });
    expect(j.failures()).toEqual([]);
  });

  it('an overdue need climbs a level and every view shows it', async () => {
    const j = new Journey(await env.context.newPage(), env.stack.base, `needs-escalation-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('王秀兰');
    const id = await fileNeed(j, '意见建议', '小区东门晚上路灯不亮，老人出行不便', false);
    await j.byTestId('need-level').getByText(/楼栋/).waitFor();

    // 25 hours pass without anyone taking it (意见建议: accept within 24 h); the timer runs.
    clock.advance(25 * 3600 * 1000);
    const result = await runJobs(
      { ds: env.stack.db.ds, tx: <T>(w: (em: EntityManager) => Promise<T>) => runInTransaction(env.stack.db.ds, w), platform: localPlatform(env.stack.base) },
      timersOf(MODULES),
      clock.now(),
    );
    expect(result.escalated).toBeGreaterThanOrEqual(1);

    await j.page.reload();
    await j.byTestId('need-level').getByText(/小区/).waitFor();
    await j.byTestId('need-timeline').getByText('升级至小区').waitFor();
    await j.audit('escalated-resident');

    await j.loginAs('李明华'); // the compound head, the next rung, was told
    await j.tapTab('我的');
    await j.byTestId('entry-messages').click();
    // 消息中心 belongs to 我的: its own subpackage, at the path the server's links use.
    await j.page.waitForFunction((r) => window.location.hash.startsWith(`#${r}`), PAGES.messages);
    await j.root().getByText('需求升级至小区').first().waitFor();
    await j.audit('messages-compound-head');
    await openNeed(j, id);
    await j.byTestId('need-level').getByText(/小区/).waitFor();
    expect(j.failures()).toEqual([]);
  });
});

import { clock } from '../../cloud/src/core/clock';
import { Need } from '../../cloud/src/modules/needs/need.entity';
import { as, call, categoryId, homeOf, ok, orgId, residentOf } from '../factories';
import { DIALECTS } from '../db';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * Issue #9 item 7, lists for work, at the size a real community has: 南街社区 with ~200 open
 * needs. 杨晓燕 opens 派单台 on 待处理 with a count on every tab and the overdue need first
 * (已超时 2小时), finds a report by its number, and merges it into the duplicate the merge form
 * offers; 孙磊 opens his 接单箱 on 待办. Axe on every page, in normal and large-text mode.
 */
jest.setTimeout(300_000);

const HOUR = 3600_000;

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect, { uploads: 'worklists' });

  /** ~200 open 公共维修 needs across 南街社区's first compound, most on time, some overdue, some with the firm. */
  async function seedBusyCommunity(template: Need): Promise<void> {
    const repair = await categoryId(env.stack.db.ds, 'repair');
    const firm = await orgId(env.stack.db.ds, '阆苑物业服务有限公司');
    const places = ['单元门禁', '楼道灯', '电梯按钮', '消防栓箱门', '雨棚', '楼梯扶手', '信报箱', '地下车库灯'];
    const now = clock.now().getTime();
    const { id: _id, ...fields } = template;
    const rows = Array.from({ length: 200 }, (_, i) => {
      const createdAt = new Date(now - (200 - i) * 3 * HOUR);
      const status = i % 4 === 0 ? 'dispatched' : i % 7 === 0 ? 'in_progress' : 'submitted';
      const late = i % 25 === 0;
      const due = new Date(now + (late ? -5 * HOUR : (6 + (i % 40)) * HOUR));
      return {
        ...fields,
        categoryId: repair,
        list: 'need' as const,
        description: `${places[i % places.length]}损坏，请尽快维修（第${i + 1}处）`,
        status: status as Need['status'],
        receiverOrgId: status === 'submitted' ? null : firm,
        acceptDueAt: status === 'in_progress' ? null : due,
        resolveDueAt: status === 'in_progress' ? due : null,
        createdAt,
        updatedAt: createdAt,
      };
    });
    for (let i = 0; i < rows.length; i += 50) await env.stack.db.ds.manager.insert(Need, rows.slice(i, i + 50));
  }

  it('杨晓燕 works 派单台 with 200 open needs: counts, the overdue mark, search by number, merge a picked duplicate', async () => {
    const suggestion = await categoryId(env.stack.db.ds, 'suggestion');
    const home = await homeOf(env.stack.db.ds, 'resident');
    // A neighbour in 王秀兰's building reports the same broken light.
    const [{ buildingId, code }] = await env.stack.db.ds.query(
      'SELECT h.buildingId AS buildingId, c.code AS code FROM households h JOIN compounds c ON c.id = h.compoundId WHERE h.id = ?',
      [home],
    );
    const households: { id: number | string; buildingId: number | string }[] = await env.stack.db.ds.query(
      'SELECT h.id, h.buildingId FROM households h JOIN compounds c ON c.id = h.compoundId WHERE c.code = ? ORDER BY h.id',
      [code],
    );
    const nth = households.findIndex((h) => Number(h.buildingId) === Number(buildingId) && Number(h.id) !== home);
    const neighbour = await residentOf(env.stack.db.ds, code, nth, '周阿姨', '10000009990');

    const original = ok(
      await call('needs', 'create', { categoryId: suggestion, householdId: home, description: '3单元楼道灯不亮，晚上上下楼看不见' }, as('resident')),
    );
    await seedBusyCommunity(await env.stack.db.ds.manager.findOneByOrFail(Need, { id: original.id }));
    const late = ok(
      await call(
        'needs',
        'create',
        { categoryId: await categoryId(env.stack.db.ds, 'safety'), householdId: home, description: '小区东门路面塌陷，有积水' },
        as('resident'),
      ),
    );
    await env.stack.db.ds.manager.update(Need, { id: late.id }, { acceptDueAt: new Date(Date.now() - 2 * HOUR - 10 * 60_000) });
    const duplicate = ok(
      await call('needs', 'create', { categoryId: suggestion, householdId: neighbour.householdId, description: '楼道的灯坏了好几天了' }, neighbour.openid),
    );
    const counts = ok(await call('needs', 'queueCounts', {}, as('community_staff')));
    expect(counts.all).toBeGreaterThanOrEqual(200);

    const j = new Journey(await env.context.newPage(), env.stack.base, `worklists-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('杨晓燕');
    await j.tapTab('需求');
    await j.byTestId('entry-console').click();

    // 待处理 is open, every tab has its count, the overdue need comes first with how late it is.
    await j.byTestId('queue-tab-action-count').getByText(String(counts.action)).waitFor();
    await expect(j.byTestId('queue-tab-action').getAttribute('aria-selected')).resolves.toBe('true');
    for (const tab of ['submitted', 'assigned', 'working', 'resolved', 'all'] as const)
      await expect(j.byTestId(`queue-tab-${tab}-count`).textContent()).resolves.toBe(String(counts[tab]));
    const rows = j.root().locator('[data-testid^="need-row-"]');
    await expect(rows.first().getAttribute('data-testid')).resolves.toBe(`need-row-${late.id}`);
    await expect(j.byTestId(`need-row-${late.id}`).locator('[data-testid="need-overdue"]').textContent()).resolves.toBe('已超时 2小时');
    await expect(rows.count()).resolves.toBe(20);
    await j.audit('console-200');

    // The duplicate by its number.
    await j.root().locator('input[aria-label="搜索编号或内容"]').fill(`#${duplicate.id}`);
    await j.byTestId('queue-search-go').click();
    await j.byTestId('queue-tab-all-count').getByText('1').waitFor();
    await j.byTestId(`need-row-${duplicate.id}`).waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(j.byTestId(`need-row-${duplicate.id}`).locator('[data-testid="need-due"]').textContent()).resolves.toMatch(/^剩余 \d+小时$/);
    await j.audit('console-search');

    // 合并 offers the neighbour's earlier report: pick it, no number to type.
    await j.byTestId(`need-row-${duplicate.id}`).locator('[role="link"]').click();
    await j.byTestId('need-detail').waitFor();
    await j.byTestId('action-merge').click();
    await j.byTestId('action-form-merge').waitFor();
    await expect(j.byTestId('action-form-merge').locator('input').count()).resolves.toBe(0);
    const candidate = j.byTestId('action-form-merge').locator('[role="radio"]', { hasText: `#${original.id}` });
    await candidate.waitFor();
    await expect(j.byTestId('action-form-merge').locator('[role="radio"]').count()).resolves.toBe(1);
    await candidate.click();
    await j.audit('merge-candidates');
    await j.byTestId('action-confirm').click();
    await j.byTestId('need-status').getByText('已合并').waitFor();
    const [{ mergedIntoId }] = await env.stack.db.ds.query('SELECT mergedIntoId FROM needs WHERE id = ?', [duplicate.id]);
    expect(Number(mergedIntoId)).toBe(original.id);

    // Large-text mode: the console and 孙磊's 接单箱 (待办, overdue first) still hold.
    await j.tapTab('我的');
    await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
    await j.page.locator('.page--large:visible').first().waitFor();
    await j.tapTab('需求');
    await j.byTestId('entry-console').click();
    await j.byTestId(`need-row-${late.id}`).waitFor();
    await j.audit('console-large');

    await j.loginAs('孙磊');
    await j.tapTab('需求');
    await j.byTestId('entry-inbox').click();
    const inbox = ok(await call('needs', 'inboxCounts', {}, as('property_staff')));
    await j.byTestId('inbox-tab-action-count').getByText(String(inbox.action)).waitFor();
    await j.root().locator('[data-testid^="need-row-"]').first().locator('[data-testid="need-overdue"]').waitFor();
    await j.audit('inbox-large');

    expect(j.failures()).toEqual([]);
  });
});

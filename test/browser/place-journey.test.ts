import { as, call, ok } from '../factories';
import { DIALECTS } from '../db';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * Issue #9 item 3 in a phone-sized browser: the building head 陈志强 files for an elderly resident
 * from 代办点单 (the need carries that household and 楼栋长代报, not his own home); 王秀兰 of 1栋
 * reports a dark corridor in 3栋 and the property firm's 孙磊 sees 3栋 on his inbox and the detail.
 * Axe on every page, in normal and large-text mode.
 */
jest.setTimeout(300_000);

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect);

  const radio = (j: Journey, name: string) => j.root().locator('[role="radio"]', { hasText: name }).filter({ visible: true }).first();
  const needIdOf = (j: Journey) => Number(/[?&]id=(\d+)/.exec(j.page.url())?.[1]);

  it('a building head files for an elderly resident from 代办点单: that household, 楼栋长代报', async () => {
    const j = new Journey(await env.context.newPage(), env.stack.base, `place-proxy-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('陈志强');
    await j.tapTab('需求');
    await j.byTestId('entry-proxy').click();
    // His scope is 锦屏花园 1栋: the only compound (chosen for him) and the only building offered.
    await radio(j, '1栋').waitFor();
    expect(await j.root().locator('[role="radio"]', { hasText: '3栋' }).count()).toBe(0);
    await j.audit('proxy-scoped');
    await radio(j, '1栋').click();
    await radio(j, '2单元').click();
    await j.root().locator('input[aria-label="房号"]').fill('1202');
    await j.byTestId('proxy-next').click();
    await j.byTestId('proxy-address').getByText('锦屏花园1栋2单元1202').waitFor();
    await j.audit('proxy-found');
    await j.byTestId('proxy-file').click();

    // 我要点单 stays on that household: no switch back to his own home (1栋2单元201).
    await j.byTestId('need-proxy-address').getByText('锦屏花园1栋2单元1202').waitFor();
    expect(await j.byTestId('need-household').count()).toBe(0);
    expect(await j.root().locator('[role="switch"]', { hasText: '为居民代办' }).count()).toBe(0);
    await expect(j.root().locator('input[aria-label="详细位置（选填）"]').inputValue()).resolves.toBe('锦屏花园1栋2单元1202');
    await radio(j, '助老帮扶').click();
    await j.root().locator('textarea[aria-label="需求描述"]').fill('独居老人腿脚不便，需要陪同去医院复查');
    await j.root().locator('input[aria-label="居民姓名"]').fill('李大爷');
    await j.root().locator('input[aria-label="联系电话"]').fill('10000000099');
    await j.audit('create-proxy');
    await j.byTestId('need-submit').click();
    await j.byTestId('need-detail').waitFor();
    await j.byTestId('need-reporter').getByText('楼栋长代报').waitFor();
    await j.byTestId('need-place').getByText('锦屏花园 1栋').waitFor();
    await j.audit('detail-proxy');

    const id = needIdOf(j);
    const [row] = await env.stack.db.ds.query('SELECT n.channel, h.room, n.contactName FROM needs n JOIN households h ON h.id = n.householdId WHERE n.id = ?', [
      id,
    ]);
    expect(row).toMatchObject({ channel: 'bldg_head', room: '1202', contactName: '李大爷' });

    // Large-text mode: the same pages hold.
    await j.tapTab('我的');
    await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
    await j.page.locator('.page--large:visible').first().waitFor();
    await j.open('/packages/needs/pages/proxy/index');
    await radio(j, '1栋').waitFor();
    await j.audit('proxy-large');
    const found = ok(await call('households', 'lookup', { unitId: await unitId('1栋', '2单元'), room: '1202' }, as('building_head')));
    await j.open(
      `/packages/needs/pages/create/index?householdId=${found.householdId}&address=${encodeURIComponent(found.address)}&compoundId=${await compoundId()}`,
    );
    await j.byTestId('need-proxy-address').waitFor();
    await j.audit('create-proxy-large');
    expect(j.failures()).toEqual([]);
  });

  it('a resident reports a corridor problem in another building, and the property firm sees that building', async () => {
    const j = new Journey(await env.context.newPage(), env.stack.base, `place-corridor-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/needs/index`);
    await j.loginAs('王秀兰');
    await j.open('/packages/needs/pages/create/index');
    await radio(j, '公共维修').click();
    await radio(j, '公共区域').click();
    await radio(j, '3栋').waitFor();
    await expect(j.root().locator('input[aria-label="详细位置（选填）"]').inputValue()).resolves.toBe('');
    await radio(j, '3栋').click();
    await j.root().locator('input[aria-label="详细位置（选填）"]').fill('2单元3楼楼道');
    await j.root().locator('textarea[aria-label="需求描述"]').fill('3栋2单元3楼楼道灯不亮，晚上看不见台阶');
    await j.audit('create-corridor');
    await j.byTestId('need-submit').click();
    await j.byTestId('need-detail').waitFor();
    await j.byTestId('need-place').getByText('锦屏花园 3栋 公共区域').waitFor();
    await j.audit('detail-resident');
    const id = needIdOf(j);

    // 公共维修 goes straight to 阆苑物业: 孙磊 sees the building the problem is in.
    await j.loginAs('孙磊');
    await j.open('/packages/needs/pages/inbox/index');
    const row = j.byTestId(`need-row-${id}`);
    await row.waitFor();
    await row.getByText('3栋 公共区域').waitFor();
    await j.audit('inbox-firm');
    await row.locator('[role="link"]').click();
    await j.byTestId('need-detail').waitFor();
    await j.byTestId('need-place').getByText('锦屏花园 3栋 公共区域').waitFor();
    await j.root().getByText('2单元3楼楼道').first().waitFor();
    await j.audit('detail-firm');

    // Large-text mode: the place picker and the detail.
    await j.tapTab('我的');
    await j.root().locator('[role="switch"][aria-label="大字模式"]').click();
    await j.page.locator('.page--large:visible').first().waitFor();
    await j.open(`/packages/needs/pages/detail/index?id=${id}`);
    await j.byTestId('need-place').waitFor();
    await j.audit('detail-firm-large');
    await j.loginAs('王秀兰');
    await j.open('/packages/needs/pages/create/index?categoryId=1');
    await radio(j, '公共区域').click();
    await radio(j, '小区公共区域').waitFor();
    await j.audit('create-corridor-large');
    expect(j.failures()).toEqual([]);
  });

  async function compoundId(): Promise<number> {
    const [r] = await env.stack.db.ds.query("SELECT id FROM compounds WHERE code = 'NJJP01'");
    return Number(r.id);
  }
  async function unitId(building: string, unit: string): Promise<number> {
    const [r] = await env.stack.db.ds.query(
      "SELECT u.id FROM units u JOIN buildings b ON b.id = u.buildingId JOIN compounds c ON c.id = b.compoundId WHERE c.code = 'NJJP01' AND b.name = ? AND u.name = ?",
      [building, unit],
    );
    return Number(r.id);
  }
});

import type { AgreementDTO } from '@hg/types/cobuilding';
import { localDay } from '@hg/types/local-time';
import { clock } from '../../cloud/src/core/clock';
import { DIALECTS } from '../db';
import { as, call, communityIdOf, ok, orgId } from '../factories';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

jest.setTimeout(300_000);

const DAY = 24 * 3600_000;
const day = (offset: number) => localDay(new Date(clock.now().getTime() + offset * DAY));

/**
 * 契约化共建 in a real browser, on a phone (390×844, touch), axe on every view: 郑文斌 of 市住建局
 * opens 我的 → 共建协议, sees the department's delivery and the signed agreement with 南街社区, opens
 * it and records 20000元 against the money item; it shows as waiting, not counted. 杨晓燕 of 南街社区
 * opens 待确认交付, confirms it, and the agreement now shows 已确认20000元 / 承诺50000元 (40%).
 */
describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect);
  let agreement: AgreementDTO;
  const staff = 'demo:department_staff';

  beforeAll(async () => {
    const ds = env.stack.db.ds;
    const housing = await orgId(ds, '阆中市住房和城乡建设局');
    // The base city has no department staff: one demo person of 市住建局 (invented), as the module's demo seeder makes.
    await ds.query("INSERT INTO users (openid, name, phone, createdAt) VALUES (?, '郑文斌', '10000000051', '2026-01-01 00:00:00.000')", [staff]);
    const [{ id }] = await ds.query('SELECT id FROM users WHERE openid = ?', [staff]);
    await ds.query("INSERT INTO role_assignments (userId, role, scopeLevel, scopeId, organisationId) VALUES (?, 'org_staff', 'city', 0, ?)", [id, housing]);
    const draft = ok(
      await call(
        'cobuilding',
        'create',
        {
          departmentId: housing,
          party: 'community',
          partyId: await communityIdOf(ds, '南街社区'),
          title: '市住建局与南街社区共建协议',
          startsOn: day(-100),
          endsOn: day(200),
          items: [
            { kind: 'people', promised: 12, dueOn: day(-10), description: '政策宣讲' },
            { kind: 'money', promised: 5_000_000, dueOn: day(60), description: '楼道照明改造补助资金' },
          ],
        },
        staff,
      ),
    );
    ok(await call('cobuilding', 'sign', { agreementId: draft.id, version: 1 }, staff));
    agreement = ok(await call('cobuilding', 'sign', { agreementId: draft.id, version: 1 }, as('community_staff')));
  });

  async function signedIn(name: string, file: string): Promise<Journey> {
    const j = new Journey(await env.context.newPage(), env.stack.base, `cobuilding-${file}-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/me/index`);
    await j.loginAs(name);
    return j;
  }

  it('the department records a delivery, the community confirms it, and only then it counts', async () => {
    const dept = await signedIn('郑文斌', 'department');
    await dept.byTestId('entry-cobuilding').filter({ visible: true }).first().click();
    await dept.waitForShown('/packages/cobuilding/pages/list/index');
    await dept.byTestId(`agreement-${agreement.id}`).waitFor();
    await dept.audit('list');
    await dept.byTestId(`agreement-${agreement.id}`).click();
    await dept.waitForShown('/packages/cobuilding/pages/agreement/index');
    await dept.byTestId('item-1-overdue').waitFor();
    await dept.audit('agreement');
    await dept.byTestId('item-2-deliver').click();
    await dept.waitForShown('/packages/cobuilding/pages/deliver/index');
    await dept.root().locator('input[aria-label="交付金额（元）"]').fill('20000');
    await dept.root().locator('textarea[aria-label="交付说明"]').fill('第一笔补助资金已拨付至社区账户');
    await dept.byTestId('deliver-submit').click();
    await dept.byTestId('deliver-done').getByText('已登记20000元，等待南街社区确认').waitFor();
    await dept.audit('delivered');
    let seen = ok(await call('cobuilding', 'get', { agreementId: agreement.id }, staff));
    expect(seen.items[1]).toMatchObject({ delivered: 0, pending: 2_000_000 });
    expect(dept.failures()).toEqual([]);

    const clerk = await signedIn('杨晓燕', 'community');
    await clerk.byTestId('entry-cobuilding-confirm').filter({ visible: true }).first().click();
    await clerk.waitForShown('/packages/cobuilding/pages/confirm/index');
    const [pending] = ok(await call('cobuilding', 'deliveries', { status: 'pending' }, as('community_staff'))).items;
    await clerk.byTestId(`pending-${pending.id}`).getByText('20000元').waitFor();
    await clerk.audit('pending');
    await clerk.byTestId(`pending-${pending.id}-confirm`).click();
    await clerk.byTestId('decided').getByText('已确认：资金：楼道照明改造补助资金 20000元').waitFor();
    await clerk.audit('confirmed');
    await clerk.open(`/packages/cobuilding/pages/agreement/index?id=${agreement.id}`);
    await clerk.waitForShown('/packages/cobuilding/pages/agreement/index');
    await clerk.byTestId('item-2-numbers').filter({ visible: true }).getByText('已确认20000元 / 承诺50000元（40%）').waitFor();
    await clerk.audit('agreement-after');
    seen = ok(await call('cobuilding', 'get', { agreementId: agreement.id }, as('community_staff')));
    expect(seen.items[1]).toMatchObject({ delivered: 2_000_000, pending: 0, percent: 40 });
    expect(clerk.failures()).toEqual([]);
  });
});

import { DIALECTS } from '../db';
import { useJourneyStack } from './harness';
import { Journey } from './journey';

/**
 * 首页 and 我的 by role, in a real browser on a phone (390×844, touch), axe and a screenshot on every
 * view, in normal and large-text mode: each person sees what the manifests give their `can` and
 * their situation. The resident's 首页 has no work panel and her 我的 has 居民服务; staff who live
 * elsewhere see their work on top of 首页 (with counts where the lists are counted) and under
 * 我的工作 in 我的, and no 订餐 or 绑定房屋; the compound picker stays reachable below the work.
 */
jest.setTimeout(300_000);

interface Walk {
  name: string;
  file: string;
  /** Work tiles on 首页 that must be there (by entry testId), and the ones that carry a count. */
  work: string[];
  counted: string[];
  /** Headings under 我的工作 that must be there. */
  groups: string[];
}

const WALKS: Walk[] = [
  {
    name: '杨晓燕',
    file: 'clerk',
    work: ['entry-verify', 'entry-console', 'entry-ladder', 'entry-proxy', 'entry-moderation'],
    counted: ['entry-verify', 'entry-console', 'entry-ladder'],
    groups: ['居民认证', '需求办理', '物业评星'],
  },
  { name: '孙磊', file: 'property', work: ['entry-inbox', 'entry-firm-reply'], counted: ['entry-inbox'], groups: ['需求办理', '物业评星'] },
  { name: '郑红梅', file: 'care', work: ['entry-meal-counter', 'entry-meal-console'], counted: [], groups: ['助餐服务'] },
  { name: '张丽', file: 'grid', work: ['entry-ladder', 'entry-proxy'], counted: ['entry-ladder'], groups: ['需求办理'] },
  {
    name: '林峰',
    file: 'admin',
    work: ['entry-console', 'entry-rating-manage', 'entry-timers'],
    counted: ['entry-console'],
    groups: ['需求办理', '物业评星', '系统管理'],
  },
];

const RESIDENT_ENTRIES = ['entry-bind', 'entry-my-meals', 'entry-family'];

describe.each(DIALECTS)('on %s', (dialect) => {
  const env = useJourneyStack(dialect);

  async function signedIn(name: string, file: string): Promise<Journey> {
    const j = new Journey(await env.context.newPage(), env.stack.base, `work-home-${file}-${dialect}`);
    await j.page.goto(`${env.stack.base}/#/pages/me/index`);
    await j.loginAs(name);
    return j;
  }

  it('王秀兰 (resident, 75): 首页 is her compound with no work panel; 我的 offers 居民服务; both in large text', async () => {
    const j = await signedIn('王秀兰', 'resident');
    for (const large of [false, true]) {
      if (large) await j.setLargeText(true);
      const mode = large ? '-large' : '';
      await j.tapTab('首页');
      await j.byTestId('resident-actions-verified').waitFor();
      await expect(j.byTestId('home-work').count()).resolves.toBe(0);
      await j.audit(`home${mode}`);
      await j.tapTab('我的');
      const resident = j.byTestId('me-resident');
      await resident.waitFor();
      for (const id of [...RESIDENT_ENTRIES, 'entry-rate-firm']) await expect(resident.locator(`[data-testid="${id}"]`).count()).resolves.toBe(1);
      await expect(j.byTestId('me-work').count()).resolves.toBe(0);
      await j.audit(`me${mode}`);
    }
    expect(j.failures()).toEqual([]);
  });

  it.each(WALKS)('$name sees her or his work on top of 首页 and under 我的工作, no resident entries, in normal and large text', async (walk) => {
    const j = await signedIn(walk.name, walk.file);
    for (const large of [false, true]) {
      if (large) await j.setLargeText(true);
      const mode = large ? '-large' : '';
      await j.tapTab('首页');
      const panel = j.byTestId('home-work');
      await panel.waitFor();
      for (const id of walk.work) await panel.locator(`[data-testid="home-${id}"]`).waitFor();
      for (const id of walk.counted) await expect(j.byTestId(`home-${id}-count`).textContent()).resolves.toMatch(/^\S+ \d+\+?$/);
      // The compound stays reachable below the work (staff without a home pick one from the list).
      await j
        .root()
        .getByText(/选择小区|更换小区/)
        .first()
        .waitFor();
      await j.audit(`home${mode}`);

      await j.tapTab('我的');
      await j.byTestId('me-work').waitFor();
      for (const title of walk.groups) await j.byTestId('me-work').getByRole('heading', { name: title, exact: true }).waitFor();
      for (const id of walk.work) await expect(j.byTestId('me-work').locator(`[data-testid="${id}"]`).count()).resolves.toBe(1);
      for (const id of RESIDENT_ENTRIES) await expect(j.byTestId(id).count()).resolves.toBe(0);
      await expect(j.byTestId('entry-messages').count()).resolves.toBe(1);
      await j.audit(`me${mode}`);
    }

    // A work tile opens its list.
    await j.setLargeText(false);
    await j.tapTab('首页');
    await j.byTestId(`home-${walk.work[0]}`).click();
    await j.page.waitForFunction(() => window.location.hash.startsWith('#/packages/'));
    await j.audit('work-opened');
    expect(j.failures()).toEqual([]);
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { NeedDetailDTO } from '@hg/types';
import { clock } from '../../core/clock';
import type { DemoSeeder, SeedContext } from '../../core/module';
import { uploadDir } from '../../core/platform';

/**
 * A few weeks of needs in 锦屏花园, filed and worked through the real actions (so every event,
 * deadline and notification is what the product itself would have written), for the console,
 * the board and the dashboard to show something on a first start. Local demo only: tests and
 * production never call this.
 */
const STORIES: { who: string; category: string; text: string; daysAgo: number; path: Step[] }[] = [
  {
    who: 'resident',
    category: 'pipe',
    text: '厨房下水道堵塞，水排不下去',
    daysAgo: 26,
    path: ['dispatch:管网疏通服务队', 'accept:team_staff', 'start:team_staff', 'resolve:team_staff', 'rate:5'],
  },
  {
    who: 'resident2',
    category: 'repair',
    text: '3栋单元门门禁坏了，刷卡没反应',
    daysAgo: 24,
    path: ['accept:property_staff', 'start:property_staff', 'resolve:property_staff', 'rate:4'],
  },
  {
    who: 'party_member',
    category: 'environment',
    text: '2栋旁绿化带有建筑垃圾',
    daysAgo: 21,
    path: ['accept:property_staff', 'start:property_staff', 'resolve:property_staff'],
  },
  {
    who: 'resident',
    category: 'elderly',
    text: '独居的李奶奶需要有人帮忙取药',
    daysAgo: 19,
    path: ['claim:party_member', 'start:party_member', 'resolve:party_member', 'rate:5'],
  },
  {
    who: 'compound_head',
    category: 'safety',
    text: '地下车库消防通道被电动车占用',
    daysAgo: 17,
    path: ['dispatch:阆苑物业服务有限公司', 'accept:property_staff', 'start:property_staff', 'resolve:property_staff', 'rate:5'],
  },
  { who: 'resident2', category: 'suggestion', text: '建议在小区东门增加快递柜', daysAgo: 15, path: ['reject:out_of_scope'] },
  { who: 'resident', category: 'appliance', text: '家里热水器不打火', daysAgo: 12, path: ['dispatch:家电维修服务队'] },
  {
    who: 'unit_head',
    category: 'dispute',
    text: '楼上装修噪音影响休息，希望协调施工时间',
    daysAgo: 9,
    path: ['dispatch:阆苑物业服务有限公司', 'accept:property_staff', 'start:property_staff'],
  },
  {
    who: 'building_head',
    category: 'property',
    text: '1栋电梯运行有异响',
    daysAgo: 6,
    path: ['accept:property_staff', 'start:property_staff', 'resolve:property_staff', 'rate:3'],
  },
  { who: 'resident2', category: 'elderly', text: '赵大爷行动不便，需要陪同去社区卫生站', daysAgo: 3, path: [] },
  { who: 'resident', category: 'suggestion', text: '小区东门晚上路灯不亮', daysAgo: 2, path: [] },
  { who: 'party_member', category: 'pipe', text: '2栋化粪池外溢，有异味', daysAgo: 1, path: ['dispatch:管网疏通服务队', 'accept:team_staff'] },
];

type Step = string;
const HOUR = 3600 * 1000;

/** The needs module's part of the demo city (DomainModule.seed): once, when there are no needs yet. */
export const needsDemoSeed: DemoSeeder = {
  async run(ctx) {
    const created = await seedDemoNeeds(ctx);
    return created ? `${created} needs` : null;
  },
};

export async function seedDemoNeeds(ctx: SeedContext): Promise<number> {
  const ds = ctx.ds;
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM needs');
  if (Number(n) > 0) return 0;
  const orgIds = new Map<string, number>(
    (await ds.query('SELECT id, name FROM organisations')).map((o: { id: number; name: string }) => [o.name, Number(o.id)]),
  );
  const categories = new Map<string, number>(
    (await ds.query('SELECT id, code FROM need_categories')).map((c: { id: number; code: string }) => [c.code, Number(c.id)]),
  );
  const call = async (fn: 'needs', action: string, input: Record<string, unknown>, who: string) =>
    (await ctx.call(fn, action, input, who)) as NeedDetailDTO;
  let created = 0;
  try {
    for (const story of STORIES) {
      clock.reset();
      clock.advance(-story.daysAgo * 24 * HOUR);
      const [home] = await ds.query(
        "SELECT m.householdId AS id FROM household_members m JOIN users u ON u.id = m.userId WHERE u.openid = ? AND m.status = 'verified'",
        [ctx.openidOf(story.who)],
      );
      const need = await call(
        'needs',
        'create',
        { categoryId: categories.get(story.category), householdId: Number(home.id), description: story.text },
        story.who,
      );
      created++;
      for (const step of story.path) {
        clock.advance(3 * HOUR);
        const [verb, arg] = step.split(':');
        if (verb === 'dispatch') await call('needs', 'dispatch', { needId: need.id, orgId: orgIds.get(arg) }, 'community_staff');
        else if (verb === 'reject') await call('needs', 'reject', { needId: need.id, reasonCode: arg, note: '请通过物业服务中心另行申请' }, 'community_staff');
        else if (verb === 'rate')
          await call(
            'needs',
            'rate',
            { needId: need.id, stars: Number(arg), comment: Number(arg) >= 4 ? '处理及时，谢谢！' : '解决了，但等得有点久' },
            story.who,
          );
        else if (verb === 'resolve') await call('needs', 'resolve', { needId: need.id, note: '已处理完毕，请居民确认', photoIds: [await demoPhoto()] }, arg);
        else await call('needs', verb, { needId: need.id }, arg);
      }
    }
  } finally {
    clock.reset();
  }
  return created;
}

/** A real (tiny) JPEG in the local store, standing in for the receiver's completion photo. */
async function demoPhoto(): Promise<string> {
  const jpeg = Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
    'base64',
  );
  const name = `${crypto.createHash('sha256').update(jpeg).digest('hex')}.jpg`;
  fs.mkdirSync(uploadDir(), { recursive: true });
  fs.writeFileSync(path.join(uploadDir(), name), jpeg);
  return `local/${name}`;
}

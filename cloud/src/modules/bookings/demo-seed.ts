import type { ActionInput, ActionName, ActionOutput, DietTag, TSaveSlotRequest } from '@hg/types';
import { localDay, localTime, localYear } from '@hg/types';
import { clock } from '../../core/clock';
import type { DemoSeeder, SeedContext } from '../../core/module';

/**
 * A week of meals at 南街社区日间照料中心 — elders registered, menus published, seats booked (and,
 * late enough in the day, redeemed) through the real actions, so the booking pages, the counter
 * and the kitchen report show something on a first start. Local demo only.
 */
const CENTRE = '南街社区日间照料中心';
const DAY_MS = 24 * 3600 * 1000;

type Dish = { name: string; tags: DietTag[]; allergens?: string };

/** Sichuan home cooking, mild and soft for older stomachs; rotated over the week. */
const LUNCHES: Dish[][] = [
  [
    { name: '番茄炒蛋', tags: ['软烂', '清真'], allergens: '鸡蛋' },
    { name: '清蒸鲈鱼', tags: ['低盐', '清真'], allergens: '鱼' },
    { name: '冬瓜排骨汤', tags: ['低盐', '软烂'] },
    { name: '杂粮米饭', tags: ['低糖', '素食', '清真'] },
  ],
  [
    { name: '土豆烧牛肉', tags: ['软烂', '清真'] },
    { name: '蒜蓉西兰花', tags: ['低盐', '低糖', '素食', '清真'] },
    { name: '紫菜蛋花汤', tags: ['低盐', '清真'], allergens: '鸡蛋' },
    { name: '米饭', tags: ['素食', '清真'] },
  ],
  [
    { name: '家常豆腐', tags: ['软烂'], allergens: '大豆' },
    { name: '蒸蛋羹', tags: ['软烂', '低盐', '清真'], allergens: '鸡蛋' },
    { name: '白菜粉丝汤', tags: ['低盐', '素食', '清真'] },
    { name: '米饭', tags: ['素食', '清真'] },
  ],
  [
    { name: '少油回锅肉', tags: [] },
    { name: '清炒莴笋丝', tags: ['低盐', '低糖', '素食', '清真'] },
    { name: '萝卜炖鸡汤', tags: ['低盐', '软烂', '清真'] },
    { name: '米饭', tags: ['素食', '清真'] },
  ],
];
const DINNERS: Dish[][] = [
  [
    { name: '南瓜粥', tags: ['软烂', '素食', '清真'] },
    { name: '肉末茄子', tags: ['软烂'] },
    { name: '凉拌黄瓜', tags: ['低糖', '素食', '清真'] },
    { name: '花卷', tags: ['素食', '清真'], allergens: '小麦' },
  ],
  [
    { name: '小米粥', tags: ['软烂', '低糖', '素食', '清真'] },
    { name: '红烧鸡块', tags: ['清真'] },
    { name: '青椒土豆丝', tags: ['低糖', '素食', '清真'] },
    { name: '馒头', tags: ['素食', '清真'], allergens: '小麦' },
  ],
  [
    { name: '鲫鱼豆腐汤', tags: ['低盐', '软烂', '清真'], allergens: '鱼、大豆' },
    { name: '香菇青菜', tags: ['低盐', '低糖', '素食', '清真'] },
    { name: '红糖发糕', tags: ['软烂', '素食', '清真'], allergens: '小麦' },
  ],
];

/** Elders the centre serves; `self` registers herself (a verified resident of 锦屏花园). */
const ELDERS: {
  key: string;
  self?: string;
  name?: string;
  phone?: string;
  address?: string;
  age: number;
  livesAlone?: boolean;
  dibao?: boolean;
  diets: DietTag[];
  allergies?: string;
}[] = [
  { key: '王秀兰', self: 'resident', age: 78, diets: ['低糖'] },
  { key: '李淑芬', name: '李淑芬', address: '锦屏花园3栋1单元201', age: 86, livesAlone: true, diets: ['软烂', '低盐'] },
  { key: '马德明', name: '马德明', phone: '10000000051', address: '南街老院子2号', age: 72, dibao: true, diets: ['清真'] },
  { key: '陈玉珍', name: '陈玉珍', address: '南街老院子5号', age: 81, livesAlone: true, diets: ['素食'], allergies: '花生' },
];

/** [day offset, sitting, elder, mode, who books] — who: the elder herself, centre staff, or the grid worker on a visit. */
const BOOKINGS: [number, 'lunch' | 'dinner', string, 'dine_in' | 'delivery', string][] = [
  [0, 'lunch', '王秀兰', 'dine_in', 'resident'],
  [0, 'lunch', '李淑芬', 'delivery', 'care_staff'],
  [0, 'lunch', '马德明', 'dine_in', 'care_staff'],
  [0, 'lunch', '陈玉珍', 'delivery', 'grid_worker'],
  [0, 'dinner', '李淑芬', 'delivery', 'care_staff'],
  [0, 'dinner', '王秀兰', 'dine_in', 'resident'],
  [1, 'lunch', '王秀兰', 'dine_in', 'resident'],
  [1, 'lunch', '马德明', 'dine_in', 'care_staff'],
  [1, 'lunch', '陈玉珍', 'delivery', 'care_staff'],
  [1, 'dinner', '李淑芬', 'delivery', 'care_staff'],
  [2, 'lunch', '李淑芬', 'delivery', 'care_staff'],
];

const SITTINGS = {
  lunch: { starts: '11:30', ends: '12:30', cutoff: '10:00', menus: LUNCHES },
  dinner: { starts: '17:30', ends: '18:30', cutoff: '15:00', menus: DINNERS },
} as const;

/** The bookings module's part of the demo city (DomainModule.seed): once, when the centre has no slots or elders. */
export const bookingsDemoSeed: DemoSeeder = {
  async run(ctx) {
    const made = await seedDemoBookings(ctx);
    const venue = await seedDemoVenueSlots(ctx);
    const said = [made ? `${made} bookings` : '', venue ? `${venue} room and activity slots` : ''].filter(Boolean);
    return said.length ? said.join(', ') : null;
  },
};

/** Put the cloud layer's clock (which the actions read) at an instant of the story. */
function setClock(at: Date): void {
  clock.reset();
  clock.advance(at.getTime() - clock.now().getTime());
}

/** Seed once: nothing happens if the centre already has slots or elders. Returns the bookings made. */
export async function seedDemoBookings(ctx: SeedContext): Promise<number> {
  const ds = ctx.ds;
  /** An action through the same wrapper the functions use, as a seeded person. */
  const call = async <A extends ActionName<'bookings'>>(action: A, input: ActionInput<'bookings', A>, who: string) =>
    (await ctx.call('bookings', action, input as Record<string, unknown>, who)) as ActionOutput<'bookings', A>;
  const [{ n }] = await ds.query('SELECT (SELECT COUNT(*) FROM booking_slots) + (SELECT COUNT(*) FROM elders) AS n');
  if (Number(n) > 0) return 0;
  const [centre] = await ds.query('SELECT id FROM organisations WHERE name = ?', [CENTRE]);
  if (!centre) return 0;
  const centreId = Number(centre.id);

  const realNow = new Date();
  const today = localDay(realNow);
  const dayAt = (offset: number) => localDay(new Date(localTime(today, '12:00').getTime() + offset * DAY_MS));
  let made = 0;
  try {
    // Menus are published early in the morning, before today's lunch cut-off.
    setClock(new Date(Math.min(realNow.getTime(), localTime(today, '07:00').getTime())));
    const year = localYear(clock.now());
    const elderIds = new Map<string, number>();
    for (const e of ELDERS) {
      const common = { centreId, birthYear: year - e.age, livesAlone: e.livesAlone ?? false, dibao: e.dibao ?? false, diets: e.diets, allergies: e.allergies };
      const elder = e.self
        ? await call('registerElder', common, e.self)
        : await call('registerElder', { ...common, name: e.name, phone: e.phone, address: e.address }, 'care_staff');
      elderIds.set(e.key, elder.id);
    }

    const slotIds = new Map<string, number>();
    for (let offset = 0; offset < 7; offset++) {
      const day = dayAt(offset);
      for (const sitting of ['lunch', 'dinner'] as const) {
        const s = SITTINGS[sitting];
        const input: TSaveSlotRequest = {
          centreId,
          kind: 'meal',
          day,
          sitting,
          startsAt: localTime(day, s.starts).toISOString(),
          endsAt: localTime(day, s.ends).toISOString(),
          cutoffAt: localTime(day, s.cutoff).toISOString(),
          capacityDineIn: 30,
          capacityDelivery: 20,
          priceFen: 1200,
          dishes: s.menus[offset % s.menus.length].map((d) => ({ name: d.name, tags: d.tags, allergens: d.allergens ?? '' })),
        };
        slotIds.set(`${offset}:${sitting}`, (await call('saveSlot', input, 'care_staff')).id);
      }
    }

    const served: { id: number; code: string; mode: string }[] = [];
    for (const [offset, sitting, elder, mode, who] of BOOKINGS) {
      const slotId = slotIds.get(`${offset}:${sitting}`)!;
      const elderId = elderIds.get(elder)!;
      const booking = await call('book', { slotId, elderId, mode, requestId: `demo-${slotId}-${elderId}` }, who);
      made++;
      if (offset === 0 && sitting === 'lunch') served.push({ id: booking.id, code: booking.code, mode });
    }

    // Late enough in the day, today's lunch was served: the counter redeemed, the round delivered.
    const lunchtime = localTime(today, '11:45');
    if (realNow.getTime() >= lunchtime.getTime()) {
      setClock(lunchtime);
      for (const b of served.slice(0, 2)) {
        if (b.mode === 'delivery') await call('deliver', { bookingId: b.id }, 'care_staff');
        else await call('redeem', { centreId, code: b.code }, 'care_staff');
      }
    }
  } finally {
    clock.reset();
  }
  return made;
}

/** [days from today, kind, title, starts, ends, cut-off, places]: the centre's rooms and activities on the slot engine. */
const VENUE_SLOTS: [number, 'room' | 'consult' | 'activity' | 'meeting', string, string, string, string, number][] = [
  [1, 'room', '活动室 · 棋牌', '14:00', '17:00', '12:00', 8],
  [1, 'consult', '健康咨询 · 量血压', '09:00', '11:00', '08:00', 6],
  [2, 'activity', '重阳节包饺子', '09:30', '11:00', '08:30', 20],
  [2, 'meeting', '居民议事会：加装电梯', '19:00', '20:30', '18:00', 30],
];

/**
 * A few upcoming rooms and activities at the centre (场地与活动), published by its staff through
 * the real action, and one consultation 王秀兰 booked — so the resident's page and the staff
 * console are not empty on a first start. Once: nothing happens if the centre has any.
 */
export async function seedDemoVenueSlots(ctx: SeedContext): Promise<number> {
  const [centre] = await ctx.ds.query('SELECT id FROM organisations WHERE name = ?', [CENTRE]);
  if (!centre) return 0;
  const centreId = Number(centre.id);
  const [{ n }] = await ctx.ds.query("SELECT COUNT(*) AS n FROM slots WHERE venueId = ? AND kind <> 'meal'", [centreId]);
  if (Number(n) > 0) return 0;
  const today = localDay(new Date());
  const ids: number[] = [];
  for (const [offset, kind, title, starts, ends, cutoff, capacity] of VENUE_SLOTS) {
    const day = localDay(new Date(localTime(today, '12:00').getTime() + offset * DAY_MS));
    const input = {
      centreId,
      kind,
      title,
      capacity,
      startsAt: localTime(day, starts).toISOString(),
      endsAt: localTime(day, ends).toISOString(),
      cutoffAt: localTime(day, cutoff).toISOString(),
    };
    ids.push(((await ctx.call('bookings', 'publishSlot', input, 'care_staff')) as ActionOutput<'bookings', 'publishSlot'>).id);
  }
  await ctx.call('bookings', 'reserve', { slotId: ids[1], requestId: `demo-venue-${ids[1]}` }, 'resident');
  return ids.length;
}

import { NEED_SEARCH_RULES } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { Need } from '../../cloud/src/modules/needs/need.entity';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildNeed, call, ok } from '../factories';

jest.setTimeout(180_000);

const DAY = 24 * 3600 * 1000;

/**
 * 搜索 at city scale (issue 17 item 4): a text search reads only the window of recent needs,
 * bounded by id, and must answer exactly what `LIKE '%…%'` answers inside that window — and 搜索更早
 * exactly what it answers before it. Chinese texts: single characters, two-character words, mixed
 * forms like 3栋2单元, LIKE's own wildcards typed by a resident, and words that match nothing.
 */
const TEXTS = [
  '3栋2单元楼道灯不亮，晚上看不见台阶',
  '小区东门井盖松动，有安全隐患',
  '厨房水管漏水，楼下天花板渗水',
  '电梯异响，3栋的老人不敢坐',
  '物业收费100%上涨不合理',
  '垃圾桶满了没人清运',
  '楼顶防水层老化，雨天漏雨',
  '2单元门禁坏了',
  '路灯_坏了两盏',
  '井口没有盖板',
];
/** Age in days of each fixture need, oldest first (ids rise as ages fall, as they do in life). */
const AGES = [400, 200, 120, 95, 91, 89.5, 60, 30, 3, 0.1];
const QUERIES = ['漏水', '漏', '水', '井盖', '井', '3栋2单元', '2单元', '栋2', '灯', '100%', '_', '%', '坏了', '不存在的词', '盖'];

describe.each(DIALECTS)('needs search window on %s', (dialect) => {
  let db: TestDb;
  let community: number;

  beforeAll(async () => {
    db = await createTestDb(dialect);
    const ids: number[] = [];
    for (const description of TEXTS) ids.push((await buildNeed(db.ds, { description })).id);
    const now = clock.now().getTime();
    for (let i = 0; i < ids.length; i++) await db.ds.manager.update(Need, { id: ids[i] }, { createdAt: new Date(now - AGES[i] * DAY) });
    // A clock that ran an hour behind on one instance: a later id filed "earlier", near the window's edge.
    await db.ds.manager.update(Need, { id: ids[4] }, { createdAt: new Date(now - (NEED_SEARCH_RULES.searchWindowDays * DAY - 3600_000)) });
    await db.ds.manager.update(Need, { id: ids[5] }, { createdAt: new Date(now - (NEED_SEARCH_RULES.searchWindowDays * DAY + 1800_000)) });
    community = Number((await db.ds.query('SELECT communityId FROM needs WHERE id = ?', [ids[0]]))[0].communityId);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  /** Every id the 派单台 lists for a search, following the cursor. */
  async function listed(q: string, older?: boolean): Promise<number[]> {
    const out: number[] = [];
    let cursor: string | undefined;
    do {
      const page = ok(await call('needs', 'queue', { communityId: community, q, older, limit: 3, ...(cursor ? { cursor } : {}) }, as('community_staff')));
      out.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out.sort((a, b) => a - b);
  }

  /** What LIKE answers over the whole community, split by the window's edge. */
  async function expected(q: string): Promise<{ recent: number[]; older: number[] }> {
    const rows: { id: number; description: string; createdAt: string | Date }[] = await db.ds.query(
      'SELECT id, description, createdAt FROM needs WHERE communityId = ?',
      [community],
    );
    const since = clock.now().getTime() - NEED_SEARCH_RULES.searchWindowDays * DAY;
    const hits = rows.filter((r) => r.description.includes(q));
    const at = (r: (typeof rows)[number]) => new Date(r.createdAt).getTime();
    return {
      recent: hits
        .filter((r) => at(r) >= since)
        .map((r) => Number(r.id))
        .sort((a, b) => a - b),
      older: hits
        .filter((r) => at(r) < since)
        .map((r) => Number(r.id))
        .sort((a, b) => a - b),
    };
  }

  it('answers what LIKE answers inside the window, and 搜索更早 what it answers before it — no more, no less', async () => {
    let recentHits = 0;
    let olderHits = 0;
    for (const q of QUERIES) {
      const want = await expected(q);
      expect({ q, ids: await listed(q) }).toEqual({ q, ids: want.recent });
      expect({ q, older: await listed(q, true) }).toEqual({ q, older: want.older });
      const counts = ok(await call('needs', 'queueCounts', { communityId: community, q }, as('community_staff')));
      expect({ q, all: counts.all }).toEqual({ q, all: want.recent.length });
      recentHits += want.recent.length;
      olderHits += want.older.length;
    }
    // The fixture exercises both sides of the edge, and words that match nothing.
    expect(recentHits).toBeGreaterThan(10);
    expect(olderHits).toBeGreaterThan(5);
    expect(await listed('不存在的词')).toEqual([]);
    expect(await listed('%')).toEqual((await expected('%')).recent);
  });

  it('a need number finds the need at any age; no search lists everything', async () => {
    const oldest: { id: number } = (await db.ds.query('SELECT MIN(id) AS id FROM needs WHERE communityId = ?', [community]))[0];
    expect(await listed(`#${oldest.id}`)).toEqual([Number(oldest.id)]);
    const all = Number((await db.ds.query('SELECT COUNT(*) AS n FROM needs WHERE communityId = ?', [community]))[0].n);
    expect(ok(await call('needs', 'queueCounts', { communityId: community }, as('community_staff'))).all).toBe(all);
  });

  it('a window with no needs in it finds nothing; 搜索更早 still finds them', async () => {
    clock.advance(3 * 365 * DAY);
    try {
      expect(await listed('水')).toEqual([]);
      expect((await listed('水', true)).length).toBe((await expected('水')).older.length);
    } finally {
      clock.reset();
    }
  });
});

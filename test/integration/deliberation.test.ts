import type { EntityManager } from 'typeorm';
import type { BallotEntryDTO, MatterDTO } from '@hg/types/deliberation';
import { FUNCTIONS } from '../../cloud/src/app';
import { runAction } from '../../cloud/src/core/action';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { DELIBERATION_TIMERS } from '../../cloud/src/modules/deliberation/deliberation-timers';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildNeed, buildResident, call, callRaw, errorCode, newcomer, ok, type BuiltResident } from '../factories';

jest.setTimeout(300_000);

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());
const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

describe.each(DIALECTS)('deliberation (五步议事法) on %s', (dialect) => {
  let db: TestDb;
  const q = (sql: string, params: unknown[] = []) => db.ds.query(sql, params) as Promise<Record<string, unknown>[]>;
  const n = async (sql: string, params: unknown[] = []) => Number((await q(sql, params))[0].n);
  /** The registered rooms of 锦屏花园 <building>/<unit>, in id order. */
  const rooms = async (building: string, unit: string) =>
    (await q(
      `SELECT h.id, h.room, h.unitId FROM households h JOIN units u ON u.id = h.unitId JOIN buildings b ON b.id = u.buildingId JOIN compounds c ON c.id = b.compoundId
       WHERE c.code = 'NJJP01' AND b.name = ? AND u.name = ? ORDER BY h.id`,
      [building, unit],
    )) as { id: number; room: string; unitId: number }[];
  const draft = async (unitId: number, title = '二单元楼道加装扶手') =>
    ok(
      await call(
        'deliberation',
        'create',
        { title, text: '在二单元楼道一至六层加装不锈钢扶手，费用由公共收益列支。', options: ['同意', '不同意', '弃权'], scopeLevel: 'unit', scopeId: unitId },
        as('community_staff'),
      ),
    );
  const events = async (matterId: number) =>
    (await q("SELECT action, from_status AS fromStatus, to_status AS toStatus FROM subject_events WHERE subject_kind = 'matter' AND subject_id = ? ORDER BY id", [matterId])) as {
      action: string;
      fromStatus: string | null;
      toStatus: string | null;
    }[];

  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  describe('a vote in 锦屏花园 2栋 2单元', () => {
    let unitId: number;
    let electorate: { id: number; room: string }[];
    let members: BuiltResident[][];
    let matter: MatterDTO;
    let pending: BuiltResident;

    beforeAll(async () => {
      electorate = await rooms('2栋', '2单元');
      unitId = Number((await rooms('2栋', '2单元'))[0].unitId);
      // Three verified members in each of the unit's first ten rooms; the rest have nobody in the app.
      members = [];
      for (const h of electorate.slice(0, 10)) {
        const household: BuiltResident[] = [];
        for (let i = 0; i < 3; i++) household.push(await buildResident(db.ds, { building: '2栋', unit: '2单元', room: h.room, verifier: as('compound_head') }));
        members.push(household);
      }
    });

    it('lists the matters of a compound by who may see them', async () => {
      const other = await draft(unitId, '二单元楼顶防水维修');
      const building = ok(
        await call('deliberation', 'create', { title: '2栋外墙清洗', text: '请专业公司清洗2栋外墙。', options: ['同意', '不同意'], scopeLevel: 'building', scopeId: Number((await q("SELECT id FROM buildings WHERE code = 'NJJP0102'"))[0].id) }, as('community_staff')),
      );
      const compoundId = building.compoundId;
      const titles = async (openid: string) => ok(await call('deliberation', 'list', { compoundId }, openid)).items.map((x) => x.title);
      expect(await titles(as('community_staff'))).toEqual(expect.arrayContaining(['2栋外墙清洗', '二单元楼顶防水维修']));
      // Drafts are the organisers' own; 1栋's head runs nothing in 2栋; a resident elsewhere has no part in the compound's list.
      expect(await titles(members[0][0].openid)).toEqual([]);
      expect(await titles(as('building_head'))).toEqual([]);
      expect(errorCode(await call('deliberation', 'list', { compoundId }, newcomer()))).toBe('FORBIDDEN');
      ok(await call('deliberation', 'publish', { matterId: building.id, opensAt: at(3 * DAY + HOUR), closesAt: at(10 * DAY) }, as('community_staff')));
      expect(await titles(members[0][0].openid)).toEqual(['2栋外墙清洗']);
      // 王秀兰 (1栋) sees the compound's list but not 2栋's matter.
      expect(await titles(as('resident'))).toEqual([]);
      const page = ok(await call('deliberation', 'list', { compoundId, limit: 1 }, as('community_staff')));
      expect(page.items).toHaveLength(1);
      expect(page.nextCursor).not.toBeNull();
      for (const id of [other.id, building.id]) ok(await call('deliberation', 'withdraw', { matterId: id, reason: '示例结束' }, as('community_staff')));
    });

    it('is drafted and edited by staff only; residents cannot draft', async () => {
      expect(errorCode(await call('deliberation', 'create', { title: '试', text: '试', options: ['是', '否'], scopeLevel: 'unit', scopeId: unitId }, members[0][0].openid))).toBe('FORBIDDEN');
      // 1栋's building head does not run 2栋's matters.
      expect(errorCode(await call('deliberation', 'create', { title: '试', text: '试', options: ['是', '否'], scopeLevel: 'unit', scopeId: unitId }, as('building_head')))).toBe('FORBIDDEN');
      expect(await callRaw('deliberation', 'create', { title: '试', text: '试', options: ['是'], scopeLevel: 'unit', scopeId: unitId }, as('community_staff'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'options' } },
      });
      matter = await draft(unitId);
      expect(matter).toMatchObject({ status: 'draft', statusLabel: '制定方案', version: 0, contentHash: null, rule: { quorumPercent: 50, approvalPercent: 50, noticeDays: 3 } });
      // A draft is the organisers' own: residents of the unit do not see it.
      expect(errorCode(await call('deliberation', 'get', { matterId: matter.id }, members[0][0].openid))).toBe('NOT_FOUND');
      matter = ok(await call('deliberation', 'edit', { matterId: matter.id, options: ['同意加装', '不同意', '弃权'] }, as('compound_head')));
      expect(matter.options).toEqual(['同意加装', '不同意', '弃权']);
    });

    it('publishing freezes text and options with a version and hash, after the notice period; steps are never skipped', async () => {
      expect(errorCode(await call('deliberation', 'close', { matterId: matter.id }, as('community_staff')))).toBe('INVALID_TRANSITION');
      expect(errorCode(await call('deliberation', 'publishOutcome', { matterId: matter.id }, as('community_staff')))).toBe('INVALID_TRANSITION');
      expect(await call('deliberation', 'publish', { matterId: matter.id, opensAt: at(2 * DAY), closesAt: at(5 * DAY) }, as('community_staff'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'opensAt' } },
      });
      expect(await callRaw('deliberation', 'publish', { matterId: matter.id, opensAt: at(4 * DAY), closesAt: at(3 * DAY) }, as('community_staff'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'closesAt' } },
      });
      expect(await n("SELECT COUNT(*) AS n FROM deliberation_electorate WHERE matterId = ?", [matter.id])).toBe(0);
      // Two organisers publish at once: one publication, one electorate.
      const both = await Promise.all(
        [as('community_staff'), as('compound_head')].map((who) => call('deliberation', 'publish', { matterId: matter.id, opensAt: at(3 * DAY), closesAt: at(5 * DAY) }, who)),
      );
      expect(both.filter((r) => r.ok)).toHaveLength(1);
      for (const r of both) if (!r.ok) expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(r.error.code);
      matter = ok(both.find((r) => r.ok)!);
      expect(await n("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'matter' AND subject_id = ? AND action = 'published'", [matter.id])).toBe(1);
      expect(await n('SELECT COUNT(*) AS n FROM deliberation_versions WHERE matterId = ?', [matter.id])).toBe(1);
      expect(matter).toMatchObject({ status: 'notice', version: 1, eligible: electorate.length, votingOpen: false, tally: null });
      expect(matter.contentHash).toMatch(/^[0-9a-f]{8}$/);
      expect(await n('SELECT COUNT(*) AS n FROM deliberation_electorate WHERE matterId = ? AND version = 1', [matter.id])).toBe(electorate.length);
      // The notice reaches every verified member of the electorate, once.
      const verified = await n(
        "SELECT COUNT(*) AS n FROM household_members m JOIN deliberation_electorate e ON e.householdId = m.householdId WHERE e.matterId = ? AND m.status = 'verified'",
        [matter.id],
      );
      expect(verified).toBeGreaterThanOrEqual(30);
      expect(await n("SELECT COUNT(*) AS n FROM notifications WHERE subjectKind = 'matter' AND subjectId = ? AND title = '新议题公告'", [matter.id])).toBe(verified);
      expect(errorCode(await call('deliberation', 'edit', { matterId: matter.id, title: '改个标题' }, as('community_staff')))).toBe('INVALID_TRANSITION');
      expect(errorCode(await call('deliberation', 'close', { matterId: matter.id }, as('community_staff')))).toBe('INVALID_TRANSITION');
      expect(ok(await call('deliberation', 'get', { matterId: matter.id }, members[0][0].openid))).toMatchObject({ title: '二单元楼道加装扶手', can: [] });
      // Before opensAt a ballot is refused even though nothing else stops it.
      expect(errorCode(await call('deliberation', 'vote', { matterId: matter.id, householdId: electorate[0].id, optionIndex: 0 }, members[0][0].openid))).toBe(
        'INVALID_TRANSITION',
      );
    });

    it('30 members of 10 households voting at once leave 10 current ballots', async () => {
      clock.advance(3 * DAY + MIN);
      const results = await Promise.all(
        members.flatMap((household, h) => household.map((m, i) => call('deliberation', 'vote', { matterId: matter.id, householdId: electorate[h].id, optionIndex: (h + i) % 3 }, m.openid))),
      );
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual([]);
      expect(await n("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND status = 'current'", [matter.id])).toBe(10);
      expect(await n("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND status = 'superseded'", [matter.id])).toBe(20);
      expect(await n('SELECT COUNT(DISTINCT householdId) AS n FROM deliberation_ballots WHERE matterId = ? AND currentKey IS NOT NULL', [matter.id])).toBe(10);
    });

    it('refuses pending, unverified, other households and out-of-scope residents', async () => {
      pending = await buildResident(db.ds, { building: '2栋', unit: '2单元', room: electorate[10].room, verifier: null });
      expect(errorCode(await call('deliberation', 'vote', { matterId: matter.id, householdId: electorate[10].id, optionIndex: 0 }, pending.openid))).toBe('FORBIDDEN');
      expect(errorCode(await call('deliberation', 'vote', { matterId: matter.id, householdId: electorate[0].id, optionIndex: 0 }, newcomer()))).toBe('FORBIDDEN');
      // A verified member votes for her own household, not her neighbour's.
      expect(errorCode(await call('deliberation', 'vote', { matterId: matter.id, householdId: electorate[1].id, optionIndex: 0 }, members[0][0].openid))).toBe('FORBIDDEN');
      // 赵建国 lives in 3栋: 2栋 2单元's matter does not exist for him.
      const [{ hid }] = await q("SELECT m.householdId AS hid FROM household_members m JOIN users u ON u.id = m.userId WHERE u.openid = ?", [as('resident2')]);
      expect(errorCode(await call('deliberation', 'vote', { matterId: matter.id, householdId: Number(hid), optionIndex: 0 }, as('resident2')))).toBe('NOT_FOUND');
      expect(errorCode(await call('deliberation', 'get', { matterId: matter.id }, as('resident2')))).toBe('NOT_FOUND');
      expect(errorCode(await call('deliberation', 'vote', { matterId: matter.id, householdId: electorate[0].id, optionIndex: 7 }, members[0][0].openid))).toBe('INVALID_INPUT');
      expect(await n("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND status = 'current'", [matter.id])).toBe(10);
    });

    it('a change before close keeps one counted ballot and the old row; a meeting ballot replaces an online one after confirmation', async () => {
      // Ballots were taken by the clock before any timer ran; the tick now moves the step to 组织协商.
      await tick();
      // The final choices, one member each: rooms 1–6 for option 0, 7–10 for option 1.
      for (let h = 0; h < 10; h++) ok(await call('deliberation', 'vote', { matterId: matter.id, householdId: electorate[h].id, optionIndex: h < 6 ? 0 : 1 }, members[h][0].openid));
      expect(await n('SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND householdId = ?', [matter.id, electorate[0].id])).toBe(4);
      expect(ok(await call('deliberation', 'myBallot', { matterId: matter.id, householdId: electorate[0].id }, members[0][2].openid))).toMatchObject({
        optionIndex: 0,
        option: '同意加装',
        channel: 'online',
        castByMember: true,
      });
      // The household's first room votes at the residents' meeting instead: staff see the existing ballot (channel, time — not the choice) and confirm.
      const refused = await call('deliberation', 'enterBallot', { matterId: matter.id, householdId: electorate[0].id, optionIndex: 2, channel: 'meeting' }, as('community_staff'));
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { existing: { channel: 'online' } } } });
      expect(JSON.stringify(refused)).not.toContain('optionIndex');
      const entry: BallotEntryDTO = ok(
        await call('deliberation', 'enterBallot', { matterId: matter.id, householdId: electorate[0].id, optionIndex: 2, channel: 'meeting', replace: true }, as('community_staff')),
      );
      expect(entry).toMatchObject({ channel: 'meeting', replaced: true });
      expect(Object.keys(entry)).not.toContain('optionIndex');
      // A room with nobody in the app votes by proxy form, entered by the compound head.
      ok(await call('deliberation', 'enterBallot', { matterId: matter.id, householdId: electorate[11].id, optionIndex: 0, channel: 'proxy' }, as('compound_head')));
      // Two organisers entering the same form at once, both confirming: still one current ballot, every entry kept.
      const twice = await Promise.all(
        [as('compound_head'), as('community_staff')].map((who) =>
          call('deliberation', 'enterBallot', { matterId: matter.id, householdId: electorate[11].id, optionIndex: 0, channel: 'proxy', replace: true }, who),
        ),
      );
      expect(twice.map((r) => r.ok)).toEqual([true, true]);
      expect(await n("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND householdId = ? AND status = 'current'", [matter.id, electorate[11].id])).toBe(1);
      expect(await n('SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND householdId = ?', [matter.id, electorate[11].id])).toBe(3);
      expect(await n("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND householdId = ? AND status = 'current'", [matter.id, electorate[0].id])).toBe(1);
      expect(await n('SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND householdId = ?', [matter.id, electorate[0].id])).toBe(5);
      const [entered] = await q("SELECT castById, channel FROM deliberation_ballots WHERE matterId = ? AND householdId = ? AND status = 'current'", [matter.id, electorate[0].id]);
      const [{ staffId }] = await q('SELECT id AS staffId FROM users WHERE openid = ?', [as('community_staff')]);
      expect(Number(entered.castById)).toBe(Number(staffId));
      expect(ok(await call('deliberation', 'myBallot', { matterId: matter.id, householdId: electorate[0].id }, members[0][1].openid))).toMatchObject({
        optionIndex: 2,
        channel: 'meeting',
        castByMember: false,
      });
    });

    it('how a household voted is its own: staff see participation only, counts stay hidden until close', async () => {
      expect(errorCode(await call('deliberation', 'myBallot', { matterId: matter.id, householdId: electorate[0].id }, as('community_staff')))).toBe('FORBIDDEN');
      expect(errorCode(await call('deliberation', 'myBallot', { matterId: matter.id, householdId: electorate[0].id }, members[1][0].openid))).toBe('FORBIDDEN');
      expect(errorCode(await call('deliberation', 'participation', { matterId: matter.id }, members[0][0].openid))).toBe('FORBIDDEN');
      const p = ok(await call('deliberation', 'participation', { matterId: matter.id }, as('compound_head')));
      expect(p).toMatchObject({ eligible: electorate.length, voted: 11 });
      expect(p.households.find((h) => h.householdId === electorate[0].id)).toMatchObject({ voted: true, channel: 'meeting' });
      expect(p.households.find((h) => h.householdId === electorate[10].id)).toMatchObject({ voted: false, channel: null });
      expect(JSON.stringify(p)).not.toMatch(/option/i);
      const seen = ok(await call('deliberation', 'get', { matterId: matter.id }, as('community_staff')));
      expect(seen).toMatchObject({ status: 'voting', votingOpen: true, tally: null });
      expect(seen.can).toEqual(expect.arrayContaining(['revise', 'withdraw', 'enterBallot', 'participation']));
      expect(seen.can).not.toContain('close');
    });

    it('a ballot at closesAt is refused before any timer ran; two overlapping ticks close it once with the hand-computed tally', async () => {
      // The reminder goes to the verified members of households that have not voted, once, a day before close.
      ok(await call('households', 'verify', { membershipId: pending.membershipId, approve: true }, as('compound_head')));
      clock.advance(DAY + 30 * MIN);
      await Promise.all([tick(), tick()]);
      await tick();
      expect(await q("SELECT x.userId FROM notifications x WHERE x.pushKind = 'matter_vote'")).toEqual([{ userId: pending.userId }]);
      expect(await n("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'matter' AND subject_id = ? AND action = 'closed'", [matter.id])).toBe(0);
      clock.advance(DAY);
      expect(errorCode(await call('deliberation', 'vote', { matterId: matter.id, householdId: electorate[1].id, optionIndex: 2 }, members[1][0].openid))).toBe('INVALID_TRANSITION');
      expect(
        errorCode(await call('deliberation', 'enterBallot', { matterId: matter.id, householdId: electorate[10].id, optionIndex: 1, channel: 'proxy' }, as('community_staff'))),
      ).toBe('INVALID_TRANSITION');
      // Two ticks and an organiser's manual close at the same moment: one of them closes it.
      const [, , manual] = await Promise.all([tick(), tick(), call('deliberation', 'close', { matterId: matter.id }, as('community_staff'))]);
      if (!manual.ok) expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(manual.error.code);
      expect(await n('SELECT COUNT(*) AS n FROM deliberation_tallies WHERE matterId = ?', [matter.id])).toBe(1);
      expect(await n("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'matter' AND subject_id = ? AND action = 'closed'", [matter.id])).toBe(1);
      expect(errorCode(await call('deliberation', 'close', { matterId: matter.id }, as('community_staff')))).toBe('INVALID_TRANSITION');
      // Hand-computed: rooms 2–6 and the proxy room for 同意加装 (6), rooms 7–10 against (4), room 1 abstained at the meeting (1).
      const eligible = electorate.length;
      const closed = ok(await call('deliberation', 'get', { matterId: matter.id }, members[3][0].openid));
      expect(closed.status).toBe('closed');
      expect(closed.tally).toEqual({
        version: 1,
        eligible,
        ballots: 11,
        byChannel: { online: 9, meeting: 1, proxy: 1 },
        participationPercent: Math.round((11 * 1000) / eligible) / 10,
        counts: [6, 4, 1],
        quorumMet: 11 * 100 >= 50 * eligible,
        approved: 11 * 100 >= 50 * eligible && 6 * 100 > 50 * 11,
        leadingOption: 0,
        quorumPercent: 50,
        approvalPercent: 50,
        closedAt: expect.any(String),
      });
    });

    it('the outcome is written, then published separately; every status change has its event row', async () => {
      expect(errorCode(await call('deliberation', 'withdraw', { matterId: matter.id, reason: '太晚了' }, as('community_staff')))).toBe('INVALID_TRANSITION');
      expect(await call('deliberation', 'publishOutcome', { matterId: matter.id }, as('community_staff'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'outcome' } },
      });
      expect(errorCode(await call('deliberation', 'writeOutcome', { matterId: matter.id, outcome: '物业下周施工' }, members[0][0].openid))).toBe('FORBIDDEN');
      ok(await call('deliberation', 'writeOutcome', { matterId: matter.id, outcome: '物业于12月20日前完成扶手安装，费用从公共收益列支。' }, as('community_staff')));
      const done = ok(await call('deliberation', 'publishOutcome', { matterId: matter.id }, as('community_staff')));
      expect(done).toMatchObject({ status: 'published', statusLabel: '反馈公示', outcome: '物业于12月20日前完成扶手安装，费用从公共收益列支。' });
      expect(done.tally?.counts).toEqual([6, 4, 1]);
      expect(await n("SELECT COUNT(*) AS n FROM notifications WHERE pushKind = 'matter_update' AND subjectId = ?", [matter.id])).toBeGreaterThanOrEqual(30);
      expect(await events(matter.id)).toEqual([
        { action: 'drafted', fromStatus: null, toStatus: 'draft' },
        { action: 'edited', fromStatus: 'draft', toStatus: 'draft' },
        { action: 'published', fromStatus: 'draft', toStatus: 'notice' },
        { action: 'opened', fromStatus: 'notice', toStatus: 'voting' },
        { action: 'closed', fromStatus: 'voting', toStatus: 'closed' },
        { action: 'outcome_written', fromStatus: 'closed', toStatus: 'closed' },
        { action: 'outcome_published', fromStatus: 'closed', toStatus: 'published' },
      ]);
    });
  });

  it('a new version voids the old ballots, tells those households, and starts the notice period again', async () => {
    clock.reset();
    const unit = await rooms('1栋', '2单元');
    const a = await buildResident(db.ds, { building: '1栋', unit: '2单元', room: unit[0].room });
    const b = await buildResident(db.ds, { building: '1栋', unit: '2单元', room: unit[1].room });
    let m = await draft(Number(unit[0].unitId), '一单元电动车充电桩');
    m = ok(await call('deliberation', 'publish', { matterId: m.id, opensAt: at(3 * DAY), closesAt: at(6 * DAY) }, as('building_head')));
    clock.advance(3 * DAY + MIN);
    await tick();
    ok(await call('deliberation', 'vote', { matterId: m.id, householdId: a.householdId, optionIndex: 0 }, a.openid));
    ok(await call('deliberation', 'vote', { matterId: m.id, householdId: b.householdId, optionIndex: 1 }, b.openid));
    const firstHash = m.contentHash;
    const revise = { matterId: m.id, title: '一单元电动车充电桩（修订）', text: '充电桩改设在一楼架空层。', options: ['同意', '不同意'], reason: '位置调整' };
    expect(await call('deliberation', 'revise', { ...revise, opensAt: at(DAY), closesAt: at(4 * DAY) }, as('building_head'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'opensAt' } },
    });
    m = ok(await call('deliberation', 'revise', { ...revise, opensAt: at(3 * DAY), closesAt: at(4 * DAY) }, as('building_head')));
    expect(m).toMatchObject({ status: 'notice', version: 2, options: ['同意', '不同意'], votingOpen: false });
    expect(m.contentHash).not.toBe(firstHash);
    expect(await n("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND status = 'voided' AND version = 1", [m.id])).toBe(2);
    expect(await n("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND status = 'current'", [m.id])).toBe(0);
    expect(await n('SELECT COUNT(*) AS n FROM deliberation_versions WHERE matterId = ?', [m.id])).toBe(2);
    const told = await q(
      "SELECT u.openid FROM notifications x JOIN users u ON u.id = x.userId WHERE x.pushKind = 'matter_update' AND x.subjectId = ? AND x.title = '议题已修改，请重新投票'",
      [m.id],
    );
    expect(told.map((r) => r.openid).sort()).toEqual([a.openid, b.openid].sort());
    expect(ok(await call('deliberation', 'myBallot', { matterId: m.id, householdId: a.householdId }, a.openid))).toBeNull();
    expect(errorCode(await call('deliberation', 'vote', { matterId: m.id, householdId: a.householdId, optionIndex: 0 }, a.openid))).toBe('INVALID_TRANSITION');
    m = ok(await call('deliberation', 'withdraw', { matterId: m.id, reason: '业主委员会另行协商' }, as('community_staff')));
    expect(m).toMatchObject({ status: 'withdrawn', withdrawnReason: '业主委员会另行协商' });
    expect((await events(m.id)).map((e) => `${e.action}:${e.fromStatus}>${e.toStatus}`)).toEqual([
      'drafted:null>draft',
      'published:draft>notice',
      'opened:notice>voting',
      'revised:voting>notice',
      'withdrawn:notice>withdrawn',
    ]);
  });

  it('ballots racing a new version are either voided with the old version or refused: none survives uncounted-but-current', async () => {
    clock.reset();
    const unit = await rooms('3栋', '3单元');
    const voters: BuiltResident[] = [];
    for (const h of unit.slice(0, 8)) voters.push(await buildResident(db.ds, { building: '3栋', unit: '3单元', room: h.room, verifier: as('compound_head') }));
    let m = await draft(Number(unit[0].unitId), '三单元楼道灯改造');
    m = ok(await call('deliberation', 'publish', { matterId: m.id, opensAt: at(3 * DAY), closesAt: at(6 * DAY) }, as('community_staff')));
    clock.advance(3 * DAY + MIN);
    await tick();
    const revise = call(
      'deliberation',
      'revise',
      { matterId: m.id, title: '三单元楼道灯改造（修订）', text: '改为声控灯。', options: ['同意', '不同意'], opensAt: at(3 * DAY + HOUR), closesAt: at(5 * DAY), reason: '方案调整' },
      as('community_staff'),
    );
    const votes = voters.map((v) => call('deliberation', 'vote', { matterId: m.id, householdId: v.householdId, optionIndex: 0 }, v.openid));
    const [revised, ...cast] = await Promise.all([revise, ...votes]);
    expect(ok(revised).version).toBe(2);
    for (const c of cast) if (!c.ok) expect(c.error.code).toBe('INVALID_TRANSITION');
    const accepted = cast.filter((c) => c.ok).length;
    expect(await n('SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ?', [m.id])).toBe(accepted);
    expect(await n("SELECT COUNT(*) AS n FROM deliberation_ballots WHERE matterId = ? AND status = 'voided' AND currentKey IS NULL", [m.id])).toBe(accepted);
  });

  it('a need followed by enough verified households is proposed to staff as a draft matter, once', async () => {
    clock.reset();
    const [{ version }] = (await q("SELECT version FROM city_settings WHERE section = 'deliberation'")).concat([{ version: 0 }]);
    ok(
      await call(
        'settings',
        'save',
        { section: 'deliberation', version: Number(version), value: { quorumPercent: 50, approvalPercent: 50, noticeDays: 3, proposeFollowers: 3 } },
        as('admin'),
      ),
    );
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await buildResident(db.ds, { building: '3栋', unit: '1单元', verifier: as('compound_head') }));
    const main = await buildNeed(db.ds, { by: people[0], description: '3栋门口路灯坏了半个月，晚上出入不便' });
    for (const p of people.slice(1)) {
      const dup = await buildNeed(db.ds, { by: p, description: '3栋路灯不亮' });
      ok(await call('needs', 'merge', { needId: dup.id, intoNeedId: main.id }, as('community_staff')));
    }
    // The job itself twice at once (no lease between them), then overlapping ticks: one draft.
    const job = DELIBERATION_TIMERS.find((j) => j.name === 'deliberation.proposeFromNeeds')!;
    const timerCtx = { em: db.ds.manager, platform: localPlatform(), tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work) };
    const runs = await Promise.all([job.run(timerCtx, clock.now()), job.run(timerCtx, clock.now())]);
    expect(runs.reduce((a, r) => a + r.mattersProposed, 0)).toBe(1);
    await Promise.all([tick(), tick()]);
    await tick();
    const proposed = await q('SELECT id, status, sourceNeedId, proposerId FROM deliberation_matters WHERE sourceNeedId = ?', [main.id]);
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({ status: 'draft', proposerId: null });
    expect(await n("SELECT COUNT(*) AS n FROM notifications x JOIN users u ON u.id = x.userId WHERE x.pushKind = 'matter_task' AND u.openid = ?", [as('community_staff')])).toBe(1);
    const seen = ok(await call('deliberation', 'get', { matterId: Number(proposed[0].id) }, as('community_staff')));
    expect(seen).toMatchObject({ sourceNeedId: main.id, status: 'draft', scopeLevel: 'compound', options: ['同意', '不同意'] });
    expect((await events(Number(proposed[0].id))).map((e) => e.action)).toEqual(['proposed']);
  });
});

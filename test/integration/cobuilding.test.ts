import os from 'node:os';
import path from 'node:path';
import type { AgreementDTO } from '@hg/types/cobuilding';
import type { TAgreementItem } from '@hg/types/cobuilding-schemas';
import { localDay } from '@hg/types/local-time';
import { clock } from '../../cloud/src/core/clock';
import { Cobuilding1766500000000 } from '../../cloud/src/modules/cobuilding/migrations/1766500000000-Cobuilding';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, callRaw, communityIdOf, errorCode, ok, orgId, personWithRole, storedPhoto } from '../factories';

process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-uploads-cobuilding-${process.pid}`);
jest.setTimeout(300_000);

const DAY = 24 * 3600_000;
/** A calendar day (Beijing) `offset` days from the clock's now. */
const day = (offset: number) => localDay(new Date(clock.now().getTime() + offset * DAY));

/**
 * 契约化共建 (issue 23 item 2): agreements between a city department and a street or community,
 * drafted by either side's staff, signed by both, items frozen once signed; deliveries recorded by
 * the department with evidence and counted once, only after the street or community confirmed
 * them; progress per agreement and per department; who sees what.
 */
describe.each(DIALECTS)('co-building agreements on %s', (dialect) => {
  let db: TestDb;
  let housing: number; // 阆中市住房和城乡建设局
  let enforcement: number; // 阆中市综合行政执法局
  let nanjie: number; // 南街社区 (保宁街道)
  let baoning: number; // 保宁街道
  let housingStaff: string;
  let enforcementStaff: string;
  const q = (sql: string, params: unknown[] = []) => db.ds.query(sql, params) as Promise<Record<string, unknown>[]>;
  const n = async (sql: string, params: unknown[] = []) => Number((await q(sql, params))[0].n);
  const rowCounts = async () => ({
    agreements: await n('SELECT COUNT(*) AS n FROM cobuilding_agreements'),
    items: await n('SELECT COUNT(*) AS n FROM cobuilding_items'),
    deliveries: await n('SELECT COUNT(*) AS n FROM cobuilding_deliveries'),
    events: await n("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind LIKE 'cobuilding%'"),
    delivered: await n('SELECT COALESCE(SUM(delivered), 0) AS n FROM cobuilding_items'),
  });
  const items = (): TAgreementItem[] => [
    { kind: 'people', promised: 12, dueOn: day(30), description: '派党员干部到社区开展政策宣讲' },
    { kind: 'money', promised: 5_000_000, dueOn: day(60), description: '楼道照明改造补助资金' },
  ];
  const draft = (who: string, over: Record<string, unknown> = {}) =>
    callRaw<AgreementDTO>(
      'cobuilding',
      'create',
      {
        departmentId: housing,
        party: 'community',
        partyId: nanjie,
        title: '市住建局与南街社区共建协议',
        startsOn: day(-10),
        endsOn: day(200),
        items: items(),
        ...over,
      },
      who,
    );
  /** Both sides sign the version shown; returns the signed agreement. */
  const signBoth = async (a: AgreementDTO, department: string, party = as('community_staff')) => {
    ok(await call('cobuilding', 'sign', { agreementId: a.id, version: a.version }, department));
    return ok(await call('cobuilding', 'sign', { agreementId: a.id, version: a.version }, party));
  };
  const deliver = (itemId: number, quantity: number, who: string, photoIds?: string[]) =>
    call('cobuilding', 'deliver', { itemId, quantity, note: '已按计划交付', ...(photoIds ? { photoIds } : {}) }, who);

  beforeAll(async () => {
    db = await createTestDb(dialect);
    housing = await orgId(db.ds, '阆中市住房和城乡建设局');
    enforcement = await orgId(db.ds, '阆中市综合行政执法局');
    nanjie = await communityIdOf(db.ds, '南街社区');
    baoning = Number((await q("SELECT id FROM streets WHERE name = '保宁街道'"))[0].id);
    housingStaff = await personWithRole(db.ds, 'org_staff', 'city', 0, housing, '郑文斌');
    enforcementStaff = await personWithRole(db.ds, 'org_staff', 'city', 0, enforcement, '钱立新');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('opens 共建协议 to staff and a department’s staff, 待确认交付 to those who confirm (MeDTO.can)', async () => {
    const can = async (who: string) => {
      const c = ok(await call('me', 'get', {}, who)).can;
      return [c.cobuilding, c.confirmDeliveries];
    };
    expect(await can(housingStaff)).toEqual([true, false]);
    expect(await can(as('community_staff'))).toEqual([true, true]);
    expect(await can(as('street_staff'))).toEqual([true, true]);
    expect(await can(as('admin'))).toEqual([true, false]);
    expect(await can(as('property_staff'))).toEqual([false, false]); // a receiver, not a department
    expect(await can(as('resident'))).toEqual([false, false]);
  });

  it('is drafted only by the department’s staff or staff of that street or community', async () => {
    const before = await rowCounts();
    expect(errorCode(await draft(as('resident')))).toBe('FORBIDDEN');
    expect(errorCode(await draft(as('community_staff_nd')))).toBe('FORBIDDEN'); // 内东街社区's staff, not a party
    expect(errorCode(await draft(enforcementStaff))).toBe('FORBIDDEN'); // another department
    expect(errorCode(await draft(as('property_staff')))).toBe('FORBIDDEN'); // a receiver, not this department
    // A street's agreement is the street staff's: the community's staff do not sign for the street.
    expect(errorCode(await draft(as('community_staff'), { party: 'street', partyId: baoning }))).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);

    const byCommunity = ok(await draft(as('community_staff')));
    expect(byCommunity).toMatchObject({
      status: 'draft',
      statusLabel: '草拟中',
      version: 1,
      departmentName: '阆中市住房和城乡建设局',
      party: 'community',
      partyName: '南街社区',
      can: ['edit', 'sign'],
      progress: { items: 2, done: 0, overdue: 0 },
    });
    expect(byCommunity.items.map((i) => [i.position, i.kind, i.unit, i.promised, i.delivered])).toEqual([
      [1, 'people', '人次', 12, 0],
      [2, 'money', '元', 5_000_000, 0],
    ]);
    expect(ok(await draft(housingStaff)).timeline.map((e) => [e.event, e.by])).toEqual([['drafted', '郑文斌']]);
    expect(ok(await draft(as('street_staff'), { party: 'street', partyId: baoning }))).toMatchObject({ party: 'street', partyName: '保宁街道' });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await rowCounts();
    const bad: [Record<string, unknown>, string][] = [
      [{ departmentId: await orgId(db.ds, '阆苑物业服务有限公司') }, 'departmentId'], // a property firm is not a department
      [{ partyId: 999_999 }, 'partyId'],
      [{ endsOn: day(-20) }, 'endsOn'],
      [{ items: [] }, 'items'],
      [{ items: [{ ...items()[0], promised: 0 }] }, 'items.0.promised'],
      [{ items: [{ ...items()[0], kind: 'gift' }] }, 'items.0.kind'],
      [{ items: [items()[0], { ...items()[1], dueOn: day(400) }] }, 'items.1.dueOn'], // due after the period
      [{ items: [{ ...items()[0], dueOn: '2026-02-30' }] }, 'items.0.dueOn'],
      [{ title: ' ' }, 'title'],
    ];
    for (const [over, field] of bad)
      expect(await draft(as('community_staff'), over)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
    expect(await rowCounts()).toEqual(before);
  });

  it('is seen by its department, its community, the street above and the city — nobody else', async () => {
    const a = ok(await draft(housingStaff));
    for (const who of [housingStaff, as('community_staff'), as('street_staff'), as('admin')])
      expect(ok(await call('cobuilding', 'get', { agreementId: a.id }, who)).id).toBe(a.id);
    for (const who of [as('resident'), as('community_staff_nd'), enforcementStaff, as('compound_head')])
      expect(errorCode(await call('cobuilding', 'get', { agreementId: a.id }, who))).toBe('NOT_FOUND');
    // The city admin watches: it is no party to the agreement, so it has nothing to do there.
    expect(ok(await call('cobuilding', 'get', { agreementId: a.id }, as('admin'))).can).toEqual([]);
    const listed = async (who: string) => ok(await call('cobuilding', 'list', { limit: 100 }, who)).items.map((x) => x.id);
    expect(await listed(housingStaff)).toContain(a.id);
    expect(await listed(as('street_staff'))).toContain(a.id);
    expect(await listed(as('community_staff_nd'))).not.toContain(a.id);
    expect(await listed(enforcementStaff)).not.toContain(a.id);
    expect(await listed(as('resident'))).toEqual([]);
    // A street's own agreement is not the community's to see.
    const street = ok(await draft(as('street_staff'), { party: 'street', partyId: baoning }));
    expect(errorCode(await call('cobuilding', 'get', { agreementId: street.id }, as('community_staff')))).toBe('NOT_FOUND');
    expect(await listed(as('community_staff'))).not.toContain(street.id);
  });

  it('is signed by both sides on the version they read; once signed its items are frozen', async () => {
    let a = ok(await draft(as('community_staff')));
    expect(errorCode(await deliver(a.items[0].id, 1, housingStaff))).toBe('INVALID_TRANSITION'); // not signed yet
    a = ok(await call('cobuilding', 'sign', { agreementId: a.id, version: 1 }, housingStaff));
    expect(a).toMatchObject({ status: 'draft', can: ['edit'] });
    expect(a.departmentSignedAt).not.toBeNull();
    expect(errorCode(await call('cobuilding', 'sign', { agreementId: a.id, version: 1 }, housingStaff))).toBe('INVALID_TRANSITION');
    // An edit bumps the version and clears the signature given so far: it signed other terms.
    a = ok(
      await call(
        'cobuilding',
        'edit',
        { agreementId: a.id, version: 1, items: [...items(), { kind: 'service_day', promised: 4, dueOn: day(90), description: '现场咨询日' }] },
        as('community_staff'),
      ),
    );
    expect(a).toMatchObject({ version: 2, departmentSignedAt: null, progress: { items: 3 } });
    expect(errorCode(await call('cobuilding', 'edit', { agreementId: a.id, version: 1, title: '旧版本' }, housingStaff))).toBe('CONFLICT');
    expect(errorCode(await call('cobuilding', 'sign', { agreementId: a.id, version: 1 }, housingStaff))).toBe('CONFLICT');
    expect(errorCode(await call('cobuilding', 'sign', { agreementId: a.id, version: 2 }, as('admin')))).toBe('FORBIDDEN');
    // Both sides sign at once: two signatures, one `signed`.
    const both = await Promise.all([housingStaff, as('community_staff')].map((who) => call('cobuilding', 'sign', { agreementId: a.id, version: 2 }, who)));
    expect(both.every((r) => r.ok)).toBe(true);
    a = ok(await call('cobuilding', 'get', { agreementId: a.id }, as('community_staff')));
    expect(a).toMatchObject({ status: 'signed', statusLabel: '已签订', can: ['confirm', 'close'] });
    expect(a.timeline.map((e) => e.event)).toEqual(['drafted', 'endorsed', 'edited', 'endorsed', 'signed']);

    const before = await rowCounts();
    expect(errorCode(await call('cobuilding', 'edit', { agreementId: a.id, version: 2, items: items() }, as('community_staff')))).toBe('INVALID_TRANSITION');
    expect(errorCode(await call('cobuilding', 'edit', { agreementId: a.id, version: 2, title: '改名' }, housingStaff))).toBe('INVALID_TRANSITION');
    expect(errorCode(await call('cobuilding', 'sign', { agreementId: a.id, version: 2 }, housingStaff))).toBe('INVALID_TRANSITION');
    expect(await rowCounts()).toEqual(before);
    expect(
      (await q('SELECT kind, promised FROM cobuilding_items WHERE agreementId = ? ORDER BY position', [a.id])).map((r) => [r.kind, Number(r.promised)]),
    ).toEqual([
      ['people', 12],
      ['money', 5_000_000],
      ['service_day', 4],
    ]);
  });

  describe('deliveries', () => {
    let a: AgreementDTO;
    beforeAll(async () => {
      a = await signBoth(ok(await draft(housingStaff)), housingStaff);
    });

    it('are recorded by the department’s staff with evidence and count for nothing until confirmed', async () => {
      const before = await rowCounts();
      expect(errorCode(await deliver(a.items[0].id, 3, as('community_staff')))).toBe('FORBIDDEN');
      expect(errorCode(await deliver(a.items[0].id, 3, enforcementStaff))).toBe('NOT_FOUND');
      expect(await deliver(a.items[0].id, 3, housingStaff, ['local/' + 'a'.repeat(64) + '.jpg'])).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'photoIds' } },
      });
      expect(await callRaw('cobuilding', 'deliver', { itemId: a.items[0].id, quantity: -1, note: '试' }, housingStaff)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'quantity' } },
      });
      expect(await rowCounts()).toEqual(before);

      const photo = storedPhoto('cobuilding-delivery');
      const d = ok(await deliver(a.items[0].id, 3, housingStaff, [photo]));
      expect(d).toMatchObject({ status: 'pending', statusLabel: '待确认', quantity: 3, recordedBy: '郑文斌', photos: [{ fileId: photo }], can: [] });
      const seen = ok(await call('cobuilding', 'get', { agreementId: a.id }, as('community_staff')));
      expect(seen.items[0]).toMatchObject({ delivered: 0, pending: 3, percent: 0 });
      const waiting = ok(await call('cobuilding', 'deliveries', { status: 'pending', agreementId: a.id }, as('community_staff'))).items;
      expect(waiting.map((x) => [x.id, x.can])).toEqual([[d.id, ['confirm', 'decline']]]);
      expect(ok(await call('cobuilding', 'deliveries', { agreementId: a.id }, as('community_staff_nd'))).items).toEqual([]);
    });

    it('is counted exactly once when confirmations race, and only by the community or the street', async () => {
      const d = ok(await deliver(a.items[0].id, 5, housingStaff));
      expect(errorCode(await call('cobuilding', 'confirm', { deliveryId: d.id }, housingStaff))).toBe('FORBIDDEN');
      expect(errorCode(await call('cobuilding', 'confirm', { deliveryId: d.id }, as('community_staff_nd')))).toBe('NOT_FOUND');
      expect(errorCode(await call('cobuilding', 'confirm', { deliveryId: d.id }, as('admin')))).toBe('FORBIDDEN');
      const before = Number((await q('SELECT delivered FROM cobuilding_items WHERE id = ?', [a.items[0].id]))[0].delivered);
      const results = await Promise.all(
        [as('community_staff'), as('street_staff'), as('community_staff'), as('street_staff'), as('community_staff'), as('street_staff')].map((who) =>
          call('cobuilding', 'confirm', { deliveryId: d.id }, who),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results) if (!r.ok) expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(r.error.code);
      expect(Number((await q('SELECT delivered FROM cobuilding_items WHERE id = ?', [a.items[0].id]))[0].delivered)).toBe(before + 5);
      expect(
        await n("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'cobuilding_delivery' AND subject_id = ? AND action = 'confirmed'", [d.id]),
      ).toBe(1);
      expect(ok(results.find((r) => r.ok)!)).toMatchObject({ status: 'confirmed', can: [] });
    });

    it('declined says why and never counts, even when a confirmation races it', async () => {
      const d = ok(await deliver(a.items[1].id, 1_000_000, housingStaff));
      expect(await callRaw('cobuilding', 'decline', { deliveryId: d.id, reason: '' }, as('community_staff'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'reason' } },
      });
      const declined = ok(await call('cobuilding', 'decline', { deliveryId: d.id, reason: '未见拨付凭证' }, as('community_staff')));
      expect(declined).toMatchObject({ status: 'declined', statusLabel: '未认可', declineReason: '未见拨付凭证', decidedBy: '杨晓燕' });
      expect(errorCode(await call('cobuilding', 'confirm', { deliveryId: d.id }, as('community_staff')))).toBe('INVALID_TRANSITION');
      expect(ok(await call('cobuilding', 'get', { agreementId: a.id }, housingStaff)).items[1]).toMatchObject({ delivered: 0, pending: 0 });

      const raced = ok(await deliver(a.items[1].id, 2_000_000, housingStaff));
      const results = await Promise.all([
        call('cobuilding', 'confirm', { deliveryId: raced.id }, as('community_staff')),
        call('cobuilding', 'decline', { deliveryId: raced.id, reason: '重复登记' }, as('street_staff')),
        call('cobuilding', 'confirm', { deliveryId: raced.id }, as('street_staff')),
        call('cobuilding', 'decline', { deliveryId: raced.id, reason: '重复登记' }, as('community_staff')),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const [row] = await q('SELECT status FROM cobuilding_deliveries WHERE id = ?', [raced.id]);
      const delivered = Number((await q('SELECT delivered FROM cobuilding_items WHERE id = ?', [a.items[1].id]))[0].delivered);
      expect(delivered).toBe(row.status === 'confirmed' ? 2_000_000 : 0);
      expect(
        await n(
          "SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'cobuilding_delivery' AND subject_id = ? AND action IN ('confirmed', 'declined')",
          [raced.id],
        ),
      ).toBe(1);
    });
  });

  it('reports progress per agreement and per department as computed by hand', async () => {
    // 综合行政执法局: A with 南街社区 (signed), B with 保宁街道 (signed), C with 南街社区 (a draft: promises nothing yet).
    const create = async (party: 'community' | 'street', list: TAgreementItem[]) =>
      ok(
        await call(
          'cobuilding',
          'create',
          {
            departmentId: enforcement,
            party,
            partyId: party === 'community' ? nanjie : baoning,
            title: `执法局共建（${party}）`,
            startsOn: day(-100),
            endsOn: day(100),
            items: list,
          },
          enforcementStaff,
        ),
      );
    const A = await signBoth(
      await create('community', [
        { kind: 'people', promised: 10, dueOn: day(-10), description: '执法进社区' },
        { kind: 'money', promised: 1_000_000, dueOn: day(30), description: '占道整治经费' },
        { kind: 'project', promised: 2, dueOn: day(-5), description: '背街小巷整治' },
        { kind: 'service_day', promised: 6, dueOn: day(60), description: '法律咨询日' },
      ]),
      enforcementStaff,
    );
    const B = await signBoth(
      await create('street', [
        { kind: 'people', promised: 5, dueOn: day(-1), description: '街道巡查' },
        { kind: 'money', promised: 500_000, dueOn: day(10), description: '街面秩序经费' },
      ]),
      enforcementStaff,
      as('street_staff'),
    );
    await create('community', [{ kind: 'people', promised: 100, dueOn: day(10), description: '草拟中' }]);
    const confirmed = async (itemId: number, quantity: number, by = as('community_staff')) =>
      ok(await call('cobuilding', 'confirm', { deliveryId: ok(await deliver(itemId, quantity, enforcementStaff)).id }, by));
    await confirmed(A.items[0].id, 4);
    await confirmed(A.items[0].id, 3);
    const waiting = ok(await deliver(A.items[0].id, 2, enforcementStaff));
    ok(
      await call('cobuilding', 'decline', { deliveryId: ok(await deliver(A.items[0].id, 5, enforcementStaff)).id, reason: '无签到表' }, as('community_staff')),
    );
    await confirmed(A.items[1].id, 1_000_000);
    await confirmed(A.items[2].id, 2);
    await confirmed(A.items[2].id, 1);
    await confirmed(B.items[1].id, 250_000, as('street_staff'));

    // item: [promised, delivered, pending, percent, overdue]
    const table = (x: AgreementDTO) => x.items.map((i) => [i.kind, i.promised, i.delivered, i.pending, i.percent, i.overdue]);
    const a = ok(await call('cobuilding', 'get', { agreementId: A.id }, as('community_staff')));
    expect(table(a)).toEqual([
      ['people', 10, 7, 2, 70, true],
      ['money', 1_000_000, 1_000_000, 0, 100, false],
      ['project', 2, 3, 0, 100, false],
      ['service_day', 6, 0, 0, 0, false],
    ]);
    expect(a.progress).toEqual({ items: 4, done: 2, overdue: 1 });
    const b = ok(await call('cobuilding', 'get', { agreementId: B.id }, as('street_staff')));
    expect(table(b)).toEqual([
      ['people', 5, 0, 0, 0, true],
      ['money', 500_000, 250_000, 0, 50, false],
    ]);

    const progress = async (who: string) => ok(await call('cobuilding', 'departments', { departmentId: enforcement }, who));
    const cityWide = {
      departmentId: enforcement,
      departmentName: '阆中市综合行政执法局',
      agreements: 2,
      items: 6,
      done: 2,
      overdue: 2,
      byKind: [
        { kind: 'people', kindLabel: '人员', unit: '人次', promised: 15, delivered: 7 },
        { kind: 'money', kindLabel: '资金', unit: '元', promised: 1_500_000, delivered: 1_250_000 },
        { kind: 'project', kindLabel: '项目', unit: '个', promised: 2, delivered: 3 },
        { kind: 'service_day', kindLabel: '服务日', unit: '天', promised: 6, delivered: 0 },
      ],
    };
    expect(await progress(as('admin'))).toEqual([cityWide]);
    expect(await progress(enforcementStaff)).toEqual([cityWide]);
    expect(await progress(as('street_staff'))).toEqual([cityWide]);
    // 南街社区 sees its own agreement only.
    expect(await progress(as('community_staff'))).toEqual([
      {
        ...cityWide,
        agreements: 1,
        items: 4,
        overdue: 1,
        byKind: [
          { kind: 'people', kindLabel: '人员', unit: '人次', promised: 10, delivered: 7 },
          { kind: 'money', kindLabel: '资金', unit: '元', promised: 1_000_000, delivered: 1_000_000 },
          { kind: 'project', kindLabel: '项目', unit: '个', promised: 2, delivered: 3 },
          { kind: 'service_day', kindLabel: '服务日', unit: '天', promised: 6, delivered: 0 },
        ],
      },
    ]);
    expect(await progress(as('community_staff_nd'))).toEqual([]);
    expect(await progress(as('resident'))).toEqual([]);

    // Closing: only the community, only with nothing waiting; a closed agreement is no longer overdue and takes no delivery.
    expect(errorCode(await call('cobuilding', 'close', { agreementId: A.id, note: '年度结束' }, enforcementStaff))).toBe('FORBIDDEN');
    expect(errorCode(await call('cobuilding', 'close', { agreementId: A.id, note: '年度结束' }, as('community_staff')))).toBe('INVALID_TRANSITION');
    ok(await call('cobuilding', 'decline', { deliveryId: waiting.id, reason: '与已确认的记录重复' }, as('community_staff')));
    const closed = ok(await call('cobuilding', 'close', { agreementId: A.id, note: '年度结束' }, as('community_staff')));
    expect(closed).toMatchObject({ status: 'closed', closeNote: '年度结束', can: [], progress: { items: 4, done: 2, overdue: 0 } });
    expect(errorCode(await deliver(A.items[3].id, 1, enforcementStaff))).toBe('INVALID_TRANSITION');
    expect(await progress(as('admin'))).toEqual([{ ...cityWide, overdue: 1 }]);
  });
  it('migrates down and up again: the three tables and their keys', async () => {
    const migration = new Cobuilding1766500000000();
    const q = db.ds.createQueryRunner();
    try {
      await migration.down(q);
      for (const t of ['cobuilding_agreements', 'cobuilding_items', 'cobuilding_deliveries']) expect(await q.hasTable(t)).toBe(false);
      await migration.up(q);
      expect((await q.getTable('cobuilding_items'))!.indices.map((i) => [i.name, i.isUnique])).toEqual([['UQ_cobuilding_items_agreementId_position', true]]);
      expect(await q.hasColumn('cobuilding_deliveries', 'declineReason')).toBe(true);
    } finally {
      await q.release();
    }
  });
});

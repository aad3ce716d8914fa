import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, communityIdOf, errorCode, newcomer, ok, orgId, personWithRole } from '../factories';

jest.setTimeout(120_000);

/**
 * Who learns what about an elder through the bookings API: existence of links and profiles, phone
 * tails, subsidy status. Issue 13, items 7–10.
 */
describe.each(DIALECTS)('bookings privacy on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  let otherCentreStaff: string;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
    // care_staff of another organisation: staff, but of no part in this centre's links.
    otherCentreStaff = await personWithRole(db.ds, 'care_staff', 'community', await communityIdOf(db.ds, '南街社区'), await orgId(db.ds, '管网疏通服务队'));
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  it('decideLink answers NOT_FOUND to anyone with no part in the link, exactly as for a missing one', async () => {
    ok(await call('bookings', 'registerElder', { centreId, name: '钱奶奶', phone: '10000007001', birthYear: 1941 }, as('care_staff')));
    const applicant = newcomer();
    const link = ok(await call('bookings', 'linkFamily', { centreId, elderName: '钱奶奶', phoneTail: '7001' }, applicant));
    const missing = link.id + 100_000;
    for (const stranger of [as('resident'), as('grid_worker'), as('community_staff'), otherCentreStaff, newcomer()]) {
      const real = await call('bookings', 'decideLink', { linkId: link.id, approve: true }, stranger);
      const none = await call('bookings', 'decideLink', { linkId: missing, approve: true }, stranger);
      expect([errorCode(real), errorCode(none)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      expect(!real.ok && !none.ok && real.error.message === none.error.message).toBe(true);
    }
    // The applicant has a part in it, but may not decide it.
    expect(errorCode(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, applicant))).toBe('FORBIDDEN');
    expect(ok(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, as('care_staff'))).status).toBe('verified');
  });
});

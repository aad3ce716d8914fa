import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ActionInput, ActionName, ActionOutput, TBindHouseholdRequest, Envelope, FunctionName, NeedDetailDTO } from '@hg/types';
import { localDay, localQuarter } from '@hg/types/local-time';
import { runAction } from '../cloud/src/core/action';
import { clock } from '../cloud/src/core/clock';
import { getDataSource } from '../cloud/src/core/data-source';
import { localPlatform } from '../cloud/src/core/platform';
import { FUNCTIONS } from '../cloud/src/app';
import { demoOpenid } from '../cloud/src/seed/demo-data';

/** Seeded people by their demo key (see cloud/src/seed/demo-data.ts). */
export const as = (key: string) => demoOpenid(key);

/** A person the seed does not know: a first-time WeChat user. */
export const newcomer = () => `test:${crypto.randomBytes(6).toString('hex')}`;

/**
 * Call an action through the same wrapper the functions and the gateway use, typed by the `Api`
 * catalogue: a misspelt action or a wrong input shape fails `npm run typecheck`, and the result is
 * the action's DTO.
 */
export function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
  openid: string | null = null,
): Promise<Envelope<ActionOutput<F, A>>> {
  return callRaw(fn, action, input as Record<string, unknown>, openid) as Promise<Envelope<ActionOutput<F, A>>>;
}

/** The same call with an unchecked input (and any function name): for tests of bad input. */
export function callRaw<T = unknown>(fn: string, action: string, input: Record<string, unknown> = {}, openid: string | null = null): Promise<Envelope<T>> {
  const table = (FUNCTIONS as Record<string, (typeof FUNCTIONS)[FunctionName]>)[fn];
  return runAction(table, { action, ...input }, { openid }, localPlatform('http://test.local/')) as Promise<Envelope<T>>;
}

/** Unwrap a successful envelope or fail the test with the error it carried. */
export function ok<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

export function errorCode(env: Envelope<unknown>): string | null {
  return env.ok ? null : env.error.code;
}

/** A valid binding request for a seeded compound, with overrides. */
export function buildBinding(
  ids: { compoundId: number; buildingId: number; unitId: number },
  overrides: Partial<TBindHouseholdRequest> = {},
): TBindHouseholdRequest {
  return { ...ids, room: '603', name: '测试居民', phone: '10000009999', relation: 'owner', ...overrides };
}

/**
 * A photo as the upload step leaves it: a file in the local store, referenced as `local/<sha>.jpg`.
 * Tests point UPLOAD_DIR at a temp folder first.
 */
export function storedPhoto(seed = Math.random().toString()): string {
  const sha = crypto.createHash('sha256').update(seed).digest('hex');
  const dir = process.env.UPLOAD_DIR!;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${sha}.jpg`), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  return `local/${sha}.jpg`;
}

/** The household id of a seeded person's verified home. */
export async function homeOf(ds: import('typeorm').DataSource, key: string): Promise<number> {
  const [row] = await ds.query(
    "SELECT m.householdId AS id FROM household_members m JOIN users u ON u.id = m.userId WHERE u.openid = ? AND m.status = 'verified'",
    [as(key)],
  );
  return Number(row.id);
}

export async function categoryId(ds: import('typeorm').DataSource, code: string): Promise<number> {
  const [row] = await ds.query('SELECT id FROM need_categories WHERE code = ?', [code]);
  return Number(row.id);
}

export async function orgId(ds: import('typeorm').DataSource, name: string): Promise<number> {
  const [row] = await ds.query('SELECT id FROM organisations WHERE name = ?', [name]);
  return Number(row.id);
}

/**
 * A new person with a verified binding to a fresh room of 锦屏花园 1栋1单元 — for tests that file
 * many needs, which one seeded resident could not (daily limit).
 */
export async function verifiedResident(ds: import('typeorm').DataSource): Promise<{ openid: string; householdId: number }> {
  const openid = newcomer();
  const room = `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const [unit] = await ds.query(
    "SELECT u.id, u.buildingId, b.compoundId, c.communityId FROM units u JOIN buildings b ON b.id = u.buildingId JOIN compounds c ON c.id = b.compoundId WHERE b.code = 'NJJP0101' AND u.name = '1单元'",
  );
  const at = '2026-01-01 00:00:00.000';
  await ds.query('INSERT INTO users (openid, name, phone, createdAt) VALUES (?, ?, ?, ?)', [openid, '测试居民', '10000001111', at]);
  const [{ id: userId }] = await ds.query('SELECT id FROM users WHERE openid = ?', [openid]);
  await ds.query('INSERT INTO households (unitId, buildingId, compoundId, communityId, room) VALUES (?, ?, ?, ?, ?)', [
    unit.id,
    unit.buildingId,
    unit.compoundId,
    unit.communityId,
    room,
  ]);
  const [{ id: householdId }] = await ds.query('SELECT id FROM households WHERE unitId = ? AND room = ?', [unit.id, room]);
  await ds.query(
    "INSERT INTO household_members (householdId, userId, buildingId, compoundId, communityId, relation, status, applicantName, applicantPhone, createdAt, updatedAt, verifiedAt) VALUES (?, ?, ?, ?, ?, 'owner', 'verified', '测试居民', '10000001111', ?, ?, ?)",
    [householdId, userId, unit.buildingId, unit.compoundId, unit.communityId, at, at, at],
  );
  return { openid, householdId: Number(householdId) };
}

/** Id of a seeded compound by its code (NJJP01 = 锦屏花园). */
export async function compoundIdOf(ds: import('typeorm').DataSource, code: string): Promise<number> {
  const [row] = await ds.query('SELECT id FROM compounds WHERE code = ?', [code]);
  return Number(row.id);
}

export async function communityIdOf(ds: import('typeorm').DataSource, name: string): Promise<number> {
  const [row] = await ds.query('SELECT id FROM communities WHERE name = ?', [name]);
  return Number(row.id);
}

/** A new person holding `role` on a node (scopeId 0 at city level); returns their openid. */
export async function personWithRole(
  ds: import('typeorm').DataSource,
  role: string,
  scopeLevel: string,
  scopeId: number,
  organisationId = 0,
  name = '测试人员',
): Promise<string> {
  const openid = newcomer();
  await ds.query("INSERT INTO users (openid, name, phone, createdAt) VALUES (?, ?, NULL, '2026-01-01 00:00:00.000')", [openid, name]);
  const [{ id }] = await ds.query('SELECT id FROM users WHERE openid = ?', [openid]);
  await ds.query('INSERT INTO role_assignments (userId, role, scopeLevel, scopeId, organisationId) VALUES (?, ?, ?, ?, ?)', [
    id,
    role,
    scopeLevel,
    scopeId,
    organisationId,
  ]);
  return openid;
}

/**
 * A new verified resident of a household in compound `code` (the n-th household by id), with the
 * given name and phone; returns their openid and household id.
 */
export async function residentOf(
  ds: import('typeorm').DataSource,
  code: string,
  nth = 0,
  name = '测试居民',
  phone = '10000009998',
): Promise<{ openid: string; householdId: number }> {
  const openid = newcomer();
  await ds.query("INSERT INTO users (openid, name, phone, createdAt) VALUES (?, ?, ?, '2026-01-01 00:00:00.000')", [openid, name, phone]);
  const [{ id: userId }] = await ds.query('SELECT id FROM users WHERE openid = ?', [openid]);
  const households = await ds.query(
    'SELECT h.id, h.buildingId, h.compoundId, h.communityId FROM households h JOIN compounds c ON c.id = h.compoundId WHERE c.code = ? ORDER BY h.id',
    [code],
  );
  const h = households[nth];
  await ds.query(
    `INSERT INTO household_members (householdId, userId, buildingId, compoundId, communityId, relation, status, applicantName, applicantPhone, rejectReason, verifiedBy, verifiedAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, 'owner', 'verified', ?, ?, NULL, NULL, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')`,
    [h.id, userId, h.buildingId, h.compoundId, h.communityId, name, phone],
  );
  return { openid, householdId: Number(h.id) };
}

// ---------------------------------------------------------------------------------------------
// Builders through the real actions. Every row they leave is written by the code under test
// (bind → verify, needs.create), so a test starts from states the product can reach, and a schema
// or rule change shows up here instead of in hand-written INSERTs.

/** A resident built by buildResident: a verified (or still pending) binding to a fresh room. */
export interface BuiltResident {
  openid: string;
  userId: number;
  householdId: number;
  membershipId: number;
}

export interface ResidentOverrides {
  /** The person (default: a newcomer). */
  openid?: string;
  /** Compound short code (default NJJP01, 锦屏花园). */
  compound?: string;
  /** Building and unit by name (default: the first of each, 1栋 / 1单元). */
  building?: string;
  unit?: string;
  /** Default: a fresh room, so every call registers a new household. */
  room?: string;
  name?: string;
  phone?: string;
  relation?: TBindHouseholdRequest['relation'];
  /** Who approves the binding (default the seeded building head of 1栋); null leaves it pending. */
  verifier?: string | null;
}

/** The actions read the process-wide DataSource: refuse to build into another one by mistake. */
async function sameDataSource(ds: import('typeorm').DataSource, what: string): Promise<void> {
  if ((await getDataSource()) !== ds) throw new Error(`${what}: the actions run on another DataSource (build after createTestDb, with its ds)`);
}

/**
 * A newcomer binds a room of a seeded compound (households.bind) and, unless `verifier` is null,
 * the building head approves it (households.verify). Returns the ids a test needs next.
 */
export async function buildResident(ds: import('typeorm').DataSource, overrides: ResidentOverrides = {}): Promise<BuiltResident> {
  await sameDataSource(ds, 'buildResident');
  const openid = overrides.openid ?? newcomer();
  const compound = ok(await call('community', 'resolveScene', { scene: `c=${overrides.compound ?? 'NJJP01'}` }));
  const buildings = ok(await call('community', 'listBuildings', { compoundId: compound.id }));
  const building = overrides.building ? buildings.find((b) => b.name === overrides.building) : buildings[0];
  if (!building) throw new Error(`buildResident: no building ${overrides.building} in ${compound.name}`);
  const unit = overrides.unit ? building.units.find((u) => u.name === overrides.unit) : building.units[0];
  if (!unit) throw new Error(`buildResident: no unit ${overrides.unit} in ${building.name}`);
  const room = overrides.room ?? `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const binding = buildBinding(
    { compoundId: compound.id, buildingId: building.id, unitId: unit.id },
    { room, name: overrides.name ?? '测试居民', phone: overrides.phone ?? '10000001111', relation: overrides.relation ?? 'owner' },
  );
  const pending = ok(await call('households', 'bind', binding, openid));
  const verifier = overrides.verifier === undefined ? as('building_head') : overrides.verifier;
  if (verifier !== null) ok(await call('households', 'verify', { membershipId: pending.id, approve: true }, verifier));
  const me = ok(await call('me', 'get', {}, openid));
  return { openid, userId: me.id, householdId: pending.householdId, membershipId: pending.id };
}

export interface NeedOverrides {
  /** Category code (default 'repair'). */
  category?: string;
  /** Who files it, for which household (default: a fresh verified resident from buildResident). */
  by?: { openid: string; householdId: number };
  description?: string;
  location?: string;
  photoIds?: string[];
  contactName?: string;
  contactPhone?: string;
}

/**
 * needs.create, then (when it succeeded) the new need's detail as its filer reads it: create
 * answers small (NeedChangeDTO), as the client opens the need's page next.
 */
export async function createNeedAs(input: ActionInput<'needs', 'create'>, openid: string): Promise<Envelope<NeedDetailDTO>> {
  const created = await call('needs', 'create', input, openid);
  return created.ok ? call('needs', 'get', { needId: created.data.id }, openid) : created;
}

/** A need filed through needs.create; returns its detail as the filer reads it (needs.get). */
export async function buildNeed(ds: import('typeorm').DataSource, overrides: NeedOverrides = {}): Promise<NeedDetailDTO> {
  await sameDataSource(ds, 'buildNeed');
  const { category = 'repair', by, ...rest } = overrides;
  const filer = by ?? (await buildResident(ds));
  const categories = ok(await call('needs', 'categories', {}, filer.openid));
  const found = categories.find((c) => c.code === category);
  if (!found) throw new Error(`buildNeed: no active category ${category}`);
  const created = ok(await call('needs', 'create', { categoryId: found.id, householdId: filer.householdId, description: '测试需求', ...rest }, filer.openid));
  return ok(await call('needs', 'get', { needId: created.id }, filer.openid));
}

/**
 * A lunch sitting published by the seeded centre staff through `bookings.saveSlot`: one hour long,
 * cut-off an hour before it starts, 12.00元 (overrides for capacities, dishes, price).
 */
export async function buildLunch(
  centreId: number,
  startsAt: Date,
  overrides: { capacityDineIn?: number; capacityDelivery?: number; dishes?: { name: string; tags: ('软烂' | '低盐' | '低糖' | '清真' | '素食')[] }[] } = {},
) {
  const HOUR = 3600 * 1000;
  const day = localDay(startsAt);
  return ok(
    await call(
      'bookings',
      'saveSlot',
      {
        centreId,
        kind: 'meal',
        day,
        sitting: 'lunch',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
        cutoffAt: new Date(startsAt.getTime() - HOUR).toISOString(),
        capacityDineIn: overrides.capacityDineIn ?? 10,
        capacityDelivery: overrides.capacityDelivery ?? 0,
        priceFen: 1200,
        ...(overrides.dishes ? { dishes: overrides.dishes } : {}),
      },
      as('care_staff'),
    ),
  );
}

/**
 * The rating period of the quarter that contains `at` in Beijing time (households rate only
 * between its first and last day), e.g. { code: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' }.
 */
export const quarterPeriod = (at: Date = clock.now()) => localQuarter(at);

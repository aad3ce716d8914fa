'use strict';
/**
 * Yardstick for the `me` cloud function (bench/cold-start.ts, bench/gateway.ts): what `me.get`
 * reads, hand-written as a plain WeChat cloud function — wx-server-sdk + better-sqlite3, raw SQL, no
 * ORM, no schemas. It answers the same envelope as the built bundle (`{ ok: true, data: MeDTO }`);
 * the bench checks that both answers are equal before it times anything. me-mysql.js is its twin.
 *
 * Reads, for the caller's OPENID (getWXContext, as WeChat injects it):
 *   1. the user by openid (created on first contact, as resolveActor does);
 *   2. the user's role assignments;
 *   3. the memberships joined with household, unit, building and compound (one query);
 *   4. only when roles are held: the names of the nodes they are held on, and their organisations.
 * Standalone on purpose: a folder with this file as index.js and better-sqlite3 installed.
 */
const cloud = require('wx-server-sdk');
const Database = require('better-sqlite3');

const ROLE_LABEL = {
  resident: '居民',
  unit_head: '单元长',
  building_head: '楼栋长',
  compound_head: '小区长',
  grid_worker: '网格员',
  party_member: '党员',
  community_staff: '社区工作人员',
  street_staff: '街道工作人员',
  org_staff: '接单方工作人员',
  care_staff: '日间照料中心工作人员',
  assessor: '考评员',
  admin: '管理员',
};
const STATUS_LABEL = { pending: '待审核', verified: '已认证', rejected: '未通过' };
const CAN = {
  verifyHouseholds: ['building_head', 'compound_head', 'community_staff'],
  fileForOthers: ['grid_worker', 'community_staff', 'building_head', 'compound_head', 'unit_head'],
  dispatchNeeds: ['community_staff', 'street_staff', 'admin'],
  receiveNeeds: ['org_staff'],
  claimNeeds: ['party_member'],
  printPosters: ['community_staff', 'compound_head', 'street_staff', 'admin'],
};

const MEMBERSHIPS = `
  SELECT m.id, m.householdId, m.status, m.relation, m.rejectReason, m.createdAt, m.verifiedAt,
         h.room, u.id AS uid, u.name AS uname, b.id AS bid, b.name AS bname, c.id AS cid, c.name AS cname
    FROM household_members m
    JOIN households h ON h.id = m.householdId
    JOIN units u ON u.id = h.unitId
    JOIN buildings b ON b.id = h.buildingId
    JOIN compounds c ON c.id = h.compoundId
   WHERE m.userId = ?
   ORDER BY m.id DESC`;

/** TypeORM stores SQLite datetimes as UTC 'YYYY-MM-DD HH:MM:SS.mmm'. */
const sqliteDate = (d) => d.toISOString().replace('T', ' ').replace('Z', '');
const isoOf = (s) => new Date(`${s.replace(' ', 'T')}Z`).toISOString();

/** A reader over one database file, opened as the bundle opens it (WAL, foreign keys, busy timeout). */
function createReader(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const statements = new Map();

  /** Statements are prepared once per warm instance; a `?` given an array grows to `?, ?, …`. */
  async function rows(sql, params) {
    const values = [];
    let i = 0;
    const text = sql.replace(/\?/g, () => {
      const p = params[i++];
      if (Array.isArray(p)) {
        values.push(...p);
        return p.map(() => '?').join(', ');
      }
      values.push(p instanceof Date ? sqliteDate(p) : p);
      return '?';
    });
    let st = statements.get(text);
    if (!st) statements.set(text, (st = db.prepare(text)));
    if (st.reader) return st.all(values);
    st.run(values);
    return [];
  }

  /** id → row for the given ids (none: no query), like byId in the cloud code. */
  async function byId(sql, ids) {
    const unique = [...new Set(ids)].filter((x) => x > 0);
    if (!unique.length) return new Map();
    return new Map((await rows(sql, [unique])).map((r) => [r.id, r]));
  }

  async function userByOpenid(openid) {
    const find = async () => (await rows('SELECT id, name, phone FROM users WHERE openid = ? LIMIT 1', [openid]))[0];
    let user = await find();
    if (!user) {
      try {
        await rows("INSERT INTO users (openid, name, phone, createdAt) VALUES (?, '', NULL, ?)", [openid, new Date()]);
      } catch (err) {
        if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
      }
      user = await find();
    }
    return user;
  }

  async function presentRoles(roles) {
    const ids = (level) => roles.filter((r) => r.scopeLevel === level).map((r) => r.scopeId);
    const names = new Map();
    for (const [level, table] of [
      ['street', 'streets'],
      ['community', 'communities'],
      ['compound', 'compounds'],
    ]) {
      for (const [id, r] of await byId(`SELECT id, name FROM ${table} WHERE id IN (?)`, ids(level))) names.set(`${level}:${id}`, r.name);
    }
    // A building's or unit's name alone is ambiguous: prefix its parents, as the action does.
    const buildings = await byId(
      'SELECT b.id, b.name, c.name AS cname FROM buildings b LEFT JOIN compounds c ON c.id = b.compoundId WHERE b.id IN (?)',
      ids('building'),
    );
    for (const [id, r] of buildings) names.set(`building:${id}`, `${r.cname || ''}${r.name}`);
    const units = await byId(
      'SELECT u.id, u.name, b.name AS bname, c.name AS cname FROM units u LEFT JOIN buildings b ON b.id = u.buildingId LEFT JOIN compounds c ON c.id = b.compoundId WHERE u.id IN (?)',
      ids('unit'),
    );
    for (const [id, r] of units) names.set(`unit:${id}`, `${r.cname || ''}${r.bname || ''}${r.name}`);
    const orgs = await byId(
      'SELECT id, name FROM organisations WHERE id IN (?)',
      roles.map((r) => r.organisationId),
    );
    return roles.map((r) => ({
      role: r.role,
      roleLabel: ROLE_LABEL[r.role],
      scopeLevel: r.scopeLevel,
      scopeId: r.scopeLevel === 'city' ? null : r.scopeId,
      scopeName: r.scopeLevel === 'city' ? '阆中市' : (names.get(`${r.scopeLevel}:${r.scopeId}`) ?? ''),
      organisation: r.organisationId ? { id: r.organisationId, name: orgs.get(r.organisationId)?.name ?? '' } : null,
    }));
  }

  /** The `me.get` data for an openid. */
  async function readMe(openid) {
    const user = await userByOpenid(openid);
    const roles = await rows('SELECT role, scopeLevel, scopeId, organisationId FROM role_assignments WHERE userId = ? ORDER BY id', [user.id]);
    const memberships = (await rows(MEMBERSHIPS, [user.id])).map((m) => ({
      id: m.id,
      householdId: m.householdId,
      status: m.status,
      statusLabel: STATUS_LABEL[m.status],
      relation: m.relation,
      compound: { id: m.cid, name: m.cname },
      building: { id: m.bid, name: m.bname },
      unit: { id: m.uid, name: m.uname },
      room: m.room,
      address: `${m.cname}${m.bname}${m.uname}${m.room}`,
      rejectReason: m.rejectReason,
      createdAt: isoOf(m.createdAt),
      verifiedAt: m.verifiedAt ? isoOf(m.verifiedAt) : null,
    }));
    const can = {};
    for (const [k, set] of Object.entries(CAN)) can[k] = roles.some((r) => set.includes(r.role));
    return {
      id: user.id,
      name: user.name,
      phone: user.phone,
      roles: await presentRoles(roles),
      memberships,
      verifiedResident: memberships.some((m) => m.status === 'verified'),
      can,
    };
  }

  return { readMe, end: async () => db.close() };
}

// One reader per warm instance, created on the first call (as the bundle initialises its DataSource).
let reader = null;

exports.main = async (event, context) => {
  if (!reader) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    reader = createReader(process.env.SQLITE_PATH);
  }
  const { OPENID } = cloud.getWXContext();
  if (!OPENID) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
  if (!event || event.action !== 'get') return { ok: false, error: { code: 'NOT_FOUND', message: '未知的操作' } };
  try {
    return { ok: true, data: await reader.readMe(OPENID) };
  } catch (err) {
    console.error(err);
    return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
  }
};

/** For the bare raw-SQL HTTP handler in bench/gateway.ts. */
exports.createReader = createReader;

import { In, type EntityManager, type FindOptionsWhere, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { OrgKind, ScopeLevel } from '@hg/types';
import { byId } from '../../core/by-id';
import { Building } from './building.entity';
import { Community } from './community.entity';
import { Compound } from './compound.entity';
import { OrganisationCompound } from './organisation-compound.entity';
import { Organisation } from './organisation.entity';
import { Street } from './street.entity';
import { Unit } from './unit.entity';

/**
 * Reads of the hierarchy and its organisations for other modules: batch reads by id (one query
 * per kind, for presenters of lists), filtered lists, place names, and a join other modules add to
 * their own query so a list stays one statement. Rows come back as plain reads; only community
 * writes these tables.
 */

/** Rows as other modules read them (types only: the tables are reached through the functions here). */
export type CompoundRow = Compound;
export type BuildingRow = Building;
export type OrganisationRow = Organisation;
export type CommunityRow = Community;

export const compoundsByIds = (em: EntityManager, ids: readonly (number | null | undefined)[]) => byId(em, Compound, ids);
export const buildingsByIds = (em: EntityManager, ids: readonly (number | null | undefined)[]) => byId(em, Building, ids);
export const unitsByIds = (em: EntityManager, ids: readonly (number | null | undefined)[]) => byId(em, Unit, ids);
export const communitiesByIds = (em: EntityManager, ids: readonly (number | null | undefined)[]) => byId(em, Community, ids);
export const organisationsByIds = (em: EntityManager, ids: readonly (number | null | undefined)[]) => byId(em, Organisation, ids);

/** A building of this compound, or null (a building id from input is checked against its compound). */
export function buildingOf(em: EntityManager, compoundId: number, buildingId: number): Promise<Building | null> {
  return em.findOne(Building, { where: { id: buildingId, compoundId } });
}

/** Does this compound exist? */
export function compoundExists(em: EntityManager, id: number): Promise<boolean> {
  return em.exists(Compound, { where: { id } });
}

/** Compounds by id order; every filter given must hold (`ids` empty → none). */
export function compoundsWhere(
  em: EntityManager,
  filter: { ids?: readonly number[]; propertyOrgId?: number; streetId?: number; communityId?: number } = {},
): Promise<Compound[]> {
  if (filter.ids && !filter.ids.length) return Promise.resolve([]);
  const where: FindOptionsWhere<Compound> = {};
  if (filter.ids) where.id = In([...new Set(filter.ids)]);
  if (filter.propertyOrgId !== undefined) where.propertyOrgId = filter.propertyOrgId;
  if (filter.streetId !== undefined) where.streetId = filter.streetId;
  if (filter.communityId !== undefined) where.communityId = filter.communityId;
  return em.find(Compound, { where, order: { id: 'ASC' } });
}

/** A node a role sits on (identity's assignments have this shape). */
export interface HeldScope {
  scopeLevel: ScopeLevel;
  scopeId: number;
}

/**
 * The compounds a property firm serves (propertyOrgId set) under any of these nodes — a role on
 * the city, a street, a community or the compound itself covers it; one on a building or unit
 * does not — in id order, filtered in SQL rather than read city-wide and filtered in JS.
 */
export function servedCompoundsUnder(em: EntityManager, held: readonly HeldScope[]): Promise<Compound[]> {
  const qb = em.createQueryBuilder(Compound, 'c').where('c.propertyOrgId IS NOT NULL').orderBy('c.id', 'ASC');
  if (!held.some((h) => h.scopeLevel === 'city')) {
    const column = { street: 'streetId', community: 'communityId', compound: 'id' } as Partial<Record<ScopeLevel, string>>;
    const parts: string[] = [];
    const params: Record<string, number> = {};
    held.forEach((h, i) => {
      if (!column[h.scopeLevel]) return;
      parts.push(`c.${column[h.scopeLevel]} = :held${i}`);
      params[`held${i}`] = h.scopeId;
    });
    if (!parts.length) return Promise.resolve([]);
    qb.andWhere(`(${parts.join(' OR ')})`, params);
  }
  return qb.getMany();
}

/**
 * Which (firm, compound type) pairs serve compounds in a place (the city when no filter), as a
 * select of `firmId` and `compoundType` — not run: a board of firm results joins it, filtering in
 * the one statement that reads the results.
 */
export function firmServiceQuery(em: EntityManager, place: { streetId?: number; communityId?: number } = {}): SelectQueryBuilder<Compound> {
  const qb = em
    .createQueryBuilder(Compound, 'svc')
    .select('svc.propertyOrgId', 'firmId')
    .addSelect('svc.type', 'compoundType')
    .distinct(true)
    .where('svc.propertyOrgId IS NOT NULL');
  if (place.streetId !== undefined) qb.andWhere('svc.streetId = :svcStreetId', { svcStreetId: place.streetId });
  if (place.communityId !== undefined) qb.andWhere('svc.communityId = :svcCommunityId', { svcCommunityId: place.communityId });
  return qb;
}

/** Communities by id order: these (`'all'` for every one), or those of these streets. */
export function communitiesWhere(em: EntityManager, filter: { ids: readonly number[] | 'all' } | { streetIds: readonly number[] }): Promise<Community[]> {
  if ('streetIds' in filter) {
    return filter.streetIds.length ? em.find(Community, { where: { streetId: In([...filter.streetIds]) }, order: { id: 'ASC' } }) : Promise.resolve([]);
  }
  if (filter.ids === 'all') return em.find(Community, { order: { id: 'ASC' } });
  return filter.ids.length ? em.find(Community, { where: { id: In([...filter.ids]) }, order: { id: 'ASC' } }) : Promise.resolve([]);
}

/** One organisation, of this kind if given, or null. */
export function organisationById(em: EntityManager, id: number, kind?: OrgKind): Promise<Organisation | null> {
  return em.findOne(Organisation, { where: kind ? { id, kind } : { id } });
}

/**
 * A property firm and the compounds it serves (propertyOrgId), in one statement: the firm LEFT
 * JOIN its compounds. Null when there is no organisation of that id and kind.
 */
export async function firmWithCompounds(em: EntityManager, firmId: number): Promise<{ firm: Organisation; compounds: Compound[] } | null> {
  const firm = await em
    .createQueryBuilder(Organisation, 'o')
    .leftJoinAndMapMany('o.served', Compound, 'c', 'c.propertyOrgId = o.id')
    .where('o.id = :firmId AND o.kind = :kind', { firmId, kind: 'property_firm' })
    .orderBy('c.id', 'ASC')
    .getOne();
  if (!firm) return null;
  const { served, ...rest } = firm as Organisation & { served?: Compound[] };
  return { firm: Object.assign(new Organisation(), rest), compounds: served ?? [] };
}

/** Organisations by id order; every filter given must hold (`ids` empty → none). */
export function organisationsWhere(em: EntityManager, filter: { ids?: readonly number[]; kind?: OrgKind } = {}): Promise<Organisation[]> {
  if (filter.ids && !filter.ids.length) return Promise.resolve([]);
  const where: FindOptionsWhere<Organisation> = {};
  if (filter.ids) where.id = In([...new Set(filter.ids)]);
  if (filter.kind) where.kind = filter.kind;
  return em.find(Organisation, { where, order: { id: 'ASC' } });
}

/** Organisations linked to any of these compounds (organisation_compounds), of this kind if given, by id. */
export async function organisationsLinkedTo(em: EntityManager, compoundIds: readonly number[], kind?: OrgKind): Promise<Organisation[]> {
  if (!compoundIds.length) return [];
  const links = await em.find(OrganisationCompound, { where: { compoundId: In([...compoundIds]) } });
  if (!links.length) return [];
  return organisationsWhere(em, { ids: links.map((l) => l.organisationId), kind });
}

/**
 * Every organisation around a compound, by id: its property firm, those linked to it, the teams
 * of its community and the city's departments.
 */
export async function organisationsAround(em: EntityManager, compound: Pick<Compound, 'id' | 'communityId' | 'propertyOrgId'>): Promise<Organisation[]> {
  const links = await em.find(OrganisationCompound, { where: { compoundId: compound.id } });
  return em
    .createQueryBuilder(Organisation, 'o')
    .where('o.id IN (:...ids)', { ids: [compound.propertyOrgId ?? 0, ...links.map((l) => l.organisationId), 0] })
    .orWhere('o.communityId = :communityId', { communityId: compound.communityId })
    .orWhere("o.kind = 'department'")
    .orderBy('o.id', 'ASC')
    .getMany();
}

/**
 * One organisation if it is among `organisationsAround` the compound (its property firm, linked to
 * it, of its community, or a city department), else null: a single statement, for checking one
 * dispatch target without reading them all.
 */
export function organisationServing(em: EntityManager, compoundId: number, organisationId: number): Promise<Organisation | null> {
  return em
    .createQueryBuilder(Organisation, 'o')
    .where('o.id = :organisationId', { organisationId })
    .andWhere(
      `(o.kind = 'department'
        OR EXISTS (SELECT 1 FROM compounds c WHERE c.id = :compoundId AND (c.propertyOrgId = o.id OR c.communityId = o.communityId))
        OR EXISTS (SELECT 1 FROM organisation_compounds l WHERE l.compoundId = :compoundId AND l.organisationId = o.id))`,
      { compoundId },
    )
    .getOne();
}

/** A place's or organisation's name, as lists show them. */
export interface NamedRows {
  compounds: Map<number, { id: number; name: string }>;
  buildings: Map<number, { id: number; name: string }>;
  organisations: Map<number, { id: number; name: string; kind: OrgKind }>;
}

/**
 * The names of these compounds, buildings and organisations in ONE statement (UNION ALL), for a
 * page of a work list that shows all three; none asked for, no statement.
 */
export async function namesOf(
  em: EntityManager,
  ids: { compoundIds: readonly number[]; buildingIds: readonly number[]; organisationIds: readonly number[] },
): Promise<NamedRows> {
  const out: NamedRows = { compounds: new Map(), buildings: new Map(), organisations: new Map() };
  const wanted = (xs: readonly number[]) => [...new Set(xs)].filter((x) => Number.isInteger(x) && x > 0);
  const parts: { kind: 'c' | 'b' | 'o'; table: string; kindColumn: string; ids: number[] }[] = [
    { kind: 'c' as const, table: em.connection.getMetadata(Compound).tableName, kindColumn: 'NULL', ids: wanted(ids.compoundIds) },
    { kind: 'b' as const, table: em.connection.getMetadata(Building).tableName, kindColumn: 'NULL', ids: wanted(ids.buildingIds) },
    { kind: 'o' as const, table: em.connection.getMetadata(Organisation).tableName, kindColumn: 'x.kind', ids: wanted(ids.organisationIds) },
  ].filter((p) => p.ids.length > 0);
  if (!parts.length) return out;
  const q = (name: string) => em.connection.driver.escape(name);
  const sql = parts
    .map((p) => `SELECT '${p.kind}' AS ${q('t')}, x.id AS ${q('id')}, x.name AS ${q('name')}, ${p.kindColumn} AS ${q('kind')} FROM ${q(p.table)} x WHERE x.id IN (${p.ids.map(() => '?').join(', ')})`)
    .join(' UNION ALL ');
  const rows: { t: string; id: number | string; name: string; kind: OrgKind | null }[] = await em.query(sql, parts.flatMap((p) => p.ids));
  for (const r of rows) {
    const id = Number(r.id);
    if (r.t === 'c') out.compounds.set(id, { id, name: r.name });
    else if (r.t === 'b') out.buildings.set(id, { id, name: r.name });
    else out.organisations.set(id, { id, name: r.name, kind: r.kind as OrgKind });
  }
  return out;
}

const NODE_ENTITY = { street: Street, community: Community, compound: Compound, building: Building, unit: Unit } as const;
type Node = keyof typeof NODE_ENTITY;

/**
 * The human name of each node ("南街社区", "锦屏花园3栋", "锦屏花园3栋1单元"), keyed `level:id`.
 * A building's or unit's own name is ambiguous, so its parents prefix it. One query per level and
 * parent kind asked for.
 */
export async function placeNames(em: EntityManager, nodes: ReadonlyArray<{ level: ScopeLevel; id: number }>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const idsAt = (level: Node) => nodes.filter((n) => n.level === level).map((n) => n.id);
  for (const level of ['street', 'community', 'compound'] as const) {
    const rows = await byId(em, NODE_ENTITY[level] as new () => { id: number; name: string }, idsAt(level));
    for (const [id, row] of rows) names.set(`${level}:${id}`, row.name);
  }
  const buildings = await byId(em, Building, idsAt('building'));
  const compounds = await byId(
    em,
    Compound,
    [...buildings.values()].map((b) => b.compoundId),
  );
  for (const b of buildings.values()) names.set(`building:${b.id}`, `${compounds.get(b.compoundId)?.name ?? ''}${b.name}`);
  const units = await byId(em, Unit, idsAt('unit'));
  const unitBuildings = await byId(
    em,
    Building,
    [...units.values()].map((u) => u.buildingId),
  );
  const unitCompounds = await byId(
    em,
    Compound,
    [...unitBuildings.values()].map((b) => b.compoundId),
  );
  for (const u of units.values()) {
    const b = unitBuildings.get(u.buildingId);
    names.set(`unit:${u.id}`, `${unitCompounds.get(b?.compoundId ?? 0)?.name ?? ''}${b?.name ?? ''}${u.name}`);
  }
  return names;
}

/**
 * Add the unit, building and compound a row sits in to another module's query, so a list and its
 * place names stay one statement: inner joins on the given id columns (`'h.unitId'`), selecting
 * `uid`/`uname`, `bid`/`bname` and `cid`/`cname`.
 */
export function joinPlaceNames<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  on: { unitId: string; buildingId: string; compoundId: string },
): SelectQueryBuilder<T> {
  return qb
    .innerJoin(Unit, 'u', `u.id = ${on.unitId}`)
    .innerJoin(Building, 'b', `b.id = ${on.buildingId}`)
    .innerJoin(Compound, 'c', `c.id = ${on.compoundId}`)
    .addSelect(['u.id AS uid', 'u.name AS uname', 'b.id AS bid', 'b.name AS bname', 'c.id AS cid', 'c.name AS cname']);
}

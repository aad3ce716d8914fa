import { In, IsNull, Like, type EntityManager } from 'typeorm';
import type { Role } from '@hg/types';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';

/** People by id, for presenters of other modules (names, masked phones, openids for messages). */
export async function usersById(em: EntityManager, ids: readonly (number | null | undefined)[]): Promise<Map<number, User>> {
  const unique = [...new Set(ids)].filter((x): x is number => typeof x === 'number' && x > 0);
  if (!unique.length) return new Map();
  const rows = await em.find(User, { where: { id: In(unique) } });
  return new Map(rows.map((u) => [u.id, u]));
}

/**
 * People by id with their first role held now (null: none — a resident, or every post ended), in ONE statement: who
 * wrote a comment or took a step, as timelines label them (「社区工作人员 杨晓燕」).
 */
export async function namesWithFirstRole(em: EntityManager, ids: readonly number[]): Promise<Map<number, { name: string; role: Role | null }>> {
  const unique = [...new Set(ids)].filter((x) => x > 0);
  if (!unique.length) return new Map();
  const rows = await em
    .createQueryBuilder(User, 'u')
    .leftJoin(RoleAssignment, 'r', 'r.userId = u.id AND r.endedAt IS NULL')
    .select('u.id', 'id')
    .addSelect('u.name', 'name')
    .addSelect('r.role', 'role')
    .where('u.id IN (:...ids)', { ids: unique })
    .orderBy('u.id', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .getRawMany<{ id: number | string; name: string; role: Role | null }>();
  const out = new Map<number, { name: string; role: Role | null }>();
  for (const r of rows) if (!out.has(Number(r.id))) out.set(Number(r.id), { name: r.name, role: r.role });
  return out;
}

/**
 * Fill in a person's name and phone where they are still empty (first household binding): never
 * overwrites what the person set themselves. Compare-and-set on the empty value.
 */
export async function fillProfileIfEmpty(em: EntityManager, userId: number, profile: { name?: string; phone?: string }): Promise<void> {
  if (profile.name) await em.update(User, { id: userId, name: '' }, { name: profile.name });
  if (profile.phone) await em.update(User, { id: userId, phone: IsNull() }, { phone: profile.phone });
}

/** Set one's own name and/or phone (the `me.update` action). */
export async function updateProfile(em: EntityManager, userId: number, patch: { name?: string; phone?: string }): Promise<void> {
  const set: Partial<User> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (Object.keys(set).length) await em.update(User, { id: userId }, set);
}

/** People whose openid starts with `prefix` (the seeded `demo:` accounts), oldest first. */
export function usersWithOpenidPrefix(em: EntityManager, prefix: string): Promise<User[]> {
  return em.find(User, { where: { openid: Like(`${prefix}%`) }, order: { id: 'ASC' } });
}

/** One person by id, or null. */
export function userById(em: EntityManager, id: number): Promise<User | null> {
  return em.findOne(User, { where: { id } });
}

/**
 * Register a person with a known openid and profile (the demo city's people; a WeChat user is
 * registered on first contact by the actor resolver instead). Returns the new user's id.
 */
export async function createUser(em: EntityManager, person: { openid: string; name: string; phone: string | null; createdAt: Date }): Promise<number> {
  const user = await em.save(em.create(User, person));
  return user.id;
}

/** Up to `take` accounts using this phone, oldest first (任命 finds the appointee by it and refuses when it names several). */
export function usersWithPhone(em: EntityManager, phone: string, take: number): Promise<Pick<User, 'id' | 'name'>[]> {
  return em.find(User, { where: { phone }, select: { id: true, name: true }, order: { id: 'ASC' }, take });
}

/**
 * The one account using this phone, or null when none or several do (phones are not unique keys):
 * centre staff name a family member by the phone of their account to link them to an elder.
 */
export async function userByPhone(em: EntityManager, phone: string): Promise<Pick<User, 'id' | 'name'> | null> {
  const rows = await em.find(User, { where: { phone }, select: { id: true, name: true }, take: 2 });
  return rows.length === 1 ? rows[0] : null;
}

import type { DataSource } from 'typeorm';
import { In, Like } from 'typeorm';
import { ROLE_LABEL, type DemoUsersDTO, type Role } from '@hg/types';
import { HouseholdMember } from '../src/modules/households/household-member.entity';
import { presentMemberships } from '../src/modules/households/household.presenter';
import { presentRoles } from '../src/modules/users/role.presenter';
import { RoleAssignment } from '../src/modules/users/role-assignment.entity';
import { User } from '../src/modules/users/user.entity';

/**
 * The demo login list: every seeded person (openid `demo:*`) grouped by role. Exists only in the
 * local gateway, and only while DEMO_LOGIN is not "off".
 */
export async function listDemoUsers(ds: DataSource): Promise<DemoUsersDTO> {
  const users = await ds.manager.find(User, { where: { openid: Like('demo:%') }, order: { id: 'ASC' } });
  const ids = users.map((u) => u.id);
  const roles = ids.length ? await ds.manager.find(RoleAssignment, { where: { userId: In(ids) }, order: { id: 'ASC' } }) : [];
  const members = ids.length ? await ds.manager.find(HouseholdMember, { where: { userId: In(ids), status: 'verified' } }) : [];
  const homes = await presentMemberships(ds.manager, members);
  const groups = new Map<string, DemoUsersDTO['groups'][number]>();
  const add = (role: Role | 'resident' | 'newcomer', label: string, user: DemoUsersDTO['groups'][number]['users'][number]) => {
    if (!groups.has(role)) groups.set(role, { role, label, users: [] });
    groups.get(role)!.users.push(user);
  };
  for (const u of users) {
    const held = roles.filter((r) => r.userId === u.id);
    const presented = await presentRoles(ds.manager, held.map((r) => ({ role: r.role, scopeLevel: r.scopeLevel, scopeId: r.scopeId, organisationId: r.organisationId })));
    const name = u.name || '新用户（未填写姓名）';
    for (const r of presented) {
      add(r.role, r.roleLabel, { id: u.id, name, roleLabel: r.roleLabel, scopeName: r.organisation ? `${r.scopeName} · ${r.organisation.name}` : r.scopeName });
    }
    if (!held.length) {
      const home = homes.find((_, i) => members[i].userId === u.id);
      if (home) add('resident', ROLE_LABEL.resident, { id: u.id, name, roleLabel: ROLE_LABEL.resident, scopeName: home.address });
      else add('newcomer', '未认证用户', { id: u.id, name, roleLabel: '未认证用户', scopeName: '尚未绑定房屋' });
    }
  }
  const order = ['resident', 'newcomer', 'unit_head', 'building_head', 'compound_head', 'grid_worker', 'party_member', 'community_staff', 'street_staff', 'org_staff', 'care_staff', 'assessor', 'admin'];
  return { demo: true, groups: [...groups.values()].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)) };
}

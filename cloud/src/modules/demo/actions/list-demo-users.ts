import { ROLE_LABEL, ZEmptyRequest, type DemoUsersDTO, type Role } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { presentMemberships, verifiedMembershipsOf } from '../../households/public';
import { listRoleAssignments, usersWithOpenidPrefix } from '../../identity/public';
import { presentRoles } from '../../me/public';

const ORDER = [
  'resident',
  'newcomer',
  'unit_head',
  'building_head',
  'compound_head',
  'grid_worker',
  'party_member',
  'community_staff',
  'street_staff',
  'org_staff',
  'care_staff',
  'assessor',
  'admin',
];

/**
 * The demo login list: every seeded person (openid `demo:*`) grouped by role. Only the local
 * gateway calls it (as the system), and only while demo login is on.
 */
export const listDemoUsers = definePublicAction({
  input: ZEmptyRequest,
  async handler(_input, { ds, system }): Promise<DemoUsersDTO> {
    if (!system) throw forbidden('演示登录只在本地网关中提供');
    const users = await usersWithOpenidPrefix(ds.manager, 'demo:');
    const ids = users.map((u) => u.id);
    const roles = await listRoleAssignments(ds.manager, ids);
    const members = await verifiedMembershipsOf(ds.manager, ids);
    const homes = await presentMemberships(ds.manager, members);
    const groups = new Map<string, DemoUsersDTO['groups'][number]>();
    const add = (role: Role | 'resident' | 'newcomer', label: string, user: DemoUsersDTO['groups'][number]['users'][number]) => {
      if (!groups.has(role)) groups.set(role, { role, label, users: [] });
      groups.get(role)!.users.push(user);
    };
    for (const u of users) {
      const held = roles.get(u.id) ?? [];
      const presented = await presentRoles(ds.manager, held);
      const name = u.name || '新用户（未填写姓名）';
      for (const r of presented) {
        add(r.role, r.roleLabel, {
          id: u.id,
          name,
          roleLabel: r.roleLabel,
          scopeName: r.organisation ? `${r.scopeName} · ${r.organisation.name}` : r.scopeName,
        });
      }
      if (!held.length) {
        const home = homes.find((_, i) => members[i].userId === u.id);
        if (home) add('resident', ROLE_LABEL.resident, { id: u.id, name, roleLabel: ROLE_LABEL.resident, scopeName: home.address });
        else add('newcomer', '未认证用户', { id: u.id, name, roleLabel: '未认证用户', scopeName: '尚未绑定房屋' });
      }
    }
    return { demo: true, groups: [...groups.values()].sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role)) };
  },
});

import type { MeDTO } from '@hg/types';
import { PARTY_BRANCH_ROLES } from '@hg/types/roles';

/** The communities whose branch the signed-in person stands for (the server checks each again). */
export function branchCommunities(profile: MeDTO | null): { id: number; name: string }[] {
  const out = new Map<number, string>();
  for (const r of profile?.roles ?? []) if (PARTY_BRANCH_ROLES.includes(r.role) && r.scopeLevel === 'community' && r.scopeId) out.set(r.scopeId, r.scopeName);
  return [...out].map(([id, name]) => ({ id, name }));
}

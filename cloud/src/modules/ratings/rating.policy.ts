import { STAFF_ROLES } from '@hg/types';
import { holdsRoleOver, isAssessorOver, type Actor } from '../identity/public';
import type { CompoundRow } from '../community/public';

/** Staff of the firm itself (they may reply, never rate). */
export const isFirmStaff = (actor: Actor, firmId: number) => actor.roles.some((r) => r.role === 'org_staff' && r.organisationId === firmId);

const pathOf = (c: CompoundRow) => ({ streetId: c.streetId, communityId: c.communityId, compoundId: c.id });

/** An assessor whose scope covers at least one compound the firm serves. */
export const assessesFirm = (actor: Actor, served: readonly CompoundRow[]) => served.some((c) => isAssessorOver(actor, pathOf(c)));

/** Community / street staff or admins over a compound: they moderate its comments and see previews. */
export const staffOver = (actor: Actor, c: Pick<CompoundRow, 'streetId' | 'communityId'>) =>
  holdsRoleOver(actor, STAFF_ROLES, { streetId: c.streetId, communityId: c.communityId });

/** Who sees a firm's live preview of the open period: its staff, assessors and community staff over it. */
export const seesPreview = (actor: Actor, firmId: number, served: readonly CompoundRow[]) =>
  isFirmStaff(actor, firmId) || assessesFirm(actor, served) || served.some((c) => staffOver(actor, c));

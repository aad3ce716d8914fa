import { z } from 'zod';
import { HouseholdRelation, MembershipStatus } from './enums';
import { LIMITS, ROOM_PATTERN } from './limits';

import { cursor, id, limit, optionalText, personName, phone } from './primitives';

/**
 * Request schemas, one per action, named Z<Action>Request with the inferred T<Action>Request.
 * `.strict()` everywhere: an unknown field is a client bug and is reported, not ignored.
 */

export const ZEmptyRequest = z.object({}).strict();
export type TEmptyRequest = z.infer<typeof ZEmptyRequest>;

export const ZUpdateMeRequest = z.object({ name: personName.optional(), phone: phone.optional() }).strict();
export type TUpdateMeRequest = z.infer<typeof ZUpdateMeRequest>;

export const ZResolveSceneRequest = z.object({ scene: z.string({ error: '缺少二维码参数' }).max(LIMITS.sceneMax * 3, '二维码参数过长') }).strict();
export type TResolveSceneRequest = z.infer<typeof ZResolveSceneRequest>;

export const ZCompoundRequest = z.object({ compoundId: id }).strict();
export type TCompoundRequest = z.infer<typeof ZCompoundRequest>;

export const ZListCompoundsRequest = z.object({ communityId: id.optional() }).strict();
export type TListCompoundsRequest = z.infer<typeof ZListCompoundsRequest>;

export const ZBindHouseholdRequest = z
  .object({
    compoundId: id,
    buildingId: id,
    unitId: id,
    room: z
      .string({ error: '请填写房号' })
      .trim()
      .min(1, '请填写房号')
      .max(LIMITS.roomMax, `房号不超过${LIMITS.roomMax}个字符`)
      .regex(ROOM_PATTERN, '房号只能包含数字、字母和-'),
    name: personName,
    phone,
    relation: z.enum(Object.values(HouseholdRelation) as [HouseholdRelation, ...HouseholdRelation[]], {
      error: '请选择与住户的关系',
    }),
  })
  .strict();
export type TBindHouseholdRequest = z.infer<typeof ZBindHouseholdRequest>;

export const ZVerifyQueueRequest = z
  .object({
    compoundId: id.optional(),
    status: z.enum(Object.values(MembershipStatus) as [MembershipStatus, ...MembershipStatus[]]).optional(),
    cursor,
    limit,
  })
  .strict();
export type TVerifyQueueRequest = z.infer<typeof ZVerifyQueueRequest>;

export const ZVerifyMembershipRequest = z
  .object({
    membershipId: id,
    approve: z.boolean({ error: '请选择通过或驳回' }),
    reason: optionalText(LIMITS.reasonMax, '理由'),
  })
  .strict()
  .refine((v) => v.approve || (v.reason && v.reason.length > 0), { message: '驳回时请填写理由', path: ['reason'] });
export type TVerifyMembershipRequest = z.infer<typeof ZVerifyMembershipRequest>;

export const ZLookupHouseholdRequest = z
  .object({
    unitId: id,
    room: z.string({ error: '请填写房号' }).trim().min(1, '请填写房号').max(LIMITS.roomMax).regex(ROOM_PATTERN, '房号只能包含数字、字母和-'),
  })
  .strict();
export type TLookupHouseholdRequest = z.infer<typeof ZLookupHouseholdRequest>;

/** 代办: the compounds the caller may file in, and the buildings and units of one of them within scope. */
export const ZProxyPlacesRequest = z.object({ compoundId: id.optional() }).strict();
export type TProxyPlacesRequest = z.infer<typeof ZProxyPlacesRequest>;

export const ZDemoLoginRequest = z.object({ userId: id }).strict();
export type TDemoLoginRequest = z.infer<typeof ZDemoLoginRequest>;

export { makeScene, parseScene } from './scene';

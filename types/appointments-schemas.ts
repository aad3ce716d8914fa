import { z } from 'zod';
import { APPOINTMENT_LIMITS, APPOINTMENT_RULES, type AppointableRole } from './appointments';
import { ScopeLevel } from './enums';
import { enumOf, id, optionalText, phone, text } from './primitives';

/** Request schemas of the `appointments` function. Same conventions as ./schemas.ts (strict, zh-CN). */

const appointableRole = z.enum(Object.keys(APPOINTMENT_RULES) as [AppointableRole, ...AppointableRole[]], { error: '请选择岗位' });

/**
 * Appoint the person using `phone` (their account's phone) to `role` on one node. `replace`
 * ends the place's current head in the same transaction (otherwise a second head is a CONFLICT).
 */
export const ZAppointRequest = z
  .object({
    role: appointableRole,
    scopeLevel: enumOf(ScopeLevel),
    scopeId: id,
    organisationId: id.optional(),
    phone,
    note: optionalText(APPOINTMENT_LIMITS.noteMax, '任命说明'),
    replace: z.boolean().optional(),
  })
  .strict();
export type TAppointRequest = z.input<typeof ZAppointRequest>;

/** End an active post; the reason is kept with the row. */
export const ZRevokeRequest = z.object({ id, reason: text(APPOINTMENT_LIMITS.reasonMax, '撤销原因') }).strict();
export type TRevokeRequest = z.input<typeof ZRevokeRequest>;

/** The posts of one street or community (the caller's first when omitted). */
export const ZListAppointmentsRequest = z
  .object({ level: z.enum(['street', 'community'], { error: '请选择街道或社区' }).optional(), id: id.optional() })
  .strict()
  .refine((v) => (v.level === undefined) === (v.id === undefined), { message: '街道或社区需同时给出层级和编号', path: ['id'] });
export type TListAppointmentsRequest = z.input<typeof ZListAppointmentsRequest>;

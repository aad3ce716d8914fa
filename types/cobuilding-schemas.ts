import { z } from 'zod';
import { AgreementParty, AgreementStatus, COBUILDING_LIMITS as L, DeliveryStatus, ItemKind } from './cobuilding';
import { PHOTO_ID_PATTERN } from './needs-schemas';
import { cursor, enumOf, id, isoDay, limit, text } from './primitives';

/** Request schemas of the `cobuilding` function (strict, zh-CN). */

const quantity = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(1, `${label}须大于0`)
    .max(L.quantityMax, `${label}过大`);

/** One committed item: its kind, how many (money in 分), by when, and what it is. */
export const ZAgreementItem = z
  .object({
    kind: enumOf(ItemKind),
    promised: quantity('承诺数量'),
    dueOn: isoDay,
    description: text(L.descriptionMax, '事项说明'),
  })
  .strict();
export type TAgreementItem = z.input<typeof ZAgreementItem>;

const items = z
  .array(ZAgreementItem, { error: '请填写共建事项' })
  .min(L.itemsMin, `至少${L.itemsMin}项共建事项`)
  .max(L.itemsMax, `最多${L.itemsMax}项共建事项`);

const periodOrdered = (p: { startsOn?: string; endsOn?: string }) => !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn;
const periodIssue = { message: '结束日期不能早于开始日期', path: ['endsOn'] };

export const ZAgreementRequest = z.object({ agreementId: id }).strict();
export type TAgreementRequest = z.infer<typeof ZAgreementRequest>;

export const ZListAgreementsRequest = z.object({ departmentId: id.optional(), status: enumOf(AgreementStatus).optional(), cursor, limit }).strict();
export type TListAgreementsRequest = z.input<typeof ZListAgreementsRequest>;

/** A department and a street or community agree for a period; drafted by either side's staff. */
export const ZCreateAgreementRequest = z
  .object({
    departmentId: id,
    party: enumOf(AgreementParty),
    /** The street's or the community's id, as `party` says. */
    partyId: id,
    title: text(L.titleMax, '协议名称'),
    startsOn: isoDay,
    endsOn: isoDay,
    items,
  })
  .strict()
  .refine(periodOrdered, periodIssue);
export type TCreateAgreementRequest = z.input<typeof ZCreateAgreementRequest>;

/** Draft only, against the version the editor read: the fields given replace the draft's. */
export const ZEditAgreementRequest = z
  .object({
    agreementId: id,
    version: z.number().int().min(1),
    title: text(L.titleMax, '协议名称').optional(),
    startsOn: isoDay.optional(),
    endsOn: isoDay.optional(),
    items: items.optional(),
  })
  .strict()
  .refine(periodOrdered, periodIssue);
export type TEditAgreementRequest = z.input<typeof ZEditAgreementRequest>;

export const ZSignAgreementRequest = z.object({ agreementId: id, version: z.number().int().min(1) }).strict();
export type TSignAgreementRequest = z.input<typeof ZSignAgreementRequest>;

export const ZCloseAgreementRequest = z.object({ agreementId: id, note: text(L.reasonMax, '结束说明') }).strict();
export type TCloseAgreementRequest = z.input<typeof ZCloseAgreementRequest>;

/** The department's staff record what they delivered against one item, with evidence. */
export const ZRecordDeliveryRequest = z
  .object({
    itemId: id,
    quantity: quantity('交付数量'),
    note: text(L.noteMax, '交付说明'),
    photoIds: z.array(z.string().regex(PHOTO_ID_PATTERN, '图片无效，请重新上传')).max(L.photosMax, `最多${L.photosMax}张图片`).optional(),
  })
  .strict();
export type TRecordDeliveryRequest = z.input<typeof ZRecordDeliveryRequest>;

export const ZDeliveryRequest = z.object({ deliveryId: id }).strict();
export type TDeliveryRequest = z.infer<typeof ZDeliveryRequest>;

export const ZDeclineDeliveryRequest = z.object({ deliveryId: id, reason: text(L.reasonMax, '不认可的原因') }).strict();
export type TDeclineDeliveryRequest = z.input<typeof ZDeclineDeliveryRequest>;

export const ZListDeliveriesRequest = z.object({ agreementId: id.optional(), status: enumOf(DeliveryStatus).optional(), cursor, limit }).strict();
export type TListDeliveriesRequest = z.input<typeof ZListDeliveriesRequest>;

export const ZDepartmentProgressRequest = z.object({ departmentId: id.optional() }).strict();
export type TDepartmentProgressRequest = z.input<typeof ZDepartmentProgressRequest>;

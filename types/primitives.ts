import { z } from 'zod';
import { LIMITS, PHONE_PATTERN } from './limits';
import { isCalendarDay } from './local-time';

export { isCalendarDay };

/**
 * The zod building blocks every request schema uses, defined once (messages in Simplified
 * Chinese). Domain schemas compose these; limits come from ./limits.
 */
z.config(z.locales.zhCN());

export const id = z.number({ error: '必须是数字编号' }).int('必须是整数').positive('必须大于0').max(LIMITS.idMax, '编号过大');
/** An opaque keyset cursor from a previous page. */
export const cursor = z.string().max(200, '游标无效').optional();
/** Page size. */
export const limit = z.number().int().min(1).max(LIMITS.pageSizeMax).optional();
/**
 * Characters as a person counts them: an emoji or a rare hanzi outside the BMP is one character
 * (code points), as the client's counter shows it (src/utils/text.ts), not two UTF-16 units.
 */
export const charCount = (s: string) => [...s].length;
/** At most `max` characters by charCount. */
const within = (max: number, message: string) => (schema: z.ZodString) => schema.refine((v) => charCount(v) <= max, { message });

/** Required free text, trimmed, at most `max` characters. */
export const text = (max: number, label: string) =>
  within(
    max,
    `${label}不超过${max}个字`,
  )(
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(1, `请填写${label}`),
  );
/** Optional free text, trimmed, at most `max` characters. */
export const optionalText = (max: number, label = '内容') => within(max, `${label}不超过${max}个字`)(z.string().trim()).optional();
export const personName = within(LIMITS.nameMax, `姓名不超过${LIMITS.nameMax}个字`)(z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名'));
export const phone = z.string({ error: '请填写手机号' }).trim().regex(PHONE_PATTERN, '请填写11位手机号');
/** One of an enum object's values. */
export const enumOf = <T extends string>(values: Record<string, T>) => z.enum(Object.values(values) as [T, ...T[]]);

/** ISO 8601 date or date-time ("2026-03-01", "2026-03-01T08:00:00.000Z"); other formats parse differently per engine. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * Every date a request carries lies in [2000-01-01, 2100-01-01]: far enough for any period or
 * hold, and a date beyond it (year 275760, 9999-12-31) never reaches a deadline column, a MySQL
 * DATETIME or a file name.
 */
export const DATE_RANGE = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) } as const;
/** A clock time that exists: hours 00–23, minutes and seconds 00–59 (no 24:00, no leap seconds). */
const isClockTime = (s: string) => {
  const m = /^\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  return !m || (Number(m[1]) <= 23 && Number(m[2]) <= 59 && (m[3] === undefined || Number(m[3]) <= 59));
};
/** The offset of a time, when it carries one, is a real one (at most ±14:00). */
const isRealOffset = (s: string) => {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(s.slice(10));
  return !m || Number(m[2]) * 60 + Number(m[3]) <= 14 * 60;
};
export const isoTime = z
  .string({ error: '请填写时间' })
  .max(40, '时间格式无效')
  .regex(ISO_TIME, '时间格式无效')
  .refine((s) => isCalendarDay(s) && isClockTime(s) && isRealOffset(s) && !Number.isNaN(Date.parse(s)), '时间格式无效')
  .refine((s) => Date.parse(s) >= DATE_RANGE.min && Date.parse(s) <= DATE_RANGE.max, '时间须在2000年1月1日至2100年1月1日之间');
/** A calendar day, "2026-03-01" (local to the centre: Asia/Shanghai). */
export const isoDay = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式无效')
  .refine(isCalendarDay, '没有这一天，请检查日期')
  .refine((s) => Date.parse(s) >= DATE_RANGE.min && Date.parse(s) <= DATE_RANGE.max, '日期须在2000年至2100年之间');
/** A calendar month, "2026-11". */
export const isoMonth = z.string({ error: '请填写月份' }).regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式为 2026-11');

import { z } from 'zod';
import { SETTINGS_KEY_PATTERN, SETTINGS_LIMITS } from './settings';
import { optionalText } from './primitives';

/** Request schemas of the `settings` function. Same conventions as ./schemas.ts (strict, zh-CN). */

const sectionKey = z.string({ error: '缺少配置项' }).regex(SETTINGS_KEY_PATTERN, '配置项无效');

/**
 * Save one section. `value` is the whole section, checked against that section's own schema by
 * the action (the first issue names its field: `value.subsidy.age80.fen`); `version` is the one
 * the admin edited: a save over a newer one is a CONFLICT.
 */
export const ZSaveSettingsRequest = z
  .object({
    section: sectionKey,
    version: z.number({ error: '缺少版本号' }).int().min(0),
    value: z.unknown(),
    reason: optionalText(SETTINGS_LIMITS.reasonMax, '修改说明'),
  })
  .strict();
export type TSaveSettingsRequest = z.input<typeof ZSaveSettingsRequest>;

/** A section's revisions, newest first; `cursor` continues a page. */
export const ZSettingsHistoryRequest = z.object({ section: sectionKey, cursor: z.string().max(200, '游标无效').optional() }).strict();
export type TSettingsHistoryRequest = z.infer<typeof ZSettingsHistoryRequest>;

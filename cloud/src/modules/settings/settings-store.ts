import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { ErrorCode, SETTINGS_LIMITS, type SettingsSection } from '@hg/types';
import { AppError, conflict, invalidInput, isUniqueViolation } from '../../core/errors';
import { CitySetting, SettingsRevision } from './city-setting.entity';
import { parseStored, type ReadValue } from './settings-values';

/** The settings row of a section and the value in force (stored, repaired, or the defaults). */
export async function readSection<S extends z.ZodType>(
  em: EntityManager,
  section: SettingsSection<S>,
): Promise<ReadValue<z.infer<S>> & { row: CitySetting | null }> {
  const row = await em.findOne(CitySetting, { where: { section: section.key } });
  const read = parseStored(section, row?.value ?? null);
  // Logged, not thrown: a release that narrowed a schema must not break a booking.
  if (read.repaired) console.warn(`[settings] stored "${section.key}" v${row?.version} no longer fits its schema: defaults fill what does not`);
  return { ...read, row };
}

export interface SettingsSave {
  /** The version the admin edited (0: nothing was saved yet). */
  version: number;
  value: unknown;
  reason: string | null;
  by: number;
  at: Date;
}

const CONFLICT_MESSAGE = '其他管理员刚刚修改了这项配置，请查看最新内容后再保存';

/**
 * Save a section: the value checked by the section's schema (the first issue names its field,
 * `value.<path>`), then a compare-and-set on the version — the first save of a section inserts
 * version 1 (the primary key refuses a second), a later one updates `WHERE version = <edited>` —
 * and the revision (before, after, who, when, why) in the same transaction. Whoever saved second
 * gets CONFLICT and keeps their edit on screen.
 */
export async function saveSection<S extends z.ZodType>(em: EntityManager, section: SettingsSection<S>, save: SettingsSave): Promise<CitySetting> {
  const parsed = section.schema.safeParse(save.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(['value', ...issue.path.map(String)].join('.'), issue.message);
  }
  const value = JSON.stringify(parsed.data);
  if (value.length > SETTINGS_LIMITS.valueMax) throw new AppError(ErrorCode.INVALID_INPUT, '配置内容过长', { field: 'value' });

  const current = await em.findOne(CitySetting, { where: { section: section.key } });
  if ((current?.version ?? 0) !== save.version) throw conflict(CONFLICT_MESSAGE);
  const next = save.version + 1;
  const row = { section: section.key, value, version: next, updatedById: save.by, updatedAt: save.at };
  if (current) {
    const res = await em.update(
      CitySetting,
      { section: section.key, version: save.version },
      { value, version: next, updatedById: save.by, updatedAt: save.at },
    );
    if (res.affected !== 1) throw conflict(CONFLICT_MESSAGE);
  } else {
    try {
      await em.insert(CitySetting, row);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(CONFLICT_MESSAGE);
      throw err;
    }
  }
  await em.insert(SettingsRevision, {
    section: section.key,
    version: next,
    previousValue: current?.value ?? null,
    value,
    actorId: save.by,
    at: save.at,
    reason: save.reason,
  });
  return Object.assign(new CitySetting(), row);
}

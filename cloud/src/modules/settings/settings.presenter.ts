import { In, type EntityManager } from 'typeorm';
import type { SettingsRevisionDTO, SettingsSection, SettingsSectionDTO } from '@hg/types';
import { usersById } from '../identity/public';
import { CitySetting, SettingsRevision } from './city-setting.entity';
import { parseStored } from './settings-values';

const nameOf = (users: Map<number, { name: string }>, id: number) => users.get(id)?.name || '管理员';
const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/**
 * Sections → DTOs in three queries whatever their number: the rows, the revisions they are at (for
 * the reason) and the admins' names. A section never saved shows its defaults at version 0.
 */
export async function presentSections(em: EntityManager, sections: readonly SettingsSection[]): Promise<SettingsSectionDTO[]> {
  const keys = sections.map((s) => s.key);
  const rows = keys.length ? await em.find(CitySetting, { where: { section: In(keys) } }) : [];
  const byKey = new Map(rows.map((r) => [r.section, r]));
  const revisions = rows.length ? await em.find(SettingsRevision, { where: rows.map((r) => ({ section: r.section, version: r.version })) }) : [];
  const reasons = new Map(revisions.map((r) => [r.section, r.reason]));
  const users = await usersById(
    em,
    rows.map((r) => r.updatedById),
  );
  return sections.map((section) => {
    const row = byKey.get(section.key) ?? null;
    const read = parseStored(section, row?.value ?? null);
    return {
      key: section.key,
      label: section.label,
      value: read.value,
      defaults: section.defaults,
      fields: section.fields ?? null,
      version: row?.version ?? 0,
      lastChange: row
        ? { version: row.version, at: row.updatedAt.toISOString(), byName: nameOf(users, row.updatedById), reason: reasons.get(row.section) ?? null }
        : null,
      repaired: read.repaired,
    };
  });
}

/** Revisions → DTOs: the values as they were saved (not re-read through today's schema), names in one query. */
export async function presentRevisions(em: EntityManager, rows: SettingsRevision[]): Promise<SettingsRevisionDTO[]> {
  const users = await usersById(
    em,
    rows.map((r) => r.actorId),
  );
  return rows.map((r) => ({
    version: r.version,
    at: r.at.toISOString(),
    byName: nameOf(users, r.actorId),
    reason: r.reason,
    before: json(r.previousValue),
    after: json(r.value),
  }));
}

import type { z } from 'zod';

/**
 * A section of the city settings (城市配置): the values one domain lets a city change — subsidy
 * tiers, quorum, notice days, visit cadence, the 六大员 list. A domain declares its section once
 * (key, label, zod schema, defaults) beside its other types; its server module lists it in
 * `DomainModule.settings`, the settings module stores what admins change (with history), and
 * readers get the stored value or the defaults, always validated by the same schema.
 */
export interface SettingsSection<S extends z.ZodType = z.ZodType> {
  /** Stable key, also the row key in the database (`bookings`, `ratings`, …), ≤ 32 characters. */
  key: string;
  /** What the admin sees (Chinese). */
  label: string;
  schema: S;
  defaults: z.infer<S>;
}

/** Declare a section; its defaults are checked against its schema at load time. */
export function defineSettings<S extends z.ZodType>(section: SettingsSection<S>): SettingsSection<S> {
  if (!/^[a-z][a-zA-Z0-9]{0,31}$/.test(section.key)) throw new Error(`settings key ${section.key}: 1–32 letters/digits, starting lowercase`);
  const checked = section.schema.safeParse(section.defaults);
  if (!checked.success) throw new Error(`settings ${section.key}: defaults do not match the schema: ${checked.error.message}`);
  return section;
}

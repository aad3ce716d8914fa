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
  /**
   * How 城市配置 edits the section when it is a flat list of numbers and switches (quorum, notice
   * days, a feature switch): one field per top-level key, edited by the generic form. A section
   * with a shape of its own (the subsidy tiers) has its own editor instead and leaves this out.
   */
  fields?: readonly SettingsField[];
}

/** One top-level key of a section's value as the generic form edits it. */
export interface SettingsField {
  key: string;
  /** The field's label on 城市配置 (Chinese). */
  label: string;
  /** `integer`: a whole number typed in (the schema words the limits); `switch`: 开启 / 关闭. */
  kind: 'integer' | 'switch';
  /** Shown after the label: 天, %, 户. */
  unit?: string;
  /** One line under the field: what it changes, for whom. */
  hint?: string;
}

/** Section keys: what `defineSettings` accepts and the requests carry. */
export const SETTINGS_KEY_PATTERN = /^[a-z][a-zA-Z0-9]{0,31}$/;

/** Declare a section; its defaults are checked against its schema at load time. */
export function defineSettings<S extends z.ZodType>(section: SettingsSection<S>): SettingsSection<S> {
  if (!SETTINGS_KEY_PATTERN.test(section.key)) throw new Error(`settings key ${section.key}: 1–32 letters/digits, starting lowercase`);
  const checked = section.schema.safeParse(section.defaults);
  if (!checked.success) throw new Error(`settings ${section.key}: defaults do not match the schema: ${checked.error.message}`);
  for (const f of section.fields ?? []) {
    const d = (section.defaults as Record<string, unknown>)[f.key];
    if (typeof d !== (f.kind === 'switch' ? 'boolean' : 'number')) throw new Error(`settings ${section.key}: field ${f.key} is not a ${f.kind} of the value`);
  }
  return section;
}

export const SETTINGS_LIMITS = {
  /** A section's value as stored (JSON characters). */
  valueMax: 4000,
  /** Why the admin changed it (optional, shown in the history). */
  reasonMax: 100,
  /** Revisions per page of a section's history. */
  historyPage: 20,
} as const;

/** Who changed a section, when, to which version. */
export interface SettingsChangeDTO {
  version: number;
  at: string;
  byName: string | null;
  reason: string | null;
}

/** A section as the city admin sees it (`settings.list`). */
export interface SettingsSectionDTO {
  key: string;
  label: string;
  /** The value in force: what was saved, or the defaults when nothing was. */
  value: unknown;
  defaults: unknown;
  /** The section's fields for the generic form; null: edited by its own editor, or not here. */
  fields: readonly SettingsField[] | null;
  /** 0 until the first save; a save names the version it edited (compare-and-set). */
  version: number;
  lastChange: SettingsChangeDTO | null;
  /**
   * The stored value no longer matched the section's schema (a field was added, removed or
   * narrowed by a release): `value` keeps what still fits and takes the defaults for the rest.
   */
  repaired: boolean;
}

/** One saved change of a section (`settings.history`): the value before (null for the first) and after. */
export interface SettingsRevisionDTO extends SettingsChangeDTO {
  before: unknown;
  after: unknown;
}

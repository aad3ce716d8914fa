import type { z } from 'zod';
import type { SettingsSection } from '@hg/types';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every leaf path of a value (arrays are leaves: a list is kept or replaced whole). */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (!isPlainObject(value)) return [prefix];
  return Object.keys(value).flatMap((k) => leafPaths(value[k], [...prefix, k]));
}

function getAt(value: unknown, path: readonly string[]): { found: boolean; value?: unknown } {
  let at: unknown = value;
  for (const key of path) {
    if (!isPlainObject(at) || !Object.prototype.hasOwnProperty.call(at, key)) return { found: false };
    at = at[key];
  }
  return { found: true, value: at };
}

function setAt(value: unknown, path: readonly string[], leaf: unknown): unknown {
  if (!path.length) return leaf;
  const [key, ...rest] = path;
  const obj = isPlainObject(value) ? value : {};
  return { ...obj, [key]: setAt(obj[key], rest, leaf) };
}

export interface ReadValue<T> {
  value: T;
  /** The stored value did not parse as it was: `value` is the defaults with what still fits. */
  repaired: boolean;
}

/**
 * A stored section value as the section's schema reads it today. It parses → that. It does not (a
 * release added a field, dropped one or narrowed a bound) → start from the defaults and take each
 * stored leaf, one by one, wherever the result still parses: a new field gets its default, a dropped
 * one is forgotten, an out-of-range one falls back, and everything else the admin saved is kept.
 * Unreadable JSON → the defaults. Never throws: a request must not fail on an old settings row.
 */
export function parseStored<S extends z.ZodType>(section: SettingsSection<S>, stored: string | null): ReadValue<z.infer<S>> {
  const defaults = structuredClone(section.defaults) as z.infer<S>;
  if (stored === null) return { value: defaults, repaired: false };
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return { value: defaults, repaired: true };
  }
  const direct = section.schema.safeParse(raw);
  if (direct.success) return { value: direct.data as z.infer<S>, repaired: false };
  let current: unknown = defaults;
  for (const path of leafPaths(defaults)) {
    const leaf = getAt(raw, path);
    if (!leaf.found) continue;
    const candidate = setAt(current, path, leaf.value);
    if (section.schema.safeParse(candidate).success) current = candidate;
  }
  const repaired = section.schema.safeParse(current);
  return { value: (repaired.success ? repaired.data : defaults) as z.infer<S>, repaired: true };
}

import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { SettingsSection } from '@hg/types';
import { readSection } from './settings-store';

/**
 * The value of a city settings section in force: what the city admin saved, checked by the
 * section's schema (a value an upgrade no longer reads is repaired from the defaults and logged,
 * never an error), or the section's defaults when nothing was saved. One primary-key read; call it
 * once per request (or per transaction where prices must agree) and pass the value on.
 */
export async function readSettings<S extends z.ZodType>(em: EntityManager, section: SettingsSection<S>): Promise<z.infer<S>> {
  return (await readSection(em, section)).value;
}

import type { SettingsSection } from '@hg/types';
import { notFound } from '../../core/errors';

/** The section of `key` among those the function serves, or NOT_FOUND. */
export function sectionOf(sections: readonly SettingsSection[], key: string): SettingsSection {
  const section = sections.find((s) => s.key === key);
  if (!section) throw notFound('配置项');
  return section;
}

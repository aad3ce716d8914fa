import type { SettingsSection } from '@hg/types';
import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { identityModule } from '../identity';
import { defineListHistory } from './actions/list-history';
import { defineListSettings } from './actions/list-settings';
import { defineSaveSettings } from './actions/save-settings';
import { CitySetting, SettingsRevision } from './city-setting.entity';

/**
 * City settings (城市配置): what the city admin changes of each domain's section (types/<domain>
 * declares it, the domain's module lists it in `settings`), stored with every revision. Domains
 * read their section through `readSettings` (public.ts).
 */
export const settingsModule: DomainModule = {
  name: 'settings',
  entities: [CitySetting, SettingsRevision],
  requires: [identityModule],
  capabilities: ['citySettings'],
};

/**
 * The `settings` function's action table over the given sections: the composition root passes
 * the sections of every module (settingsOf(MODULES)); the deployed function the same list from
 * the declarations in types/, so its bundle carries no other module (cloud/functions/settings).
 */
export function settingsActions(sections: readonly SettingsSection[]) {
  const keys = sections.map((s) => s.key);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) throw new Error(`settings section "${twice}" is declared twice`);
  return {
    list: defineListSettings(sections),
    save: defineSaveSettings(sections),
    history: defineListHistory(sections),
  } satisfies ActionTableFor<'settings'>;
}

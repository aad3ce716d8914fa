import { BOOKINGS_SETTINGS, VOICE_SETTINGS, type SettingsSection } from '@hg/types';
import { DELIBERATION_SETTINGS } from '@hg/types/deliberation-schemas';
import { GRIDS_SETTINGS } from '@hg/types/grids-schemas';
import { PARTY_SETTINGS } from '@hg/types/party-schemas';

/**
 * The settings sections this function serves: every section a module declares (`settings` in its
 * index.ts), named here from types/ so the bundle carries the declarations and not the modules
 * (their entities and actions). A test holds this list equal to settingsOf(MODULES); a module that
 * declares a new section adds it here too, as modules with timers are listed for the timer function.
 */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [BOOKINGS_SETTINGS, VOICE_SETTINGS, DELIBERATION_SETTINGS, GRIDS_SETTINGS, PARTY_SETTINGS];

import { createMain } from '../../src/core/wechat';
import { settingsActions, settingsModule } from '../../src/modules/settings';
import { wire } from '../../src/wiring';
import { SETTINGS_SECTIONS } from './sections';

/** 城市配置: the settings module's own tables and the section declarations from types/ (sections.ts). */
wire([settingsModule]);
export const main = createMain(settingsActions(SETTINGS_SECTIONS));

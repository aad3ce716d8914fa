/** The `settings` function (城市配置): [request, response] per action (see api.ts). */
import type { Page } from './dto';
import type { TEmptyRequest } from './schemas';
import type { SettingsRevisionDTO, SettingsSectionDTO } from './settings';
import type { TSaveSettingsRequest, TSettingsHistoryRequest } from './settings-schemas';

export interface SettingsApi {
  settings: {
    list: [TEmptyRequest, SettingsSectionDTO[]];
    save: [TSaveSettingsRequest, SettingsSectionDTO];
    history: [TSettingsHistoryRequest, Page<SettingsRevisionDTO>];
  };
}

import { ZEmptyRequest, type SettingsSection } from '@hg/types';
import { defineAction } from '../../../core/action';
import { presentSections } from '../settings.presenter';
import { assertMayEditSettings } from '../settings.policy';

/** 城市配置: every section of the wired modules with its value in force, defaults, version and last change. */
export function defineListSettings(sections: readonly SettingsSection[]) {
  return defineAction({
    input: ZEmptyRequest,
    async handler(_input, ctx) {
      assertMayEditSettings(ctx.actor);
      return presentSections(ctx.ds.manager, sections);
    },
  });
}

import { ZSaveSettingsRequest, type SettingsSection } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { sectionOf } from '../sections';
import { presentSections } from '../settings.presenter';
import { assertMayEditSettings } from '../settings.policy';
import { saveSection } from '../settings-store';

/** Save one section (the whole value, validated by its schema) over the version the admin edited. */
export function defineSaveSettings(sections: readonly SettingsSection[]) {
  return defineAction({
    input: ZSaveSettingsRequest,
    async handler(input, ctx) {
      assertMayEditSettings(ctx.actor);
      const section = sectionOf(sections, input.section);
      const now = clock.now();
      await ctx.tx((em) =>
        saveSection(em, section, { version: input.version, value: input.value, reason: input.reason || null, by: ctx.actor.userId, at: now }),
      );
      const [dto] = await presentSections(ctx.ds.manager, [section]);
      return dto;
    },
  });
}

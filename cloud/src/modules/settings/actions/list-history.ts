import { LessThan } from 'typeorm';
import { SETTINGS_LIMITS, ZSettingsHistoryRequest, type SettingsSection } from '@hg/types';
import { defineAction } from '../../../core/action';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { SettingsRevision } from '../city-setting.entity';
import { sectionOf } from '../sections';
import { presentRevisions } from '../settings.presenter';
import { assertMayEditSettings } from '../settings.policy';

/** A section's saves, newest first, a page at a time (keyset on the version). */
export function defineListHistory(sections: readonly SettingsSection[]) {
  return defineAction({
    input: ZSettingsHistoryRequest,
    async handler(input, ctx) {
      assertMayEditSettings(ctx.actor);
      const section = sectionOf(sections, input.section);
      const before = decodeCursor(input.cursor);
      const take = SETTINGS_LIMITS.historyPage;
      const rows = await ctx.ds.manager.find(SettingsRevision, {
        where: { section: section.key, ...(before !== null ? { version: LessThan(before) } : {}) },
        order: { version: 'DESC' },
        take: take + 1,
      });
      const page = rows.slice(0, take);
      return {
        items: await presentRevisions(ctx.ds.manager, page),
        nextCursor: rows.length > take ? encodeCursor(page[page.length - 1].version) : null,
      };
    },
  });
}

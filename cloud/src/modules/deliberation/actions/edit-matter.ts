import { ZEditMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { runMatterStep } from '../matter-flow';
import { move, optionsOf } from '../matters';

/** Editing, only in 制定方案: once published, text and options are frozen (INVALID_TRANSITION); a change is a new version. */
export const editMatter = defineAction({
  input: ZEditMatterRequest,
  handler: ({ matterId, title, text, options }, ctx) =>
    runMatterStep(ctx, matterId, async (em, m, now) => {
      const changed = { title: title ?? m.title, text: text ?? m.text, options: options ?? optionsOf(m) };
      await move(em, m, 'edit', ctx.actor.userId, now, { title: changed.title, text: changed.text, options: JSON.stringify(changed.options) });
    }),
});

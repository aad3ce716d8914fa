import { MatterStatus } from '@hg/types/deliberation';
import { defineMachine } from '../../core/state-machine';

export type MatterAction = 'edit' | 'publish' | 'revise' | 'open' | 'close' | 'writeOutcome' | 'publishOutcome' | 'withdraw';

/**
 * 五步议事法 as one table. Steps are never skipped: a vote opens (notice → voting) before it closes,
 * and only a closed vote gets an outcome. Going back is only `revise`: a new version from 发布公告 or
 * 组织协商, which starts 发布公告 again with its notice period. `edit` and `writeOutcome` stay in
 * place (draft → draft, closed → closed) so each is still one compare-and-set with its event row.
 * `organiser` = community staff or a head over the matter's place (deliberation.policy.ts).
 */
export const MATTER_MACHINE = defineMachine<MatterStatus, MatterAction, 'organiser' | 'timer'>({
  name: 'matter',
  states: Object.values(MatterStatus),
  rows: [
    { action: 'edit', from: ['draft'], to: 'draft', event: 'edited', who: ['organiser'] },
    { action: 'publish', from: ['draft'], to: 'notice', event: 'published', who: ['organiser'] },
    { action: 'revise', from: ['notice', 'voting'], to: 'notice', event: 'revised', who: ['organiser'] },
    { action: 'open', from: ['notice'], to: 'voting', event: 'opened', who: ['timer', 'organiser'] },
    { action: 'close', from: ['voting'], to: 'closed', event: 'closed', who: ['timer', 'organiser'] },
    { action: 'writeOutcome', from: ['closed'], to: 'closed', event: 'outcome_written', who: ['organiser'] },
    { action: 'publishOutcome', from: ['closed'], to: 'published', event: 'outcome_published', who: ['organiser'] },
    { action: 'withdraw', from: ['draft', 'notice', 'voting'], to: 'withdrawn', event: 'withdrawn', who: ['organiser'] },
  ],
});

import type { SubpackageManifest } from '../../manifest-types';

/**
 * 小区议事 (五步议事法): residents read the matters of their compound, the rules and the timeline,
 * and vote for their household; staff and heads draft, publish, chase turnout, enter paper
 * ballots, close and publish the result.
 */
export default {
  root: 'packages/governance',
  workTitle: '小区议事',
  pages: {
    governanceList: 'pages/list/index',
    matter: 'pages/matter/index',
    matterDraft: 'pages/draft/index',
    matterBallots: 'pages/ballots/index',
  },
  entries: [
    { label: '小区议事', route: 'governanceList', section: 'resident', when: 'verifiedResident', testId: 'entry-governance' },
    // Heads and community staff run matters (the server checks each place again).
    {
      label: '议事协商',
      hint: '发起议题、公告、投票和结果公示',
      route: 'governanceList',
      section: 'work',
      when: 'verifyHouseholds',
      testId: 'entry-governance-work',
    },
  ],
} as const satisfies SubpackageManifest;

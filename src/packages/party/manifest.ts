import type { SubpackageManifest } from '../../manifest-types';

/**
 * 党员双报到与履职: members report to their compound, sign this year's commitment and serve at
 * activities; the branch (community staff for now: PARTY_BRANCH_ROLES) confirms reports and
 * approves hours.
 */
export default {
  root: 'packages/party',
  workTitle: '党员履职',
  pages: {
    partyReport: 'pages/report/index',
    partyCommitment: 'pages/commitment/index',
    partyActivities: 'pages/activities/index',
    partyReview: 'pages/review/index',
    partyHours: 'pages/hours/index',
  },
  entries: [
    { label: '我的报到', hint: '向居住小区党支部报到，每年续报', route: 'partyReport', section: 'work', when: 'partyDuty', testId: 'entry-party-report' },
    { label: '我的承诺', hint: '履职承诺书与服务时长', route: 'partyCommitment', section: 'work', when: 'partyDuty', testId: 'entry-party-commitment' },
    { label: '党群活动', hint: '报名参加，现场凭签到码签到', route: 'partyActivities', section: 'work', when: 'partyDuty', testId: 'entry-party-activities' },
    { label: '报到审核', hint: '确认党员双报到', route: 'partyReview', section: 'work', when: 'partyBranch', testId: 'entry-party-review' },
    { label: '工时审核', hint: '认定党员服务时长', route: 'partyHours', section: 'work', when: 'partyBranch', testId: 'entry-party-hours' },
  ],
} as const satisfies SubpackageManifest;

import type { SubpackageManifest } from '../../manifest-types';

/**
 * 场地与活动: residents book the centre's activity room, consultations, home visits, meetings and
 * activities on the slot engine (no elder registration); centre staff publish, withdraw, close a
 * day and check people in and out by code or by name.
 */
export default {
  root: 'packages/venue',
  workTitle: '场地与活动',
  pages: {
    venueSlots: 'pages/slots/index',
    venueMine: 'pages/mine/index',
    venueConsole: 'pages/console/index',
    venueRoster: 'pages/roster/index',
  },
  entries: [
    { label: '场地与活动', route: 'venueSlots', section: 'resident', when: 'verifiedResident', testId: 'entry-venue' },
    { label: '我的预约', route: 'venueMine', section: 'resident', when: 'verifiedResident', testId: 'entry-venue-mine' },
    {
      label: '场地与活动管理',
      hint: '发布时段、休息日、签到签退',
      route: 'venueConsole',
      section: 'work',
      when: 'runCareCentre',
      testId: 'entry-venue-console',
    },
  ],
} as const satisfies SubpackageManifest;

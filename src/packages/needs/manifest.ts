import type { SubpackageManifest } from '../../manifest-types';

/** Needs (四单模式): filing, the work lists of every role on the flow, the public board, the dashboard. */
export default {
  root: 'packages/needs',
  workTitle: '需求办理',
  pages: {
    needCreate: 'pages/create/index',
    needProxy: 'pages/proxy/index',
    needDetail: 'pages/detail/index',
    needMine: 'pages/mine/index',
    needInbox: 'pages/inbox/index',
    needConsole: 'pages/console/index',
    needClaim: 'pages/claim/index',
    needBoard: 'pages/board/index',
    needDashboard: 'pages/dashboard/index',
    needLadder: 'pages/ladder/index',
  },
  entries: [
    {
      label: '接单箱',
      hint: '派给我的需求，接单、办理、办结',
      route: 'needInbox',
      section: 'work',
      when: 'receiveNeeds',
      testId: 'entry-inbox',
      count: 'needInbox',
    },
    {
      label: '派单台',
      hint: '派单、转单、不予受理、导出台账',
      route: 'needConsole',
      section: 'work',
      when: 'dispatchNeeds',
      testId: 'entry-console',
      count: 'needQueue',
    },
    {
      label: '升级待办',
      hint: '升级到我这一级、等我处理的需求',
      route: 'needLadder',
      section: 'work',
      when: 'handleEscalations',
      testId: 'entry-ladder',
      count: 'needLadder',
    },
    { label: '待认领', hint: '党员主动认领居民需求', route: 'needClaim', section: 'work', when: 'claimNeeds', testId: 'entry-claim', count: 'needClaimable' },
    { label: '代办点单', hint: '为不使用手机的居民登记需求', route: 'needProxy', section: 'work', when: 'fileForOthers', testId: 'entry-proxy' },
    { label: '数据看板', hint: '解决数、响应与办结用时、满意度', route: 'needDashboard', section: 'work', when: 'dispatchNeeds', testId: 'entry-dashboard' },
  ],
} as const satisfies SubpackageManifest;

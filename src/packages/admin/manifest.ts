import type { SubpackageManifest } from '../../manifest-types';

/** The city admin's pages. */
export default {
  root: 'packages/admin',
  workTitle: '系统管理',
  pages: { timerJobs: 'pages/timers/index', citySettings: 'pages/settings/index' },
  entries: [
    { label: '定时任务', hint: '超时升级、提醒等任务是否按时运行', route: 'timerJobs', section: 'work', when: 'timerStatus', testId: 'entry-timers' },
    { label: '城市配置', hint: '助餐补贴标准等各项配置', route: 'citySettings', section: 'work', when: 'citySettings', testId: 'entry-settings' },
  ],
} as const satisfies SubpackageManifest;

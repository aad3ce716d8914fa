import type { SubpackageManifest } from '../../manifest-types';

/** The city admin's pages, and 人员任命 for whoever appoints (community and street staff, the city). */
export default {
  root: 'packages/admin',
  workTitle: '系统管理',
  pages: { timerJobs: 'pages/timers/index', citySettings: 'pages/settings/index', appointments: 'pages/appointments/index' },
  entries: [
    { label: '定时任务', hint: '超时升级、提醒等任务是否按时运行', route: 'timerJobs', section: 'work', when: 'timerStatus', testId: 'entry-timers' },
    { label: '城市配置', hint: '助餐补贴标准等各项配置', route: 'citySettings', section: 'work', when: 'citySettings', testId: 'entry-settings' },
    {
      label: '人员任命',
      hint: '任命和撤销小区长、楼栋长、网格员等',
      route: 'appointments',
      section: 'work',
      when: 'appointPeople',
      testId: 'entry-appointments',
    },
  ],
} as const satisfies SubpackageManifest;

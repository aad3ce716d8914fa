import type { SubpackageManifest } from '../../manifest-types';

/** Centre bookings: meals and their counter, console, kitchen and delivery lists, family and standing orders. */
export default {
  root: 'packages/bookings',
  workTitle: '助餐服务',
  pages: {
    bookingWeek: 'pages/week/index',
    bookingMine: 'pages/mine/index',
    bookingRegister: 'pages/register/index',
    bookingCounter: 'pages/counter/index',
    bookingRoster: 'pages/roster/index',
    bookingConsole: 'pages/console/index',
    bookingKitchen: 'pages/kitchen/index',
    bookingFamily: 'pages/family/index',
    bookingStanding: 'pages/standing/index',
    bookingDeliveries: 'pages/deliveries/index',
    bookingSubsidy: 'pages/subsidy/index',
    bookingMenuPrint: 'pages/menu-print/index',
    bookingProxy: 'pages/proxy/index',
  },
  entries: [
    { label: '我的订餐', route: 'bookingMine', section: 'resident', when: 'signedIn', testId: 'entry-my-meals' },
    { label: '为家人订餐', route: 'bookingFamily', section: 'resident', when: 'signedIn', testId: 'entry-family' },
    {
      label: '为老人代订',
      hint: '为辖区内没有手机的老人订餐',
      route: 'bookingProxy',
      section: 'work',
      when: 'bookForElders',
      testId: 'entry-proxy-booking',
    },
    { label: '助餐核销', hint: '扫码核销老人的用餐码', route: 'bookingCounter', section: 'work', when: 'runCareCentre', testId: 'entry-meal-counter' },
    {
      label: '今日名单 · 按姓名签到',
      hint: '没有码的老人按姓名签到核销；打印签到表',
      route: 'bookingRoster',
      section: 'work',
      when: 'runCareCentre',
      testId: 'entry-meal-by-name',
    },
    {
      label: '助餐管理',
      hint: '菜单、代订、后厨统计、送餐单、家属关联',
      route: 'bookingConsole',
      section: 'work',
      when: 'runCareCentre',
      testId: 'entry-meal-console',
    },
  ],
} as const satisfies SubpackageManifest;

/**
 * Only the three tab pages live in the main package (WeChat requires tab pages there); every other
 * page sits in its domain's subpackage so the main package stays small as domains grow.
 */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/needs/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/entry', pages: ['pages/scan/index'] },
    { root: 'packages/household', pages: ['pages/bind/index', 'pages/verify/index'] },
    { root: 'packages/community', pages: ['pages/compound/index', 'pages/posters/index'] },
    { root: 'packages/auth', pages: ['pages/login/index'] },
    {
      root: 'packages/needs',
      pages: [
        'pages/create/index',
        'pages/proxy/index',
        'pages/detail/index',
        'pages/mine/index',
        'pages/inbox/index',
        'pages/console/index',
        'pages/claim/index',
        'pages/board/index',
        'pages/dashboard/index',
        'pages/ladder/index',
      ],
    },
    { root: 'packages/me', pages: ['pages/messages/index'] },
    {
      root: 'packages/bookings',
      pages: [
        'pages/week/index',
        'pages/mine/index',
        'pages/register/index',
        'pages/counter/index',
        'pages/console/index',
        'pages/kitchen/index',
        'pages/family/index',
        'pages/standing/index',
        'pages/deliveries/index',
        'pages/subsidy/index',
      ],
    },
    {
      root: 'packages/ratings',
      pages: [
        'pages/firm/index',
        'pages/rate/index',
        'pages/leaderboard/index',
        'pages/assess/index',
        'pages/manage/index',
        'pages/moderation/index',
        'pages/reply/index',
      ],
    },
    { root: 'packages/admin', pages: ['pages/timers/index'] },
  ],
  // H5 only: no slide animation between pages. Taro's router removes a page left by 返回 on a
  // 300 ms timer and keeps it as the "current page" meanwhile; a link opened in that window (back,
  // then straight into a need link) made the router unload the wrong page and show a blank screen.
  // Without the animation the old page is gone at once. (Less motion also suits elderly users.)
  // The mini-program has no such option: its app.json stays as WeChat documents it.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '红色管家',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f1ee',
  },
  // Text-only tab bar: no icon bytes in the main package; colours chosen for WCAG AA on white.
  tabBar: {
    color: '#333333',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/needs/index', text: '需求' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});

import { appPages } from './manifests';

/**
 * Pages come from the manifests (src/manifests.ts): the three tab pages in the main package (WeChat
 * requires tab pages there), every other page in its domain's subpackage so the main package stays
 * small as domains grow. Taro's config loader evaluates this file at build time, manifests included.
 */
const { pages, subPackages } = appPages();

export default defineAppConfig({
  pages,
  subPackages,
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

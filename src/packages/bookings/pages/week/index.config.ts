export default definePageConfig({
  navigationBarTitleText: '本周菜单',
});

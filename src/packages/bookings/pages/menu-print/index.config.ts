export default definePageConfig({
  navigationBarTitleText: '一周菜单',
});

export default definePageConfig({
  navigationBarTitleText: '助餐管理',
});

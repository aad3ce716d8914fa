export default definePageConfig({
  navigationBarTitleText: '小区主页',
});

export default definePageConfig({
  navigationBarTitleText: '评星管理',
});

export default definePageConfig({
  navigationBarTitleText: '升级待办',
});

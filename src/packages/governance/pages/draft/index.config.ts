export default definePageConfig({
  navigationBarTitleText: '制定方案',
});

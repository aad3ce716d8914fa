export default definePageConfig({
  navigationBarTitleText: '党群活动',
});

export default definePageConfig({
  navigationBarTitleText: '场地与活动',
});

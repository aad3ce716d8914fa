export default definePageConfig({
  navigationBarTitleText: '送餐单',
});

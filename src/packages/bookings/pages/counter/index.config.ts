export default definePageConfig({
  navigationBarTitleText: '助餐核销',
});

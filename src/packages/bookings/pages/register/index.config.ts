export default definePageConfig({
  navigationBarTitleText: '助餐建档',
});

export default definePageConfig({
  navigationBarTitleText: '每周固定订餐',
});

export default definePageConfig({
  navigationBarTitleText: '登记交付',
});

export default definePageConfig({
  navigationBarTitleText: '厨房单',
});

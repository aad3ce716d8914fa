export default definePageConfig({
  navigationBarTitleText: '补贴月报',
});

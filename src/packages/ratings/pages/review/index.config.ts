export default definePageConfig({
  navigationBarTitleText: '结果审核',
});

export default definePageConfig({
  navigationBarTitleText: '按姓名核销',
});

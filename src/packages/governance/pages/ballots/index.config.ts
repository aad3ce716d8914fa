export default definePageConfig({
  navigationBarTitleText: '参与情况',
});

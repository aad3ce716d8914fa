export default definePageConfig({
  navigationBarTitleText: '工时审核',
});

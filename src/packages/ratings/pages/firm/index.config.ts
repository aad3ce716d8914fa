export default definePageConfig({
  navigationBarTitleText: '物业评价',
});

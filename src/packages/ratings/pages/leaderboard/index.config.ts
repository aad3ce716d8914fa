export default definePageConfig({
  navigationBarTitleText: '物业星级榜',
});

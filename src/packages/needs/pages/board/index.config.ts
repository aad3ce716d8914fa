export default definePageConfig({
  navigationBarTitleText: '楼栋公示',
});

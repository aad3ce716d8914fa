export default definePageConfig({
  navigationBarTitleText: '物业考评',
});

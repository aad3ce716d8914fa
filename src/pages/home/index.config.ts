export default definePageConfig({
  navigationBarTitleText: '红色管家',
});

export default definePageConfig({
  navigationBarTitleText: '代办点单',
});

export default definePageConfig({
  navigationBarTitleText: '需求与服务',
});

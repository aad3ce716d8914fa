export default definePageConfig({
  navigationBarTitleText: '城市配置',
});

export default definePageConfig({
  navigationBarTitleText: '辖区助餐补贴',
});

export default definePageConfig({
  navigationBarTitleText: '家属关联',
});

import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {
    // Keep the bundle honest: no source maps shipped to residents' phones.
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>;

import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * One config for both targets. `TARO_ENV` picks the output folder so a weapp and an h5 build can
 * live side by side (dist/weapp for the WeChat devtools, dist/h5 served by the local gateway).
 */
/** types/ sits outside src/, so Taro's script loader must be told to compile it too. */
const typesDir = path.resolve(__dirname, '..', 'types');

/**
 * app.config.ts reads its pages from the manifests (src/manifests.ts, src/packages/<domain>/manifest.ts).
 * Taro's persistent cache only watches app.config itself, so a page added to or removed from a
 * manifest kept the cached page list (a removed page then failed the build). Listing the manifests
 * as build dependencies makes any change to them start a fresh cache.
 */
const srcDir = path.resolve(__dirname, '..', 'src');
const manifestFiles = [
  path.join(srcDir, 'manifests.ts'),
  path.join(srcDir, 'manifest-types.ts'),
  ...fs
    .readdirSync(path.join(srcDir, 'packages'))
    .map((d) => path.join(srcDir, 'packages', d, 'manifest.ts'))
    .filter((f) => fs.existsSync(f)),
];

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hongse-guanjia',
    date: '2025-11-27',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // `@hg/types` is the contract shared with cloud/; same alias as tsconfig paths and jest.
    alias: {
      '@hg/types': typesDir,
    },
    defineConstants: {
      // '' means same origin: the gateway serves both the H5 dist and /api.
      'process.env.TARO_APP_API_BASE': JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      // One subscribe-message template per message kind (weapp; types/links.ts); '' = do not ask.
      'process.env.TARO_APP_TMPL_NEED_UPDATE': JSON.stringify(process.env.TARO_APP_TMPL_NEED_UPDATE ?? ''),
      'process.env.TARO_APP_TMPL_NEED_TASK': JSON.stringify(process.env.TARO_APP_TMPL_NEED_TASK ?? ''),
      'process.env.TARO_APP_TMPL_MEMBERSHIP_UPDATE': JSON.stringify(process.env.TARO_APP_TMPL_MEMBERSHIP_UPDATE ?? ''),
      'process.env.TARO_APP_TMPL_BOOKING_UPDATE': JSON.stringify(process.env.TARO_APP_TMPL_BOOKING_UPDATE ?? ''),
      'process.env.TARO_APP_TMPL_RATING_UPDATE': JSON.stringify(process.env.TARO_APP_TMPL_RATING_UPDATE ?? ''),
      'process.env.TARO_APP_TMPL_RATING_PERIOD': JSON.stringify(process.env.TARO_APP_TMPL_RATING_PERIOD ?? ''),
      'process.env.TARO_APP_TMPL_RATING_RESULT': JSON.stringify(process.env.TARO_APP_TMPL_RATING_RESULT ?? ''),
      'process.env.TARO_APP_TMPL_RATING_TASK': JSON.stringify(process.env.TARO_APP_TMPL_RATING_TASK ?? ''),
      'process.env.TARO_APP_TMPL_RATING_COMMENT': JSON.stringify(process.env.TARO_APP_TMPL_RATING_COMMENT ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true, buildDependencies: { manifests: manifestFiles } },
    mini: {
      // Modules used only by subpackages stay in those subpackages, keeping the main package small.
      optimizeMainPackage: { enable: true },
      // Every stylesheet uses its own BEM prefix, so the order shared chunks are emitted in does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      compile: { include: [typesDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // './' so the dist works under any base path (RECIPES: '/' breaks sub-path serving).
      publicPath: './',
      compile: { include: [typesDir] },
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: {
        proxy: {
          '/api': { target: process.env.HG_GATEWAY_URL ?? 'http://127.0.0.1:3000', changeOrigin: true },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});

/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by the Taro CLI per build target. */
    TARO_ENV: 'weapp' | 'h5' | string;
    /** Gateway origin for H5 builds; '' (default) means same origin. Inlined at build time. */
    TARO_APP_API_BASE?: string;
  }
}

/**
 * Neutral default and the mini-program: `Taro.makePhoneCall` is WeChat's own call sheet, nothing
 * to change. The H5 build picks `install.h5.ts`.
 */
export function installDialer(): void {}

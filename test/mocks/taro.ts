/**
 * A small in-memory stand-in for `@tarojs/taro` in component tests: storage is a Map, navigation
 * and request are jest mocks the tests inspect or program.
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

export const __storage = storage;

let router: { path: string; params: Record<string, string> } = { path: '/pages/home/index', params: {} };

/** Test helper: pretend the current page is `path` with `params`. */
export function __setRouter(path: string, params: Record<string, string> = {}): void {
  router = { path, params };
}

const Taro = {
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  request: jest.fn(),
  navigateTo: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  switchTab: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  showToast: jest.fn(() => Promise.resolve()),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  setNavigationBarTitle: jest.fn(() => Promise.resolve()),
  makePhoneCall: jest.fn(() => Promise.resolve()),
  pageScrollTo: jest.fn(() => Promise.resolve()),
  getLaunchOptionsSync: jest.fn(() => ({ query: {} })),
  getCurrentInstance: jest.fn(() => ({ router })),
  cloud: { init: jest.fn(), callFunction: jest.fn() },
};

export const getCurrentInstance = Taro.getCurrentInstance;
export const useRouter = jest.fn(() => router);
/** Runs once on mount, like the first show of a page. */
export const useDidShow = jest.fn((cb: () => void) => useEffect(() => cb(), []));
export const useLoad = jest.fn();
export const usePullDownRefresh = jest.fn();
export const useReachBottom = jest.fn();

export default Taro;

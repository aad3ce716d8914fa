/**
 * A fake `wx`: the APIs the Taro runtime and this app touch while starting and rendering, with
 * plausible answers (an iPhone-ish 375 px screen, an in-memory storage, a cloud that answers every
 * call with a canned envelope). Anything asynchronous answers on a later macrotask, as WeChat does.
 *
 * Taro copies `Object.keys(wx)` onto `Taro` at start-up (`processApis`), so an API missing here makes
 * `Taro.xxx` a "not supported" stub that warns; those warnings are reported, not fatal.
 */

type Opts = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void } & Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

export type CloudMode = 'unauthenticated' | 'offline';

export interface FakeWxHooks {
  /** Runs `fn` on a later macrotask through the simulator (so errors are attributed). */
  later(fn: () => void, ms?: number): void;
  /** Every API call, for the report. */
  record(api: string, detail?: string): void;
  cloudMode: CloudMode;
}

/** The envelope every cloud function answers with when the caller has no session. */
export const UNAUTHENTICATED_ENVELOPE = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };

export const SYSTEM_INFO = {
  brand: 'devtools',
  model: 'iPhone 12/13 (simulated)',
  pixelRatio: 3,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 642,
  statusBarHeight: 44,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 16.0',
  platform: 'devtools',
  fontSizeSetting: 16,
  SDKVersion: '3.5.0',
  benchmarkLevel: 1,
  theme: 'light',
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
};

export function createFakeWx(hooks: FakeWxHooks): Record<string, unknown> {
  const storage = new Map<string, unknown>();

  /** success + complete on a later macrotask; returns undefined like most wx async APIs. */
  const ok =
    (api: string, result: (o: Opts) => Record<string, unknown> = () => ({})) =>
    (o: Opts = {}): undefined => {
      hooks.record(api, typeof o.url === 'string' ? o.url : undefined);
      hooks.later(() => {
        const res = { errMsg: `${api}:ok`, ...result(o) };
        o.success?.(res);
        o.complete?.(res);
      });
      return undefined;
    };

  /** APIs that need a person (camera, album, phone): behave like the user cancelled. */
  const cancelled =
    (api: string) =>
    (o: Opts = {}): undefined => {
      hooks.record(api);
      hooks.later(() => {
        const res = { errMsg: `${api}:fail cancel` };
        o.fail?.(res);
        o.complete?.(res);
      });
      return undefined;
    };

  const sync =
    <T>(api: string, value: () => T) =>
    (..._args: unknown[]): T => {
      hooks.record(api);
      return value();
    };

  const noop =
    (api: string) =>
    (..._args: unknown[]): void => {
      hooks.record(api);
    };

  const selectorQuery = (): Record<string, Fn> => {
    const q: Record<string, Fn> = {};
    const nodesRef = {
      boundingClientRect: (cb?: unknown) => {
        if (typeof cb === 'function') hooks.later(() => (cb as Fn)({ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 }));
        return q;
      },
      scrollOffset: () => q,
      fields: () => q,
      node: () => q,
      context: () => q,
    };
    q.in = () => q;
    q.select = () => nodesRef;
    q.selectAll = () => nodesRef;
    q.selectViewport = () => nodesRef;
    q.exec = (cb?: unknown) => {
      if (typeof cb === 'function') hooks.later(() => (cb as Fn)([]));
      return undefined;
    };
    return q;
  };

  const cloud = {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init: noop('cloud.init'),
    callFunction(o: Opts = {}): Promise<unknown> | undefined {
      const data = (o.data ?? {}) as { action?: unknown };
      hooks.record('cloud.callFunction', `${String(o.name)}.${String(data.action)}`);
      const promise = new Promise<unknown>((resolve, reject) => {
        hooks.later(() => {
          if (hooks.cloudMode === 'offline') {
            const err = { errCode: -1, errMsg: 'cloud.callFunction:fail network unreachable (simulated)' };
            o.fail?.(err);
            o.complete?.(err);
            reject(err);
            return;
          }
          const res = { errMsg: 'cloud.callFunction:ok', requestID: 'sim', result: UNAUTHENTICATED_ENVELOPE };
          o.success?.(res);
          o.complete?.(res);
          resolve(res);
        }, 5);
      });
      // Like wx.cloud: a Promise only when no callback was given.
      if (o.success || o.fail || o.complete) {
        promise.catch(() => undefined);
        return undefined;
      }
      return promise;
    },
    uploadFile: cancelled('cloud.uploadFile'),
    downloadFile: cancelled('cloud.downloadFile'),
    getTempFileURL: ok('cloud.getTempFileURL', () => ({ fileList: [] })),
    deleteFile: ok('cloud.deleteFile', () => ({ fileList: [] })),
  };

  const wx: Record<string, unknown> = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    cloud,
    canIUse: sync('canIUse', () => true),
    getSystemInfoSync: sync('getSystemInfoSync', () => ({ ...SYSTEM_INFO })),
    getSystemInfo: ok('getSystemInfo', () => ({ ...SYSTEM_INFO })),
    getWindowInfo: sync('getWindowInfo', () => ({ ...SYSTEM_INFO })),
    getDeviceInfo: sync('getDeviceInfo', () => ({ ...SYSTEM_INFO })),
    getAppBaseInfo: sync('getAppBaseInfo', () => ({ ...SYSTEM_INFO })),
    getSystemSetting: sync('getSystemSetting', () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true })),
    getAppAuthorizeSetting: sync('getAppAuthorizeSetting', () => ({})),
    getAccountInfoSync: sync('getAccountInfoSync', () => ({ miniProgram: { appId: 'wx-sim', envVersion: 'develop', version: '' } })),
    getLaunchOptionsSync: sync('getLaunchOptionsSync', () => ({ path: 'pages/home/index', query: {}, scene: 1001 })),
    getEnterOptionsSync: sync('getEnterOptionsSync', () => ({ path: 'pages/home/index', query: {}, scene: 1001 })),
    getMenuButtonBoundingClientRect: sync('getMenuButtonBoundingClientRect', () => ({ width: 87, height: 32, top: 48, right: 365, bottom: 80, left: 278 })),
    getStorageSync: (key: unknown) => {
      hooks.record('getStorageSync');
      return storage.has(String(key)) ? storage.get(String(key)) : '';
    },
    setStorageSync: (key: unknown, value: unknown) => {
      hooks.record('setStorageSync');
      storage.set(String(key), JSON.parse(JSON.stringify(value ?? null)) as unknown);
    },
    removeStorageSync: (key: unknown) => {
      hooks.record('removeStorageSync');
      storage.delete(String(key));
    },
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: sync('getStorageInfoSync', () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })),
    getStorage: (o: Opts = {}) => {
      const key = String(o.key);
      hooks.later(() => {
        if (storage.has(key)) {
          const res = { errMsg: 'getStorage:ok', data: storage.get(key) };
          o.success?.(res);
          o.complete?.(res);
        } else {
          const res = { errMsg: 'getStorage:fail data not found' };
          o.fail?.(res);
          o.complete?.(res);
        }
      });
    },
    setStorage: (o: Opts = {}) => {
      storage.set(String(o.key), o.data);
      return ok('setStorage')(o);
    },
    removeStorage: (o: Opts = {}) => {
      storage.delete(String(o.key));
      return ok('removeStorage')(o);
    },
    // The gateway (H5 demo login) is not there: answer like an unreachable server.
    request: (o: Opts = {}) => {
      hooks.record('request', String(o.url));
      hooks.later(() => {
        const res = { errMsg: 'request:fail simulated: no network' };
        o.fail?.(res);
        o.complete?.(res);
      });
      return { abort: () => undefined, onHeadersReceived: () => undefined, offHeadersReceived: () => undefined };
    },
    uploadFile: cancelled('uploadFile'),
    downloadFile: cancelled('downloadFile'),
    login: ok('login', () => ({ code: 'sim-code' })),
    checkSession: ok('checkSession'),
    getSetting: ok('getSetting', () => ({ authSetting: {}, subscriptionsSetting: { mainSwitch: true } })),
    authorize: cancelled('authorize'),
    requestSubscribeMessage: cancelled('requestSubscribeMessage'),
    // Navigation is recorded, not performed: every page is opened by the check itself.
    navigateTo: ok('navigateTo', () => ({ eventChannel: { emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined } })),
    redirectTo: ok('redirectTo'),
    switchTab: ok('switchTab'),
    reLaunch: ok('reLaunch'),
    navigateBack: ok('navigateBack'),
    showToast: ok('showToast'),
    hideToast: ok('hideToast'),
    showLoading: ok('showLoading'),
    hideLoading: ok('hideLoading'),
    showModal: ok('showModal', () => ({ confirm: false, cancel: true })),
    showActionSheet: cancelled('showActionSheet'),
    setNavigationBarTitle: ok('setNavigationBarTitle'),
    setNavigationBarColor: ok('setNavigationBarColor'),
    showNavigationBarLoading: ok('showNavigationBarLoading'),
    hideNavigationBarLoading: ok('hideNavigationBarLoading'),
    hideHomeButton: ok('hideHomeButton'),
    setTabBarBadge: ok('setTabBarBadge'),
    removeTabBarBadge: ok('removeTabBarBadge'),
    showTabBarRedDot: ok('showTabBarRedDot'),
    hideTabBarRedDot: ok('hideTabBarRedDot'),
    startPullDownRefresh: ok('startPullDownRefresh'),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    pageScrollTo: ok('pageScrollTo'),
    showShareMenu: ok('showShareMenu'),
    hideShareMenu: ok('hideShareMenu'),
    setClipboardData: ok('setClipboardData'),
    getClipboardData: ok('getClipboardData', () => ({ data: '' })),
    getNetworkType: ok('getNetworkType', () => ({ networkType: 'wifi' })),
    vibrateShort: ok('vibrateShort'),
    scanCode: cancelled('scanCode'),
    makePhoneCall: cancelled('makePhoneCall'),
    chooseImage: cancelled('chooseImage'),
    chooseMedia: cancelled('chooseMedia'),
    chooseMessageFile: cancelled('chooseMessageFile'),
    previewImage: ok('previewImage'),
    saveImageToPhotosAlbum: cancelled('saveImageToPhotosAlbum'),
    openDocument: cancelled('openDocument'),
    canvasToTempFilePath: cancelled('canvasToTempFilePath'),
    getImageInfo: cancelled('getImageInfo'),
    getUserProfile: cancelled('getUserProfile'),
    getFileSystemManager: sync('getFileSystemManager', () => ({
      writeFile: cancelled('fs.writeFile'),
      readFile: cancelled('fs.readFile'),
      writeFileSync: noop('fs.writeFileSync'),
      readFileSync: () => '',
      accessSync: () => {
        throw new Error('access:fail no such file (simulated)');
      },
      mkdirSync: noop('fs.mkdirSync'),
    })),
    getUpdateManager: sync('getUpdateManager', () => ({
      onCheckForUpdate: () => undefined,
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
      applyUpdate: () => undefined,
    })),
    createSelectorQuery: sync('createSelectorQuery', selectorQuery),
    createIntersectionObserver: sync('createIntersectionObserver', () => {
      const o: Record<string, Fn> = {};
      o.relativeTo = () => o;
      o.relativeToViewport = () => o;
      o.observe = () => undefined;
      o.disconnect = () => undefined;
      return o;
    }),
    createCanvasContext: sync('createCanvasContext', () => new Proxy({}, { get: () => () => undefined })),
    createAnimation: sync(
      'createAnimation',
      () =>
        new Proxy(
          {},
          {
            get: (_t, k) =>
              k === 'export'
                ? () => ({ actions: [] })
                : function chain(this: unknown) {
                    return this;
                  },
          },
        ),
    ),
    nextTick: (fn: unknown) => {
      if (typeof fn === 'function') hooks.later(fn as () => void, 0);
    },
    reportAnalytics: noop('reportAnalytics'),
    reportEvent: noop('reportEvent'),
    onError: noop('onError'),
    offError: noop('offError'),
    onUnhandledRejection: noop('onUnhandledRejection'),
    onPageNotFound: noop('onPageNotFound'),
    onAppShow: noop('onAppShow'),
    offAppShow: noop('offAppShow'),
    onAppHide: noop('onAppHide'),
    offAppHide: noop('offAppHide'),
    onNetworkStatusChange: noop('onNetworkStatusChange'),
    onMemoryWarning: noop('onMemoryWarning'),
    onWindowResize: noop('onWindowResize'),
    offWindowResize: noop('offWindowResize'),
    onThemeChange: noop('onThemeChange'),
    offThemeChange: noop('offThemeChange'),
  };
  return wx;
}

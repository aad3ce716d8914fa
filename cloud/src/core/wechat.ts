import type { ActionTable } from './action';
import { runAction } from './action';
import { ENTRY_PAGE, type Platform } from './platform';

/** The slice of wx-server-sdk we use; tests pass a fake with the same shape. */
export interface WxSdk {
  init(opts: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  getWXContext(): { OPENID?: string };
  openapi: {
    wxacode: {
      getUnlimited(req: { scene: string; page: string; checkPath: boolean; width?: number }): Promise<{ buffer: Buffer; contentType?: string }>;
    };
  };
}

let sdk: WxSdk | null = null;

/** Inject a fake SDK (tests) or reset to the real one (null). */
export function setWxSdk(fake: WxSdk | null): void {
  sdk = fake;
}

function loadSdk(): WxSdk {
  if (!sdk) {
    // Required lazily: it is only installed in the deployed function, never needed locally.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const real = require('wx-server-sdk') as WxSdk;
    real.init({ env: real.DYNAMIC_CURRENT_ENV });
    sdk = real;
  }
  return sdk;
}

export function wechatPlatform(wx: WxSdk): Platform {
  return {
    name: 'wechat',
    publicBaseUrl: process.env.PUBLIC_BASE_URL ?? '',
    qr: {
      async render({ scene, page }) {
        const res = await wx.openapi.wxacode.getUnlimited({ scene, page: page || ENTRY_PAGE, checkPath: false, width: 430 });
        return `data:${res.contentType ?? 'image/png'};base64,${Buffer.from(res.buffer).toString('base64')}`;
      },
    },
  };
}

/**
 * The WeChat cloud function entry: `exports.main = createMain(table)`. Identity comes only from
 * the trusted context (getWXContext), never from the event.
 */
export function createMain(table: ActionTable) {
  return async function main(event: unknown, _context?: unknown) {
    const wx = loadSdk();
    const { OPENID } = wx.getWXContext();
    return runAction(table, event, { openid: OPENID ?? null }, wechatPlatform(wx));
  };
}

import type { ActionTable } from './action';
import { runAction } from './action';
import { localDay, templateEnvOf } from '@hg/types';
import crypto from 'node:crypto';
import { ENTRY_PAGE, STORED_FILE_TTL_MS, type Platform } from './platform';

/** The slice of wx-server-sdk we use; tests pass a fake with the same shape. */
export interface WxSdk {
  init(opts: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  getWXContext(): { OPENID?: string };
  uploadFile?(req: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL?(req: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>;
  openapi: {
    subscribeMessage?: {
      send(req: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<unknown>;
    };
    security?: {
      msgSecCheck(req: { content: string; version: 2; scene: number; openid: string }): Promise<{ result?: { suggest?: string } }>;
    };
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
    // Files come from wx.cloud.uploadFile into this environment's storage; the id is all we keep.
    photos: { exists: async (fileId) => fileId.startsWith('cloud://') },
    // Exports go to cloud storage under exports/ (give the folder a lifecycle rule of a day);
    // the client downloads by fileID, the temp URL serves a browser.
    files: {
      async save({ ext, body }) {
        if (!wx.uploadFile || !wx.getTempFileURL) throw new Error('cloud storage unavailable');
        const cloudPath = `exports/${localDay(new Date())}/${crypto.randomBytes(16).toString('hex')}.${ext}`;
        const { fileID } = await wx.uploadFile({ cloudPath, fileContent: body });
        const maxAge = STORED_FILE_TTL_MS / 1000;
        const { fileList } = await wx.getTempFileURL({ fileList: [{ fileID, maxAge }] });
        return { fileId: fileID, url: fileList[0]?.tempFileURL ?? '', expiresAt: new Date(Date.now() + STORED_FILE_TTL_MS) };
      },
    },
    content: {
      // msgSecCheck v2, scene 2 (comments): anything but "pass" is held back.
      async allows(text, openid) {
        if (!wx.openapi.security) return true;
        const res = await wx.openapi.security.msgSecCheck({ content: text, version: 2, scene: 2, openid });
        return res.result?.suggest === 'pass';
      },
    },
    messenger: {
      async send(msg) {
        // One template per message kind, each configured by its own variable (types/links.ts).
        const templateId = process.env[templateEnvOf(msg.template)];
        if (!templateId || !wx.openapi.subscribeMessage) return { ok: false, final: true, code: 'NO_TEMPLATE' };
        try {
          // Template fields: thing1 = title, thing2 = body (WeChat caps "thing" values at 20 characters).
          await wx.openapi.subscribeMessage.send({
            touser: msg.openid,
            templateId,
            page: msg.page,
            data: { thing1: { value: msg.title.slice(0, 20) }, thing2: { value: msg.body.slice(0, 20) } },
          });
          return { ok: true };
        } catch (err) {
          // 43101: the person has no subscription left for this template — final (the in-app
          // message centre still has it). Anything else (quota 45009, system -1, a timeout) is retried.
          const errCode = (err as { errCode?: number; code?: number })?.errCode ?? (err as { code?: number })?.code;
          return { ok: false, final: errCode === 43101, code: String(errCode ?? 'ERROR').slice(0, 60) };
        }
      },
    },
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

/**
 * Entry of a timer-triggered function: WeChat calls it with `{ Type: 'Timer', ... }` and no
 * OPENID; that (and only that) runs as the system. Any other caller is an ordinary user.
 */
export function createTimerMain(table: ActionTable, action: string) {
  return async function main(event: unknown, _context?: unknown) {
    const wx = loadSdk();
    const { OPENID } = wx.getWXContext();
    const timer = !OPENID && !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer';
    const payload = timer ? { action } : event;
    return runAction(table, payload, { openid: OPENID ?? null, system: timer }, wechatPlatform(wx));
  };
}

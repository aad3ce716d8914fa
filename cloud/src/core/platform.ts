import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_PHOTO_ID_PATTERN, LOCAL_VOICE_ID_PATTERN, type MessageKind } from '@hg/types';

/**
 * What differs between WeChat cloud and the local gateway, behind one interface: how QR codes are
 * drawn and where the H5 app lives. Identity is handled before an action runs (see action.ts).
 */
export interface QrRenderer {
  /** Returns a data URL of the code for `scene` (weapp) or `url` (H5). */
  render(input: { scene: string; url: string; page: string }): Promise<string>;
}

/** A WeChat one-time subscribe message (订阅消息), sent from the outbox (pushes/push-sender.ts). */
export interface SubscribeMessage {
  openid: string;
  /** The message kind; each platform maps it to its template (WeChat: WX_TEMPLATE_<KIND>). */
  template: MessageKind;
  /** Mini-program page the message opens. */
  page: string;
  title: string;
  body: string;
}

/**
 * What one push attempt came to. `final` failures are never retried: no consent left (WeChat
 * errCode 43101), no template configured for the kind, no openid; the others (quota, system
 * errors, timeouts) are retried with back-off by the outbox's sender.
 */
export type PushOutcome = { ok: true } | { ok: false; final: boolean; code: string };

export interface Messenger {
  send(msg: SubscribeMessage): Promise<PushOutcome>;
}

/** Where uploaded photos live: cloud storage on WeChat, a folder behind the gateway locally. */
export interface PhotoStore {
  /** Does this uploaded file exist (and belong to this deployment)? */
  exists(fileId: string): Promise<boolean>;
}

/** Content security for public text (rating comments): WeChat's msgSecCheck, a word list locally. */
export interface ContentChecker {
  /** True when the text may be published. */
  allows(text: string, openid: string): Promise<boolean>;
}

/** A generated file (an export) kept for a short while and handed out as a link. */
export interface StoredFile {
  /** WeChat cloud storage fileID; null for the local store. */
  fileId: string | null;
  /** Where the client downloads it: absolute (cloud temp URL) or root-relative to the gateway. */
  url: string;
  expiresAt: Date;
}

/** Where generated files go: cloud storage on WeChat, a folder behind the gateway locally. */
export interface FileStore {
  save(input: { ext: 'csv' | 'xlsx'; body: Buffer }): Promise<StoredFile>;
}

/**
 * A speech-recognition service (语音转文字) a city may enable later: the recording's text, or a
 * thrown error (the voice-note timer retries, then gives up). None by default on either platform;
 * it is only ever called by a timer job, outside any request's transaction.
 */
export interface Transcriber {
  transcribe(input: { fileId: string; durationSec: number }): Promise<string>;
}

export interface Platform {
  name: 'wechat' | 'local';
  content: ContentChecker;
  photos: PhotoStore;
  files: FileStore;
  qr: QrRenderer;
  messenger: Messenger;
  /** 语音转文字, where one is configured (none by default); used only when the city's `voice` settings enable it. */
  transcriber?: Transcriber | null;
  /** Base URL of the H5 app, ending with '/'. */
  publicBaseUrl: string;
}

/** The mini-program page a compound/building code opens, also the H5 route. */
export const ENTRY_PAGE = 'packages/entry/pages/scan/index';

export function entryUrl(baseUrl: string, scene: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}#/${ENTRY_PAGE}?scene=${encodeURIComponent(scene)}`;
}

/** H5/local renderer: an SVG QR code of the H5 entry URL, drawn by the `qrcode` package. */
export const svgQrRenderer: QrRenderer = {
  async render({ url }) {
    const QRCode = await import('qrcode');
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  },
};

/**
 * Locally there is no WeChat to push to: what the outbox's sender delivers lands in this list (the
 * in-app message centre carries the same content), which tests read.
 */
export const localOutbox: SubscribeMessage[] = [];
const localMessenger: Messenger = {
  async send(msg) {
    localOutbox.push(msg);
    if (localOutbox.length > 1000) localOutbox.splice(0, localOutbox.length - 1000);
    return { ok: true };
  },
};

/** Local uploads: `local/<sha256>.<ext>` stored as `<dir>/<sha256>.<ext>`. */
export function uploadDir(): string {
  return process.env.UPLOAD_DIR ?? path.resolve(process.cwd(), 'data', 'uploads');
}
/** The local upload store holds photos and voice notes (`local/<sha256>.wav`) alike; the schemas say which an id may be. */
export const localPhotoStore: PhotoStore = {
  async exists(fileId) {
    const m = LOCAL_PHOTO_ID_PATTERN.exec(fileId) ?? LOCAL_VOICE_ID_PATTERN.exec(fileId);
    return !!m && fs.existsSync(path.join(uploadDir(), m[1]));
  },
};

/**
 * Locally: a small list of abusive words (the WeChat check is the real one). Matching ignores
 * spaces and case, so "傻 逼" is caught too.
 */
const BLOCKED_WORDS = ['傻逼', '操你', '去死', '滚蛋', '王八蛋', 'fuck', 'shit'];
export const localContentChecker: ContentChecker = {
  async allows(text) {
    const flat = text.replace(/\s+/g, '').toLowerCase();
    return !BLOCKED_WORDS.some((w) => flat.includes(w));
  },
};

/** How long a link to a generated file works (the local file is deleted after it, too). */
export const STORED_FILE_TTL_MS = 3600 * 1000;
const STORED_FILE_NAME = /^([0-9a-f]{32})\.(csv|xlsx)$/;
const STORED_FILE_MIME = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** Local generated files: `<uploadDir>/exports/<random 128-bit token>.<ext>`, served at /uploads/exports/. */
export function storedFileDir(): string {
  return path.join(uploadDir(), 'exports');
}

/**
 * The unguessable name is the only key (an export holds residents' requests), like a signed
 * URL; saving also sweeps files older than the TTL, so nothing lingers.
 */
export const localFileStore: FileStore = {
  async save({ ext, body }) {
    const dir = storedFileDir();
    fs.mkdirSync(dir, { recursive: true });
    const now = Date.now();
    for (const old of fs.readdirSync(dir)) {
      const file = path.join(dir, old);
      if (STORED_FILE_NAME.test(old) && now - fs.statSync(file).mtimeMs > STORED_FILE_TTL_MS) fs.rmSync(file, { force: true });
    }
    const name = `${crypto.randomBytes(16).toString('hex')}.${ext}`;
    fs.writeFileSync(path.join(dir, name), body);
    return { fileId: null, url: `/uploads/exports/${name}`, expiresAt: new Date(now + STORED_FILE_TTL_MS) };
  },
};

/** The gateway's view of a stored file: its path and type while the link is valid, else null. */
export function openStoredFile(name: string): { file: string; mime: string } | null {
  const m = STORED_FILE_NAME.exec(name);
  if (!m) return null;
  const file = path.join(storedFileDir(), name);
  if (!fs.existsSync(file) || Date.now() - fs.statSync(file).mtimeMs > STORED_FILE_TTL_MS) return null;
  return { file, mime: STORED_FILE_MIME[m[2] as 'csv' | 'xlsx'] };
}

export function localPlatform(publicBaseUrl = process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000/'): Platform {
  return {
    name: 'local',
    qr: svgQrRenderer,
    messenger: localMessenger,
    photos: localPhotoStore,
    files: localFileStore,
    content: localContentChecker,
    publicBaseUrl,
  };
}

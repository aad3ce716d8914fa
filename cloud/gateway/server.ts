import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import {
  ErrorCode,
  HTTP_STATUS,
  LIMITS,
  NEED_RULES,
  PHOTO_TYPES,
  VOICE_RULES,
  ZDemoLoginRequest,
  type Envelope,
  type ErrorCode as TErrorCode,
  type SessionDTO,
} from '@hg/types';
import { actionOf, runAction } from '../src/core/action';
import { AppError } from '../src/core/errors';
import { localPlatform, openStoredFile, uploadDir } from '../src/core/platform';
import { readWav } from '../src/core/wav';
import { FUNCTIONS, LOCAL_ACTIONS } from '../src/app';
import { isDemoSubject, signSession, verifySession } from './session';

export interface GatewayOptions {
  ds: DataSource;
  secret: string;
  /** Serve the demo login endpoints (local/demo mode only). */
  demo: boolean;
  /** Built H5 app to serve at `/`; omitted in API-only tests. */
  staticDir?: string;
  /** Fixed public URL for QR posters; default: the Host the request came to. */
  publicBaseUrl?: string;
}

class HttpFailure extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * The local gateway: `POST /api/<function>` runs the same action tables the WeChat functions
 * deploy, with the actor taken from a verified bearer token instead of WeChat's OPENID.
 */
export function createGateway(opts: GatewayOptions): http.Server {
  return http.createServer((req, res) => {
    handle(req, res, opts).catch((err) => {
      console.error('[gateway]', err);
      if (!res.headersSent) send(res, HTTP_STATUS.INTERNAL, { ok: false, error: { code: ErrorCode.INTERNAL, message: '服务暂时不可用' } });
    });
  });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, opts: GatewayOptions): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return badAddress(res);
  }
  // Bearer tokens, not cookies: any origin may call (the H5 dev server runs on another port).
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }
  if (url.pathname.startsWith('/uploads/exports/')) return serveStoredFile(req, res, url.pathname.slice('/uploads/exports/'.length));
  if (url.pathname.startsWith('/uploads/')) return serveUpload(req, res, url.pathname.slice('/uploads/'.length));
  if (!url.pathname.startsWith('/api/')) return serveStatic(req, res, url.pathname, opts.staticDir);

  let envelope: Envelope<unknown>;
  let status: number;
  try {
    envelope = await routeApi(req, url.pathname.slice('/api/'.length), opts);
    status = answerStatus(envelope);
  } catch (err) {
    if (!(err instanceof HttpFailure)) throw err;
    envelope = { ok: false, error: { code: err.code, message: err.message } };
    status = HTTP_STATUS[err.code];
  }
  if (!envelope.ok) res.setHeader('X-HG-Error', envelope.error.code);
  send(res, status, envelope);
}

/**
 * The HTTP status of an action's answer. A business refusal (FORBIDDEN, NOT_FOUND, CONFLICT,
 * INVALID_TRANSITION, CAPACITY_FULL, RATE_LIMITED, INVALID_INPUT from the action's schema …) is a
 * normal answer: 200 with `ok: false` and the code, also in the `X-HG-Error` header, so a browser
 * does not log an expected refusal as a failed resource. A missing or expired login (401) and an
 * unexpected failure (500) keep their statuses; requests that never reach an action (unknown
 * function or action, malformed JSON, too large, bad token) are HttpFailures with theirs.
 */
function answerStatus(envelope: Envelope<unknown>): number {
  if (envelope.ok) return 200;
  const { code } = envelope.error;
  return code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.INTERNAL ? HTTP_STATUS[code] : 200;
}

async function routeApi(req: http.IncomingMessage, route: string, opts: GatewayOptions): Promise<Envelope<unknown>> {
  if (route === '_demo/users' || route === '_demo/login') {
    if (!opts.demo) throw new HttpFailure(ErrorCode.NOT_FOUND, '演示登录未开启');
    if (route === '_demo/users') {
      if (req.method !== 'GET') throw new HttpFailure(ErrorCode.NOT_FOUND, '请使用 GET');
      return runAction(LOCAL_ACTIONS.demo, { action: 'users' }, { openid: null, system: true }, localPlatform());
    }
    const parsed = ZDemoLoginRequest.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpFailure(ErrorCode.INVALID_INPUT, 'userId: 请选择演示账号');
    const found = await runAction(LOCAL_ACTIONS.demo, { action: 'find', userId: parsed.data.userId }, { openid: null, system: true }, localPlatform());
    if (!found.ok) throw new HttpFailure(found.error.code, found.error.message);
    const user = found.data as { id: number; openid: string; name: string };
    const { token, expiresAt } = signSession(opts.secret, user.openid);
    const session: SessionDTO = { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, name: user.name } };
    return { ok: true, data: session };
  }

  if (route === '_upload') {
    const openid = authenticate(req, opts);
    if (!openid) throw new HttpFailure(ErrorCode.UNAUTHENTICATED, '请先登录');
    if (req.method !== 'POST') throw new HttpFailure(ErrorCode.NOT_FOUND, '请使用 POST 上传');
    return { ok: true, data: await storeUpload(req) };
  }

  const fn = Object.prototype.hasOwnProperty.call(FUNCTIONS, route) ? FUNCTIONS[route as keyof typeof FUNCTIONS] : undefined;
  if (!fn) throw new HttpFailure(ErrorCode.NOT_FOUND, `未知的云函数：${route.slice(0, 40)}`);
  if (req.method !== 'POST') throw new HttpFailure(ErrorCode.NOT_FOUND, '请使用 POST 调用云函数');

  const openid = authenticate(req, opts);
  const event = await readJson(req);
  try {
    actionOf(fn, event);
  } catch (err) {
    if (err instanceof AppError) throw new HttpFailure(err.code, err.message);
    throw err;
  }
  const base = opts.publicBaseUrl ?? `http://${req.headers.host ?? 'localhost'}/`;
  return runAction(fn, event, { openid }, localPlatform(base));
}

/**
 * The openid of the bearer token; null without one; a bad token is an error even for public actions.
 * With demo login off, demo sessions end: a token issued to a `demo:` account while it was on (the
 * secret survives restarts) is refused, so the seeded accounts, the city-wide admin among them,
 * cannot be used for the rest of its 7 days.
 */
function authenticate(req: http.IncomingMessage, opts: GatewayOptions): string | null {
  const auth = req.headers.authorization;
  if (!auth) return null;
  const m = /^Bearer (\S+)$/.exec(auth);
  const openid = m ? verifySession(opts.secret, m[1]) : null;
  if (!openid) throw new HttpFailure(ErrorCode.UNAUTHENTICATED, '登录已过期，请重新登录');
  if (!opts.demo && isDemoSubject(openid)) throw new HttpFailure(ErrorCode.UNAUTHENTICATED, '演示登录已关闭，请重新登录');
  return openid;
}

const IMAGE_EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'audio/wav': 'wav' };

/**
 * A voice note (语音留言) rides the photo upload with the same store and checks, plus its own: WAV,
 * 16 kHz mono 16-bit PCM (what both clients record and the mini-program plays), at most
 * VOICE_RULES.maxSeconds (half a second of slack for the stop tap) and bytesMax.
 */
function checkVoice(body: Buffer): 'audio/wav' {
  if (body.length > VOICE_RULES.bytesMax) throw new HttpFailure(ErrorCode.PAYLOAD_TOO_LARGE, `语音不能超过 ${VOICE_RULES.maxSeconds} 秒`);
  const wav = readWav(body);
  const pcm =
    wav &&
    wav.format === 1 &&
    wav.channels === VOICE_RULES.channels &&
    wav.sampleRate === VOICE_RULES.sampleRate &&
    wav.bitsPerSample === VOICE_RULES.bitsPerSample;
  if (!wav || !pcm || wav.dataBytes === 0) throw new HttpFailure(ErrorCode.INVALID_INPUT, '语音须为 16kHz 单声道 WAV 录音');
  if (wav.seconds > VOICE_RULES.maxSeconds + 0.5) throw new HttpFailure(ErrorCode.PAYLOAD_TOO_LARGE, `语音不能超过 ${VOICE_RULES.maxSeconds} 秒`);
  return 'audio/wav';
}

/** Magic bytes, so a renamed file is not taken for an image because of its Content-Type. */
function sniffImage(buf: Buffer): string | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Local photo upload (the stand-in for wx.cloud.uploadFile): the raw image is the body. Stored
 * content-addressed as <sha256>.<ext>, so the same photo twice is one file.
 */
async function storeUpload(req: http.IncomingMessage): Promise<{ fileId: string; url: string }> {
  const body = await readBody(req, NEED_RULES.photoBytesMax, `图片不能超过 ${NEED_RULES.photoBytesMax / 1024 / 1024} MB`);
  const voice = body.toString('ascii', 8, 12) === 'WAVE';
  const type = voice ? checkVoice(body) : sniffImage(body);
  if (!type || (!voice && !(PHOTO_TYPES as readonly string[]).includes(type))) throw new HttpFailure(ErrorCode.INVALID_INPUT, '只能上传 JPG、PNG 或 WebP 图片');
  const name = `${crypto.createHash('sha256').update(body).digest('hex')}.${IMAGE_EXT[type]}`;
  const dir = uploadDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, body);
  return { fileId: `local/${name}`, url: `/uploads/${name}` };
}

/** A generated export behind its unguessable link (platform.ts localFileStore), while the link is valid. */
function serveStoredFile(req: http.IncomingMessage, res: http.ServerResponse, name: string): void {
  const found = req.method === 'GET' ? openStoredFile(name) : null;
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': found.mime,
    'Content-Disposition': 'attachment',
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  fs.createReadStream(found.file).pipe(res);
}

function serveUpload(req: http.IncomingMessage, res: http.ServerResponse, name: string): void {
  const m = /^([0-9a-f]{64})\.(jpg|png|webp|wav)$/.exec(name);
  const file = m ? path.join(uploadDir(), name) : null;
  if (!file || !fs.existsSync(file) || req.method !== 'GET') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const mime = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', wav: 'audio/wav' }[m![2] as 'jpg' | 'png' | 'webp' | 'wav'];
  res.writeHead(200, { 'Content-Type': mime, 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' });
  fs.createReadStream(file).pipe(res);
}

/** Read a raw body up to `max` bytes; larger bodies fail fast with PAYLOAD_TOO_LARGE. */
function readBody(req: http.IncomingMessage, max: number, tooLarge: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) {
      req.resume();
      reject(new HttpFailure(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max && !failed) {
        failed = true;
        reject(new HttpFailure(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge));
      }
      if (!failed) chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Read and parse a JSON body, refusing anything over the limit without buffering it. */
function readJson(req: http.IncomingMessage): Promise<unknown> {
  return readBody(req, LIMITS.bodyBytesMax, `请求体不能超过 ${LIMITS.bodyBytesMax / 1024} KB`).then((buf) => {
    const text = buf.toString('utf8');
    if (!text.trim()) return {};
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpFailure(ErrorCode.INVALID_INPUT, '请求体不是合法的 JSON');
    }
  });
}

/** A request target that cannot be parsed or decoded (`/%`, `/%E0%A4%A`): the caller's mistake, never a 500. */
function badAddress(res: http.ServerResponse): void {
  send(res, HTTP_STATUS.INVALID_INPUT, { ok: false, error: { code: ErrorCode.INVALID_INPUT, message: '地址格式错误' } });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json), 'Cache-Control': 'no-store' });
  res.end(json);
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, dir?: string): void {
  if (!dir || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return badAddress(res);
  }
  if (rel.includes('\0')) return badAddress(res);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(dir, `.${rel}`);
  // Never serve outside the build folder.
  const target = file.startsWith(path.resolve(dir) + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(dir, 'index.html');
  if (!fs.existsSync(target)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('H5 app not built: run npm run build:h5');
    return;
  }
  const ext = path.extname(target);
  res.writeHead(200, {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(target).pipe(res);
}

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { ErrorCode, HTTP_STATUS, LIMITS, ZDemoLoginRequest, type Envelope, type ErrorCode as TErrorCode, type SessionDTO } from '@hg/types';
import { runAction } from '../src/core/action';
import { localPlatform } from '../src/core/platform';
import { FUNCTIONS } from '../src/functions';
import { User } from '../src/modules/users/user.entity';
import { listDemoUsers } from './demo';
import { signSession, verifySession } from './session';

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
  constructor(readonly code: TErrorCode, message: string) {
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
  const url = new URL(req.url ?? '/', 'http://localhost');
  // Bearer tokens, not cookies: any origin may call (the H5 dev server runs on another port).
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }
  if (!url.pathname.startsWith('/api/')) return serveStatic(req, res, url.pathname, opts.staticDir);

  let envelope: Envelope<unknown>;
  try {
    envelope = await routeApi(req, url.pathname.slice('/api/'.length), opts);
  } catch (err) {
    if (!(err instanceof HttpFailure)) throw err;
    envelope = { ok: false, error: { code: err.code, message: err.message } };
  }
  send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

async function routeApi(req: http.IncomingMessage, route: string, opts: GatewayOptions): Promise<Envelope<unknown>> {
  if (route === '_demo/users' || route === '_demo/login') {
    if (!opts.demo) throw new HttpFailure(ErrorCode.NOT_FOUND, '演示登录未开启');
    if (route === '_demo/users') {
      if (req.method !== 'GET') throw new HttpFailure(ErrorCode.NOT_FOUND, '请使用 GET');
      return { ok: true, data: await listDemoUsers(opts.ds) };
    }
    const parsed = ZDemoLoginRequest.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpFailure(ErrorCode.INVALID_INPUT, 'userId: 请选择演示账号');
    const user = await opts.ds.manager.findOne(User, { where: { id: parsed.data.userId } });
    if (!user || !user.openid.startsWith('demo:')) throw new HttpFailure(ErrorCode.NOT_FOUND, '演示账号不存在');
    const { token, expiresAt } = signSession(opts.secret, user.openid);
    const session: SessionDTO = { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, name: user.name } };
    return { ok: true, data: session };
  }

  const fn = Object.prototype.hasOwnProperty.call(FUNCTIONS, route) ? FUNCTIONS[route as keyof typeof FUNCTIONS] : undefined;
  if (!fn) throw new HttpFailure(ErrorCode.NOT_FOUND, `未知的云函数：${route.slice(0, 40)}`);
  if (req.method !== 'POST') throw new HttpFailure(ErrorCode.NOT_FOUND, '请使用 POST 调用云函数');

  let openid: string | null = null;
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer (\S+)$/.exec(auth);
    openid = m ? verifySession(opts.secret, m[1]) : null;
    // A bad token is an error even for public actions: the client should know its session is gone.
    if (!openid) throw new HttpFailure(ErrorCode.UNAUTHENTICATED, '登录已过期，请重新登录');
  }
  const event = await readJson(req);
  const base = opts.publicBaseUrl ?? `http://${req.headers.host ?? 'localhost'}/`;
  return runAction(fn, event, { openid }, localPlatform(base));
}

/** Read and parse a JSON body, refusing anything over the limit without buffering it. */
function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > LIMITS.bodyBytesMax) {
      req.resume();
      reject(new HttpFailure(ErrorCode.PAYLOAD_TOO_LARGE, `请求体不能超过 ${LIMITS.bodyBytesMax / 1024} KB`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMITS.bodyBytesMax && !failed) {
        failed = true;
        reject(new HttpFailure(ErrorCode.PAYLOAD_TOO_LARGE, `请求体不能超过 ${LIMITS.bodyBytesMax / 1024} KB`));
      }
      if (!failed) chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpFailure(ErrorCode.INVALID_INPUT, '请求体不是合法的 JSON'));
      }
    });
    req.on('error', reject);
  });
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
  let rel = decodeURIComponent(pathname);
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

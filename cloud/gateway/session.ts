import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OPENID_MAX } from '../src/core/action';

/**
 * Local session tokens: `base64url(payload).base64url(HMAC-SHA256)`. The payload carries the
 * openid the cloud functions will trust, exactly as WeChat's context would.
 */
export interface SessionPayload {
  sub: string;
  exp: number;
}

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** Seeded demo accounts (and only they) have openids with this prefix. */
export const DEMO_SUBJECT_PREFIX = 'demo:';

/** Is this a session of a seeded demo account? The gateway refuses them while demo login is off. */
export const isDemoSubject = (openid: string) => openid.startsWith(DEMO_SUBJECT_PREFIX);

export function signSession(secret: string, openid: string, now = Date.now()): { token: string; expiresAt: Date } {
  const payload: SessionPayload = { sub: openid, exp: now + SESSION_TTL_MS };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const sig = crypto.createHmac('sha256', secret).update(body).digest('base64url');
  return { token: `${body}.${sig}`, expiresAt: new Date(payload.exp) };
}

/**
 * The openid of a valid, unexpired token; null for anything else (constant-time comparison). A
 * subject longer than a user row holds is refused even when validly signed, before any database.
 */
export function verifySession(secret: string, token: string, now = Date.now()): string | null {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return null;
  const expected = crypto.createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as SessionPayload;
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number' || payload.exp < now) return null;
    if (payload.sub.length === 0 || payload.sub.length > OPENID_MAX) return null;
    return payload.sub;
  } catch {
    return null;
  }
}

/** SESSION_SECRET from the environment, else one generated on first run and kept in the data folder. */
export function loadSecret(dataDir: string, env: Record<string, string | undefined> = process.env): string {
  if (env.SESSION_SECRET && env.SESSION_SECRET.length >= 16) return env.SESSION_SECRET;
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

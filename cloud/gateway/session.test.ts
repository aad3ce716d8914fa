import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OPENID_MAX } from '../src/core/action';
import { isDemoSubject, loadSecret, SESSION_TTL_MS, signSession, verifySession } from './session';

describe('session tokens', () => {
  const secret = 'unit-test-secret-000000';
  it('round-trips the openid until it expires', () => {
    const now = 1_800_000_000_000;
    const { token } = signSession(secret, 'demo:resident', now);
    expect(verifySession(secret, token, now + 1000)).toBe('demo:resident');
    expect(verifySession(secret, token, now + SESSION_TTL_MS + 1)).toBeNull();
  });
  it('rejects a changed payload, a changed signature and another secret', () => {
    const { token } = signSession(secret, 'demo:resident');
    const [body, sig] = token.split('.');
    const other = Buffer.from(JSON.stringify({ sub: 'demo:admin', exp: Date.now() + 1e9 })).toString('base64url');
    expect(verifySession(secret, `${other}.${sig}`)).toBeNull();
    expect(verifySession(secret, `${body}.${sig.slice(1)}A`)).toBeNull();
    expect(verifySession('different-secret-0000', token)).toBeNull();
    expect(verifySession(secret, `${token}.extra`)).toBeNull();
    expect(verifySession(secret, '')).toBeNull();
  });
  it('refuses a validly signed subject that no user row could hold, or an empty one', () => {
    expect(verifySession(secret, signSession(secret, 'x'.repeat(OPENID_MAX)).token)).toBe('x'.repeat(OPENID_MAX));
    expect(verifySession(secret, signSession(secret, 'x'.repeat(OPENID_MAX + 1)).token)).toBeNull();
    expect(verifySession(secret, signSession(secret, '').token)).toBeNull();
  });
  it('tells demo sessions apart', () => {
    expect(isDemoSubject('demo:admin')).toBe(true);
    expect(isDemoSubject('oAbc123-wechat-openid')).toBe(false);
    expect(isDemoSubject('test:demo:x')).toBe(false);
  });
  it('generates a secret on first run, keeps it, and prefers SESSION_SECRET', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-secret-'));
    const first = loadSecret(dir, {});
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadSecret(dir, {})).toBe(first);
    expect((fs.statSync(path.join(dir, 'session-secret')).mode & 0o777).toString(8)).toBe('600');
    expect(loadSecret(dir, { SESSION_SECRET: 'from-the-environment-123' })).toBe('from-the-environment-123');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

import crypto from 'node:crypto';
import type { Envelope, FunctionName } from '@hg/types';
import { runAction } from '../cloud/src/core/action';
import { localPlatform } from '../cloud/src/core/platform';
import { FUNCTIONS } from '../cloud/src/functions';
import { demoOpenid } from '../cloud/src/seed/demo-data';

/** Seeded people by their demo key (see cloud/src/seed/demo-data.ts). */
export const as = (key: string) => demoOpenid(key);

/** A person the seed does not know: a first-time WeChat user. */
export const newcomer = () => `test:${crypto.randomBytes(6).toString('hex')}`;

/** Call an action through the same wrapper the functions and the gateway use. */
export function call<T = unknown>(fn: FunctionName | string, action: string, input: Record<string, unknown> = {}, openid: string | null = null): Promise<Envelope<T>> {
  const table = (FUNCTIONS as Record<string, (typeof FUNCTIONS)[FunctionName]>)[fn];
  return runAction(table, { action, ...input }, { openid }, localPlatform('http://test.local/')) as Promise<Envelope<T>>;
}

/** Unwrap a successful envelope or fail the test with the error it carried. */
export function ok<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

export function errorCode(env: Envelope<unknown>): string | null {
  return env.ok ? null : env.error.code;
}

/** A valid binding request for a seeded compound, with overrides. */
export function buildBinding(ids: { compoundId: number; buildingId: number; unitId: number }, overrides: Record<string, unknown> = {}) {
  return { ...ids, room: '603', name: '测试居民', phone: '10000009999', relation: 'owner', ...overrides };
}

/**
 * A photo as the upload step leaves it: a file in the local store, referenced as `local/<sha>.jpg`.
 * Tests point UPLOAD_DIR at a temp folder first.
 */
export function storedPhoto(seed = Math.random().toString()): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  const sha = crypto.createHash('sha256').update(seed).digest('hex');
  const dir = process.env.UPLOAD_DIR!;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${sha}.jpg`), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  return `local/${sha}.jpg`;
}

/** The household id of a seeded person's verified home. */
export async function homeOf(ds: import('typeorm').DataSource, key: string): Promise<number> {
  const [row] = await ds.query(
    "SELECT m.householdId AS id FROM household_members m JOIN users u ON u.id = m.userId WHERE u.openid = ? AND m.status = 'verified'",
    [as(key)],
  );
  return Number(row.id);
}

export async function categoryId(ds: import('typeorm').DataSource, code: string): Promise<number> {
  const [row] = await ds.query('SELECT id FROM need_categories WHERE code = ?', [code]);
  return Number(row.id);
}

export async function orgId(ds: import('typeorm').DataSource, name: string): Promise<number> {
  const [row] = await ds.query('SELECT id FROM organisations WHERE name = ?', [name]);
  return Number(row.id);
}

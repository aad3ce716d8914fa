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

import type { ActionInput, ActionName, ActionOutput, ApiError, Envelope, FunctionName } from '@hg/types';

/**
 * The signature every platform transport implements. Typed with `Api` from the contract so a
 * misspelt action or a wrong input shape fails at compile time, not in front of a resident.
 */
export type CallFunction = <F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
) => Promise<Envelope<ActionOutput<F, A>>>;

/** What a caller sees when the network (not the server) failed: never a raw exception. */
export const NETWORK_ERROR: ApiError = { code: 'INTERNAL', message: '网络异常，请稍后再试' };

/** True when `body` already has the envelope shape, whatever HTTP status carried it. */
export function isEnvelope(body: unknown): body is Envelope<unknown> {
  if (!body || typeof body !== 'object') return false;
  const b = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (b.ok === true) return 'data' in b;
  return b.ok === false && !!b.error && typeof b.error.code === 'string' && typeof b.error.message === 'string';
}

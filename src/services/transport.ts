import type { CallFunction } from './call';
import { NETWORK_ERROR } from './call';

/**
 * The single transport seam. Taro resolves `./transport` to `transport.weapp.ts` (wx.cloud) or
 * `transport.h5.ts` (HTTP to the local gateway) at build time; this file only exists for the
 * type checker, for jest, and for platforms we do not ship.
 */
export const callFunction: CallFunction = async () => ({ ok: false, error: NETWORK_ERROR });

/** Platform start-up (cloud init on weapp); nothing to do elsewhere. */
export function initTransport(): void {}

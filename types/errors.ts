/**
 * The fixed set of error codes a client can ever see. Every failure of an action is mapped to
 * exactly one of these in `cloud/src/core/action.ts`; nothing else (no stack, no SQL) leaves the server.
 */
export const ErrorCode = {
  /** No trusted identity came with the call (no OPENID on WeChat, no valid token locally). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The actor is known but the policy refuses: outside their scope or missing the role. */
  FORBIDDEN: 'FORBIDDEN',
  /** The function, action or record does not exist (or is invisible to this actor). */
  NOT_FOUND: 'NOT_FOUND',
  /** The input failed validation; `details.field` names the first offending field. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** The request body exceeded the gateway's size limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A uniqueness rule or a concurrent change won: retrying the same call will not help. */
  CONFLICT: 'CONFLICT',
  /** The record is not in a state that allows this step (compare-and-set on the state failed). */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** No capacity left (seat, slot, quota). */
  CAPACITY_FULL: 'CAPACITY_FULL',
  /** Too many calls of this kind in the current window. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Anything unexpected. Logged on the server with a correlation id; never described to the client. */
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status the local gateway answers with for each code (WeChat callFunction has no status). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  CAPACITY_FULL: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** The one response shape of every cloud function action, on WeChat and over HTTP alike. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

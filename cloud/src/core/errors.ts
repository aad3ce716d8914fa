import { ErrorCode, type ApiError } from '@hg/types';

/**
 * The one error type of the cloud layer. Throw it anywhere below an action; the action wrapper
 * turns it into the envelope. Anything that is not an AppError becomes INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export const notFound = (what = '记录') => new AppError(ErrorCode.NOT_FOUND, `${what}不存在或无权查看`);
export const forbidden = (message = '没有权限执行此操作') => new AppError(ErrorCode.FORBIDDEN, message);
export const invalidInput = (field: string, message: string) => new AppError(ErrorCode.INVALID_INPUT, `${field}: ${message}`, { field });
export const conflict = (message: string) => new AppError(ErrorCode.CONFLICT, message);
export const invalidTransition = (message = '当前状态不允许此操作，请刷新后重试') => new AppError(ErrorCode.INVALID_TRANSITION, message);

/** True for a unique-key violation on MySQL/MariaDB (ER_DUP_ENTRY) or SQLite. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { driverError?: { code?: string; errno?: number }; code?: string };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

import { invalidInput } from './errors';

/** Keyset cursors are opaque to clients: base64url of the last id seen. */
export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const m = /^id:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw invalidInput('cursor', '分页游标无效');
  return Number(m[1]);
}

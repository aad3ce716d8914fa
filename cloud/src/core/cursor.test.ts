import { decodeCursor, encodeCursor } from './cursor';

describe('keyset cursor', () => {
  it('round-trips an id', () => expect(decodeCursor(encodeCursor(12345))).toBe(12345));
  it('is absent for the first page', () => expect(decodeCursor(undefined)).toBeNull());
  it.each(['garbage', Buffer.from('id:-1').toString('base64url'), Buffer.from('id:1 OR 1=1').toString('base64url')])('rejects %s', (c) => {
    expect(() => decodeCursor(c)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

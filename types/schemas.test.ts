import { makeScene, parseScene, SCENE_PATTERN, ZBindHouseholdRequest } from './index';

describe('QR scenes', () => {
  it('makes scenes WeChat accepts and parses them back, raw or URL-encoded', () => {
    const scene = makeScene('building', 'NJJP0101');
    expect(scene).toBe('b=NJJP0101');
    expect(scene).toMatch(SCENE_PATTERN);
    expect(parseScene(scene)).toEqual({ kind: 'building', code: 'NJJP0101' });
    expect(parseScene(encodeURIComponent(scene))).toEqual({ kind: 'building', code: 'NJJP0101' });
  });
  it.each(['', 'x=NJJP01', 'c=', 'c=abc', 'c=NJJP01&x=1', '%E0%A4%A', 'c=' + 'A'.repeat(40)])('rejects %p', (raw) => {
    expect(parseScene(raw)).toBeNull();
  });
  it('refuses to make a scene longer than 32 characters', () => {
    expect(() => makeScene('compound', 'A'.repeat(40))).toThrow();
  });
});

describe('binding request schema', () => {
  const valid = { compoundId: 1, buildingId: 2, unitId: 3, room: '502', name: '王秀兰', phone: '10000000001', relation: 'owner' };
  it('accepts a complete request and trims text', () => {
    expect(ZBindHouseholdRequest.parse({ ...valid, name: ' 王秀兰 ' }).name).toBe('王秀兰');
  });
  it('words its errors in Chinese', () => {
    const res = ZBindHouseholdRequest.safeParse({ ...valid, phone: '123' });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0].message).toBe('请填写11位手机号');
  });
});

describe('character counting matches a person (and the client counter)', () => {
  const { ZCommentNeedRequest } = jest.requireActual('./needs-schemas') as typeof import('./needs-schemas');
  const { NEED_RULES } = jest.requireActual('./needs') as typeof import('./needs');
  it('an emoji is one character: exactly the limit in emoji passes, one more is refused', () => {
    const atLimit = '🙂'.repeat(NEED_RULES.commentMax);
    expect(ZCommentNeedRequest.safeParse({ needId: 1, body: atLimit }).success).toBe(true);
    const over = ZCommentNeedRequest.safeParse({ needId: 1, body: `${atLimit}🙂` });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0].message).toBe(`留言不超过${NEED_RULES.commentMax}个字`);
  });
});

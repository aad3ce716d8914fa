import { maskFragment, maskPersonalData } from './privacy';

describe('personal data in free text is masked before others read it', () => {
  it.each([
    ['电话13812345678找我', '电话【电话已隐去】找我'],
    ['打 138 1234 5678', '打 【电话已隐去】'],
    ['打138-1234-5678', '打【电话已隐去】'],
    ['打１３８１２３４５６７８', '打【电话已隐去】'],
    ['打１３８ １２３４ ５６７８谢谢', '打【电话已隐去】谢谢'],
    ['+86 138 1234 5678', '【电话已隐去】'],
    ['8613812345678', '【电话已隐去】'],
    ['联系19912345678。', '联系【电话已隐去】。'],
  ])('mobile numbers: %s', (raw, masked) => {
    expect(maskPersonalData(raw)).toBe(masked);
  });

  it.each([
    ['身份证51138120000101123X', '身份证【证件号已隐去】'],
    ['511381200001011234', '【证件号已隐去】'],
    ['511381 20000101 1234', '【证件号已隐去】'],
    ['５１１３８１２０００１０１１１２３ｘ', '【证件号已隐去】'],
  ])('18-digit ID numbers: %s', (raw, masked) => {
    expect(maskPersonalData(raw)).toBe(masked);
  });

  it.each([
    ['3栋1单元101的住户', '【门牌已隐去】的住户'],
    ['3号楼2单元501室漏水', '【门牌已隐去】漏水'],
    ['住3-1-101室', '住【门牌已隐去】'],
    ['住3－1－101', '住【门牌已隐去】'],
    ['三栋二单元302', '【门牌已隐去】'],
    ['12幢1-1102号', '【门牌已隐去】'],
    ['1单元502家', '【门牌已隐去】家'],
    ['楼上502室天天吵', '楼上【门牌已隐去】天天吵'],
  ])('room addresses: %s', (raw, masked) => {
    expect(maskPersonalData(raw)).toBe(masked);
  });

  it.each([
    '保洁很勤快，3栋门口很干净',
    '电梯坏了3天，维修要等2周',
    '物业费每月1.5元每平米',
    '2026年12月7日下午下雨',
    '投诉了10次，只来过1次',
    '物业电话0817-6221234',
  ])('leaves ordinary criticism alone: %s', (raw) => {
    expect(maskPersonalData(raw)).toBe(raw);
  });

  it('masks every occurrence, several kinds in one comment', () => {
    expect(maskPersonalData('3栋1单元101的王某 13812345678，还有 13987654321')).toBe('【门牌已隐去】的王某 【电话已隐去】，还有 【电话已隐去】');
  });

  it('a moderator hides a fragment and keeps the rest', () => {
    expect(maskFragment('保安老张天天睡觉，老张不管事', '老张')).toBe('保安＊＊天天睡觉，＊＊不管事');
    expect(maskFragment('保安天天睡觉', '老张')).toBeNull();
    expect(maskFragment('保安天天睡觉', '  ')).toBeNull();
  });
});

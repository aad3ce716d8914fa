import { allergenClashes, commonAllergenOf, readAllergens } from './allergens';

describe('allergens: one vocabulary for dishes and elders', () => {
  it.each([
    ['对花生过敏，不吃虾', ['花生', '虾蟹贝类']],
    ['花生米、核桃', ['花生', '坚果']],
    ['鸡蛋 牛奶', ['鸡蛋', '牛奶']],
    ['蛋类过敏；乳制品', ['鸡蛋', '牛奶']],
    ['小麦/麸质', ['小麦/麸质']],
    ['面筋', ['小麦/麸质']],
    ['芒果过敏', ['芒果']],
    ['无', []],
    ['', []],
  ])('reads %s', (text, expected) => expect(readAllergens(text)).toEqual(expected));

  it('keeps the list names and free words of a dish as they are', () => {
    expect(readAllergens(['花生', '小麦/麸质', '芒果', '花生'])).toEqual(['花生', '小麦/麸质', '芒果']);
    expect(commonAllergenOf('番茄炒蛋')).toBe('鸡蛋');
    expect(commonAllergenOf('青菜')).toBeNull();
  });

  it('matches a dish against an elder however either was written', () => {
    expect(allergenClashes(['花生', '大豆'], '花生过敏')).toEqual(['花生']);
    expect(allergenClashes(['虾蟹贝类'], '海鲜')).toEqual(['虾蟹贝类']);
    expect(allergenClashes(['芒果'], '对芒果过敏')).toEqual(['芒果']);
    expect(allergenClashes(['牛奶'], '')).toEqual([]);
    expect(allergenClashes(['鱼'], '花生')).toEqual([]);
  });
});

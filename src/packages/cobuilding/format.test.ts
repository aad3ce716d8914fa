import { fenOf, quantityText, yuan } from './format';

describe('co-building amounts', () => {
  it.each([
    [2_000_000, '20000元'],
    [1250, '12.5元'],
    [1205, '12.05元'],
    [7, '0.07元'],
  ])('%i 分 reads %s', (fen, text) => expect(yuan(fen)).toBe(text));

  it('reads what a person types in 元 as 分, refusing anything else', () => {
    expect(fenOf('20000')).toBe(2_000_000);
    expect(fenOf(' 12.5 ')).toBe(1250);
    expect(fenOf('0.07')).toBe(7);
    for (const bad of ['', '12.345', '-3', '1e5', '12,000']) expect(fenOf(bad)).toBeNull();
  });

  it('counts the other kinds in their own unit', () => {
    expect(quantityText('people', 8)).toBe('8人次');
    expect(quantityText('service_day', 2)).toBe('2天');
    expect(quantityText('money', 500_000)).toBe('5000元');
  });
});

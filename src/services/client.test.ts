import { callFunction } from './transport';
import { client } from './client';

jest.mock('./transport', () => ({ callFunction: jest.fn(async () => ({ ok: true, data: 'answer' })) }));

describe('client', () => {
  it('turns each listed action into a call of its function with the input as given', async () => {
    const needs = client('needs', ['get', 'rate']);
    expect(Object.keys(needs)).toEqual(['get', 'rate']);
    await expect(needs.get({ needId: 42 })).resolves.toEqual({ ok: true, data: 'answer' });
    await needs.rate({ needId: 42, stars: 5 });
    expect(callFunction).toHaveBeenNthCalledWith(1, 'needs', 'get', { needId: 42 });
    expect(callFunction).toHaveBeenNthCalledWith(2, 'needs', 'rate', { needId: 42, stars: 5 });
  });

  it('sends {} for an action called bare', async () => {
    const me = client('me', ['get']);
    await me.get();
    expect(callFunction).toHaveBeenLastCalledWith('me', 'get', {});
  });
});

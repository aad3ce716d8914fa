import { readable, userMessage } from './call';
import { client } from './client';
import { callFunction } from './transport';

jest.mock('./transport', () => ({ callFunction: jest.fn() }));

const invalid = (message: string, field?: string) => ({ code: 'INVALID_INPUT' as const, message, ...(field ? { details: { field } } : {}) });

describe('userMessage', () => {
  it('never shows a raw field name: a known field becomes its Chinese label', () => {
    expect(userMessage(invalid('intoNeedId: 必须是数字编号', 'intoNeedId'))).toBe('要合并到的需求编号：必须是数字编号');
    expect(userMessage(invalid('contactPhone: 请填写11位手机号', 'contactPhone'))).toBe('联系电话：请填写11位手机号');
  });

  it('drops the prefix when the reason already names the field', () => {
    expect(userMessage(invalid('description: 需求描述不超过500个字', 'description'))).toBe('需求描述不超过500个字');
  });

  it('labels nested fields by their first known segment, and strips unknown ones', () => {
    expect(userMessage(invalid('photoIds.3: 图片编号无效', 'photoIds.3'))).toBe('照片：图片编号无效');
    expect(userMessage(invalid('somethingNew: 格式无效', 'somethingNew'))).toBe('格式无效');
    expect(userMessage(invalid('input.extraKey: 不认识的字段'))).toBe('填写内容：不认识的字段');
  });

  it('leaves messages without a field prefix alone', () => {
    expect(userMessage({ code: 'CONFLICT', message: '该需求已被接单' })).toBe('该需求已被接单');
    expect(userMessage({ code: 'INTERNAL', message: '网络异常，请稍后再试' })).toBe('网络异常，请稍后再试');
  });
});

describe('readable', () => {
  it('rewrites the message and keeps code and details for the form', () => {
    expect(readable({ ok: false, error: invalid('intoNeedId: 必须是数字编号', 'intoNeedId') })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '要合并到的需求编号：必须是数字编号', details: { field: 'intoNeedId' } },
    });
    const ok = { ok: true as const, data: 1 };
    expect(readable(ok)).toBe(ok);
  });

  it('is applied to every service call', async () => {
    (callFunction as jest.Mock).mockResolvedValue({ ok: false, error: invalid('intoNeedId: 必须是数字编号', 'intoNeedId') });
    const res = await client('needs', ['get']).get({ needId: 1 });
    expect(!res.ok && res.error.message).toBe('要合并到的需求编号：必须是数字编号');
    expect(!res.ok && res.error.message).not.toMatch(/[A-Za-z]+:/);
  });
});

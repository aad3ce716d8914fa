import { render, screen } from '@testing-library/react';
import { ratings } from '../../../../services/ratings';
import { click, flush, typeInto } from '../../../../test-utils';
import MaskFragment from './index';

jest.mock('../../../../services/ratings');

const mask = ratings.maskComment as jest.Mock;

beforeEach(() => jest.clearAllMocks());

describe('隐去部分内容', () => {
  it('stays one small button until a moderator needs it, then hides the typed fragment', async () => {
    mask.mockResolvedValue({ ok: true, data: { ratingId: 5, firm: { id: 1, name: '阆苑物业' }, body: '保安＊＊天天睡觉', reports: 0, status: 'visible' } });
    const onMasked = jest.fn();
    render(<MaskFragment ratingId={5} onMasked={onMasked} />);
    expect(screen.queryByTestId('mask-form-5')).toBeNull();
    await click(screen.getByTestId('mask-open-5'));
    await flush();
    await typeInto(screen.getByLabelText('要隐去的文字（照评论原文填写，如姓名、车牌）'), ' 老张 ');
    await click(screen.getByTestId('mask-submit-5'));
    await flush();
    expect(mask).toHaveBeenCalledWith({ ratingId: 5, fragment: '老张' });
    expect(onMasked).toHaveBeenCalledWith('保安＊＊天天睡觉');
    expect(screen.queryByTestId('mask-form-5')).toBeNull();
  });

  it('says why when the fragment is not in the comment, and sends nothing empty', async () => {
    mask.mockResolvedValue({ ok: false, error: { code: 'INVALID_INPUT', message: 'fragment: 评论中没有这段文字，请照原文填写', details: { field: 'fragment' } } });
    const onMasked = jest.fn();
    render(<MaskFragment ratingId={5} onMasked={onMasked} />);
    await click(screen.getByTestId('mask-open-5'));
    await flush();
    await click(screen.getByTestId('mask-submit-5'));
    expect(mask).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('请填写要隐去的文字');
    await typeInto(screen.getByLabelText('要隐去的文字（照评论原文填写，如姓名、车牌）'), '老王');
    await click(screen.getByTestId('mask-submit-5'));
    await flush();
    expect(screen.getByRole('alert').textContent).toContain('评论中没有这段文字');
    expect(onMasked).not.toHaveBeenCalled();
  });
});

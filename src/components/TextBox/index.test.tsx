import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { flush, typeInto } from '../../test-utils';
import { charCount } from '../../utils/text';
import TextBox from './index';

function Note({ max, error }: { max: number; error?: string }) {
  const [value, setValue] = useState('');
  return <TextBox id='note' label='办结说明' value={value} onChange={setValue} max={max} counter error={error} />;
}

async function renderNote(max: number, error?: string) {
  render(<Note max={max} error={error} />);
  await flush();
  return screen.findByLabelText('办结说明');
}

describe('TextBox', () => {
  it('counts an emoji as one character, as the server does', async () => {
    expect(charCount('修好了👍')).toBe(4);
    const input = await renderNote(10);
    await typeInto(input, '修好了👍👍');
    expect(screen.getByTestId('note-count').textContent).toBe('5/10');
    expect(screen.queryByTestId('note-over')).toBeNull();
  });

  it('never cuts text natively: a long paste stays whole and is flagged instead', async () => {
    const input = await renderNote(10);
    // A native maxlength counts UTF-16 units and silently drops the rest of a paste.
    expect(Number(document.querySelector('taro-textarea-core')?.getAttribute('maxlength'))).toBe(-1);
    const pasted = '👍'.repeat(30);
    await typeInto(input, pasted);
    expect((input as HTMLTextAreaElement).value).toBe(pasted);
    expect(screen.getByTestId('note-count').textContent).toBe('30/10');
    expect(screen.getByRole('alert').textContent).toBe('已超出20个字，最多10个字');
  });

  it('warns when the text is over the limit, and says by how much', async () => {
    const input = await renderNote(5);
    await typeInto(input, '一二三四五六七');
    expect(screen.getByTestId('note-count').textContent).toBe('7/5');
    expect(screen.getByTestId('note-count').className).toContain('tbox__count--over');
    expect(screen.getByRole('alert').textContent).toBe('已超出2个字，最多5个字');
    // stencil re-renders the inner <textarea> asynchronously
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));

    await typeInto(input, '一二三四五');
    expect(screen.getByTestId('note-count').textContent).toBe('5/5');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the field error instead of the over-limit warning', async () => {
    const input = await renderNote(3, '请填写办结说明');
    await typeInto(input, '一二三四');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['请填写办结说明']);
    await waitFor(() => expect(input.getAttribute('aria-describedby')).toBe('note-count note-error'));
  });
});

import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { flush, typeInto } from '../../test-utils';
import Field from './index';

function Name({ max }: { max: number }) {
  const [value, setValue] = useState('');
  return <Field id='name' label='姓名' value={value} onChange={setValue} maxlength={max} />;
}

describe('Field', () => {
  it('never cuts what is typed: over the limit (in characters, an emoji is one) it warns instead', async () => {
    render(<Name max={4} />);
    await flush();
    const input = await screen.findByLabelText('姓名');
    expect(Number(document.querySelector('taro-input-core')?.getAttribute('maxlength'))).toBe(-1);

    await typeInto(input, '王秀兰🌸');
    expect(screen.queryByRole('alert')).toBeNull();

    await typeInto(input, '王秀兰🌸🌸🌸');
    expect((input as HTMLInputElement).value).toBe('王秀兰🌸🌸🌸');
    expect(screen.getByRole('alert').textContent).toBe('已超出2个字，最多4个字');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
  });
});

import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import { click } from '../../test-utils';
import Stars from './index';

function Rated({ onChange }: { onChange: (n: number) => void }) {
  const [value, setValue] = useState(0);
  return (
    <Stars
      value={value}
      onChange={(n) => {
        setValue(n);
        onChange(n);
      }}
      label='为本次服务打分'
    />
  );
}

describe('Stars', () => {
  it('is a radio group named by its label, with one named radio per star', () => {
    render(<Stars value={0} onChange={() => {}} label='为本次服务打分' />);
    expect(screen.getByRole('radiogroup', { name: '为本次服务打分' })).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['1星', '2星', '3星', '4星', '5星']);
    expect(screen.getByText('请点星星打分')).toBeTruthy();
  });

  it('reports the tapped value, checks that star and spells out its word', async () => {
    const onChange = jest.fn();
    render(<Rated onChange={onChange} />);
    await click(screen.getByRole('radio', { name: '4星' }));
    expect(onChange).toHaveBeenCalledWith(4);
    expect(screen.getByRole('radio', { name: '4星' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radio', { name: '5星' }).getAttribute('aria-checked')).toBe('false');
    expect(screen.getByTestId('stars-word').textContent).toBe('4星 · 满意');

    await click(screen.getByRole('radio', { name: '1星' }));
    expect(onChange).toHaveBeenLastCalledWith(1);
    expect(screen.getByTestId('stars-word').textContent).toBe('1星 · 很不满意');
  });

  it('uses the default label and a custom id without clashing', () => {
    render(<Stars id='service' value={2} onChange={() => {}} />);
    expect(screen.getByRole('radiogroup', { name: '评分' }).getAttribute('aria-labelledby')).toBe('service-label');
    expect(screen.getByTestId('service-word').textContent).toBe('2星 · 不满意');
  });
});

import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import { click } from '../../test-utils';
import Tabs from './index';

type Status = '' | 'open' | 'done';
const TABS: { value: Status; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'open', label: '办理中' },
  { value: 'done', label: '已办结' },
];

function Filter({ onChange }: { onChange: (v: Status) => void }) {
  const [value, setValue] = useState<Status>('');
  return (
    <Tabs
      label='需求状态'
      tabs={TABS}
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
      testId='status'
    />
  );
}

describe('Tabs', () => {
  it('is a named tablist with the current tab selected', () => {
    render(<Tabs label='需求状态' tabs={TABS} value='open' onChange={() => {}} />);
    expect(screen.getByRole('tablist', { name: '需求状态' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['全部', '办理中', '已办结']);
    expect(screen.getByRole('tab', { name: '办理中' }).getAttribute('aria-selected')).toBe('true');
    // The default test id prefix, with the empty value named 「all」.
    expect(screen.getByTestId('tab-all')).toBeTruthy();
  });

  it('switches to the tapped tab and reports its value', async () => {
    const onChange = jest.fn();
    render(<Filter onChange={onChange} />);
    expect(screen.getByTestId('status-all').getAttribute('aria-selected')).toBe('true');

    await click(screen.getByRole('tab', { name: '已办结' }));
    expect(onChange).toHaveBeenCalledWith('done');
    expect(screen.getByTestId('status-done').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('status-all').getAttribute('aria-selected')).toBe('false');
  });
});

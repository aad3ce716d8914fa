import { render, screen } from '@testing-library/react';
import FirmStars from './index';

const fills = () => Array.from(document.querySelectorAll('.fstars__star')).map((s) => s.getAttribute('data-fill'));

describe('FirmStars', () => {
  it('shows the stars with a half star and the sample next to them', () => {
    render(<FirmStars stars={3.5} sample={42} />);
    expect(fills()).toEqual(['1', '1', '1', '0.5', '0']);
    expect(screen.getByTestId('firm-stars-value').textContent).toBe('3.5星');
    expect(screen.getByTestId('firm-stars-sample').textContent).toBe('42户评价');
    expect(screen.getByRole('img', { name: '3.5星，42户评价' })).toBeTruthy();
    expect(screen.queryByText('样本不足')).toBeNull();
  });

  it('hides the stars below the minimum sample and still shows how many rated', () => {
    render(<FirmStars stars={null} sample={3} testId='c' />);
    expect(fills()).toEqual([]);
    expect(screen.getByTestId('c-none').textContent).toBe('样本不足');
    expect(screen.getByTestId('c-sample').textContent).toBe('3户评价');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('样本不足，3户评价，满5户后显示星级');
  });

  it('never shows stars for a sample under the minimum, even if a number came with it', () => {
    render(<FirmStars stars={5} sample={2} />);
    expect(fills()).toEqual([]);
    expect(screen.getByText('样本不足')).toBeTruthy();
  });
});

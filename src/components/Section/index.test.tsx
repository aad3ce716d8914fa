import { render, screen } from '@testing-library/react';
import Section from './index';

describe('Section', () => {
  it('is a card with a level-2 heading, its hint and its content', () => {
    render(
      <Section title='申请关联家里的老人' hint='您不住在一起也可以申请。' testId='sec'>
        <p>表单</p>
      </Section>,
    );
    const heading = screen.getByRole('heading', { name: '申请关联家里的老人' });
    expect(heading.getAttribute('aria-level')).toBe('2');
    expect(screen.getByText('您不住在一起也可以申请。')).toBeTruthy();
    expect(screen.getByTestId('sec').textContent).toContain('表单');
  });

  it('has no hint line when none is given', () => {
    render(<Section title='新的固定订餐' />);
    expect(document.querySelector('.section__hint')).toBeNull();
  });
});

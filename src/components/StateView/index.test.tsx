import { fireEvent, render, screen } from '@testing-library/react';
import StateView from '.';

describe('StateView', () => {
  it('offers 重试 for an error that may pass (network, internal)', () => {
    const retry = jest.fn();
    render(<StateView error={{ code: 'INTERNAL', message: '系统繁忙，请稍后重试' }} onRetry={retry} />);
    fireEvent.click(screen.getByText('重试'));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it.each(['FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT'] as const)('shows %s without a 重试 that could never help', (code) => {
    render(<StateView error={{ code, message: '只有市级管理员可以查看' }} onRetry={jest.fn()} />);
    expect(screen.getByRole('alert').textContent).toBe('只有市级管理员可以查看');
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('shows loading, then the empty text, then nothing', () => {
    const { rerender, container } = render(<StateView loading />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    rerender(<StateView empty emptyText='还没有记录' />);
    expect(screen.getByText('还没有记录')).toBeTruthy();
    rerender(<StateView />);
    expect(container.textContent).toBe('');
  });
});

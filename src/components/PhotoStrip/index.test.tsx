import { act, fireEvent, render, screen } from '@testing-library/react';
import { click, flush } from '../../test-utils';
import PhotoStrip from './index';

const photos = [
  { fileId: 'local/a.jpg', url: '/uploads/a.jpg' },
  { fileId: 'local/b.jpg', url: '/uploads/b.jpg' },
];

describe('PhotoStrip', () => {
  it('renders one named list item per photo, in order', async () => {
    render(<PhotoStrip photos={photos} label='现场照片' />);
    await flush();
    const list = screen.getByRole('list', { name: '现场照片' });
    expect(list.querySelectorAll('[role="listitem"]')).toHaveLength(2);
    const images = Array.from(list.querySelectorAll('taro-image-core'));
    expect(images.map((i) => i.getAttribute('src'))).toEqual(['/uploads/a.jpg', '/uploads/b.jpg']);
    expect(images.map((i) => i.querySelector('img')?.getAttribute('alt') ?? i.getAttribute('alt'))).toEqual(['现场照片1', '现场照片2']);
  });

  it('renders nothing without photos', () => {
    const { container } = render(<PhotoStrip photos={[]} label='现场照片' />);
    expect(container.innerHTML).toBe('');
  });

  it('opens a tapped photo full size and closes it again (detail pages get the viewer too)', async () => {
    render(<PhotoStrip photos={photos} label='现场照片' />);
    await flush();
    await click(screen.getByRole('button', { name: '查看现场照片2大图' }));
    const dialog = screen.getByRole('dialog', { name: '现场照片2，共2张' });
    expect(dialog.querySelector('taro-image-core')?.getAttribute('src')).toBe('/uploads/b.jpg');
    // The viewer sits beside the list, not in it: a list holds only list items.
    expect(screen.getByRole('list', { name: '现场照片' }).contains(dialog)).toBe(false);
    await click(screen.getByRole('button', { name: '关闭照片' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps keyboard focus inside the open viewer: Tab and Shift+Tab cycle over its buttons', async () => {
    render(<PhotoStrip photos={photos} label='现场照片' />);
    await flush();
    await click(screen.getByRole('button', { name: '查看现场照片1大图' }));
    const dialog = screen.getByRole('dialog');
    const buttons = Array.from(dialog.querySelectorAll<HTMLElement>('[role="button"]'));
    expect(buttons.length).toBeGreaterThan(1);
    act(() => buttons[buttons.length - 1].focus());
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(document, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(buttons[buttons.length - 1]);
    expect(dialog.contains(document.activeElement)).toBe(true);
  });
});

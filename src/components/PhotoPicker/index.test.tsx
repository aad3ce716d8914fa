import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import type { PhotoDTO } from '@hg/types';
import { choosePhotos, uploadPhoto } from '../../services/upload';
import { click, flush } from '../../test-utils';
import PhotoPicker from './index';

jest.mock('../../services/upload');

const picked = (n: number, type = 'image/jpeg', size = 1000) => ({ path: `blob:${n}`, size, type });

function Picker({ max, onBusy }: { max?: number; onBusy?: (busy: boolean) => void }) {
  const [photos, setPhotos] = useState<PhotoDTO[]>([]);
  return <PhotoPicker id='p' label='照片' photos={photos} onChange={setPhotos} max={max} onBusy={onBusy} />;
}

async function add() {
  await click(screen.getByRole('button', { name: '添加照片' }));
  await flush();
}

beforeEach(() => {
  jest.clearAllMocks();
  (uploadPhoto as jest.Mock).mockImplementation(async (p: { path: string }) => ({ ok: true, data: { fileId: `f-${p.path}`, url: `/u/${p.path}` } }));
});

describe('PhotoPicker', () => {
  it('says why a file of another type was refused, and uploads none of it', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1, 'image/gif')]);
    render(<Picker />);
    await add();
    expect(uploadPhoto).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('只能上传 JPG、PNG 或 WebP 图片');
  });

  it('says why a file that is too large was refused, and keeps the good ones', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1), picked(2, 'image/png', 6 * 1024 * 1024)]);
    render(<Picker />);
    await add();
    expect(uploadPhoto).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toBe('单张图片不能超过 5 MB');
    expect(screen.getByText('照片（1/9）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '删除照片1' })).toBeTruthy();
  });

  it('shows the upload error the service reports, and tells the form while it uploads', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1)]);
    (uploadPhoto as jest.Mock).mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: '图片上传失败，请重试' } });
    const onBusy = jest.fn();
    render(<Picker onBusy={onBusy} />);
    await add();
    expect(onBusy.mock.calls).toEqual([[true], [false]]);
    expect(screen.getByRole('alert').textContent).toBe('图片上传失败，请重试');
  });

  it('asks for no more than the room left and hides 添加照片 when full', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1), picked(2), picked(3)]);
    render(<Picker max={2} />);
    await add();
    expect(choosePhotos).toHaveBeenCalledWith(2);
    expect(screen.getByRole('alert').textContent).toBe('最多2张照片，已选前2张');
    expect(screen.queryByRole('button', { name: '添加照片' })).toBeNull();

    await click(screen.getByRole('button', { name: '删除照片2' }));
    expect(screen.getByText('照片（1/2）')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: '添加照片' })).toBeTruthy();
  });
});

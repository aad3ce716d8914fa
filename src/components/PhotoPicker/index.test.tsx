import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { PhotoDTO } from '@hg/types';
import { choosePhotos, compressPhoto, photoSrc, previewNatively, uploadPhoto } from '../../services/upload';
import { click, flush } from '../../test-utils';
import PhotoPicker from './index';

jest.mock('../../services/upload');

const MB = 1024 * 1024;
const picked = (n: number, type = 'image/jpeg', size = 1000) => ({ path: `blob:${n}`, size, type });

function Picker({ max, onBusy }: { max?: number; onBusy?: (busy: boolean) => void }) {
  const [photos, setPhotos] = useState<PhotoDTO[]>([]);
  return <PhotoPicker id='p' label='照片' photos={photos} onChange={setPhotos} max={max} onBusy={onBusy} />;
}

async function add() {
  await click(screen.getByRole('button', { name: '添加照片' }));
  await flush();
}

const errorLines = () => Array.from(screen.getByRole('alert').children).map((c) => c.textContent);

beforeEach(() => {
  jest.clearAllMocks();
  (uploadPhoto as jest.Mock).mockImplementation(async (p: { path: string }) => ({ ok: true, data: { fileId: `f-${p.path}`, url: `/u/${p.path}` } }));
  // The device shrinks a photo to a quarter of its bytes; nothing is ever read as over 5 MB unless the test says so.
  (compressPhoto as jest.Mock).mockImplementation(async (p: { path: string; size: number }) => ({
    path: `${p.path}-small`,
    size: Math.ceil(p.size / 4),
    type: 'image/jpeg',
  }));
  (previewNatively as jest.Mock).mockReturnValue(false);
  (photoSrc as jest.Mock).mockImplementation((url: string) => url);
});

describe('PhotoPicker', () => {
  it('says why a file of another type was refused, naming the type, and uploads none of it', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1, 'image/gif')]);
    render(<Picker />);
    await add();
    expect(compressPhoto).not.toHaveBeenCalled();
    expect(uploadPhoto).not.toHaveBeenCalled();
    expect(errorLines()).toEqual(['只能上传 JPG、PNG 或 WebP 图片（这张是 GIF 动图）']);
  });

  it('compresses an ordinary 10 MB phone photo on the device and uploads the small copy', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1, 'image/jpeg', 10 * MB)]);
    render(<Picker />);
    await add();
    expect(compressPhoto).toHaveBeenCalledWith(picked(1, 'image/jpeg', 10 * MB), 5 * MB);
    expect(uploadPhoto).toHaveBeenCalledWith({ path: 'blob:1-small', size: 2.5 * MB, type: 'image/jpeg' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('照片（1/9）')).toBeTruthy();
  });

  it('says which file stayed too large after compression, with the limit, and keeps the good ones', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1), picked(2, 'image/png', 80 * MB)]);
    (compressPhoto as jest.Mock).mockImplementation(async (p: { size: number }) => (p.size > 5 * MB ? null : p));
    render(<Picker />);
    await add();
    expect(uploadPhoto).toHaveBeenCalledTimes(1);
    expect(errorLines()).toEqual(['所选第2张：图片过大或无法读取，压缩后仍超过 5 MB，请换一张']);
    expect(screen.getByText('照片（1/9）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '删除照片1' })).toBeTruthy();
  });

  it('shows the upload error the service reports, and tells the form while it works', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1)]);
    (uploadPhoto as jest.Mock).mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: '图片上传失败，请重试' } });
    const onBusy = jest.fn();
    render(<Picker onBusy={onBusy} />);
    await add();
    expect(onBusy.mock.calls).toEqual([[true], [false]]);
    expect(errorLines()).toEqual(['图片上传失败，请重试']);
  });

  it('says how many were left out over the limit, and hides 添加照片 when full', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1), picked(2), picked(3)]);
    render(<Picker max={2} />);
    await add();
    expect(choosePhotos).toHaveBeenCalledWith(2);
    expect(errorLines()).toEqual(['最多2张照片，已添加前2张，其余1张未添加']);
    expect(screen.queryByRole('button', { name: '添加照片' })).toBeNull();

    await click(screen.getByRole('button', { name: '删除照片2' }));
    expect(screen.getByText('照片（1/2）')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: '添加照片' })).toBeTruthy();
  });

  it('opens a tapped photo full size in an overlay that 关闭 and Esc close', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1), picked(2)]);
    render(<Picker />);
    await add();
    await click(screen.getByRole('button', { name: '查看照片2大图' }));
    expect(previewNatively).toHaveBeenCalledWith(['/u/blob:1-small', '/u/blob:2-small'], 1);
    const dialog = screen.getByRole('dialog', { name: '照片2，共2张' });
    expect(dialog.querySelector('taro-image-core')?.getAttribute('src')).toBe('/u/blob:2-small');

    await click(screen.getByRole('button', { name: '关闭照片' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await click(screen.getByRole('button', { name: '查看照片1大图' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.keyDown(document, { key: 'ArrowRight' });
    await flush(0);
    expect(screen.getByRole('dialog', { name: '照片2，共2张' })).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    await flush(0);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves the viewing to the platform where it has its own (weapp previewImage)', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([picked(1)]);
    (previewNatively as jest.Mock).mockReturnValue(true);
    render(<Picker />);
    await add();
    await click(screen.getByRole('button', { name: '查看照片1大图' }));
    expect(previewNatively).toHaveBeenCalledWith(['/u/blob:1-small'], 0);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

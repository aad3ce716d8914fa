import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { me } from '../../../../services/me';
import { needs } from '../../../../services/needs';
import { choosePhotos, uploadPhoto } from '../../../../services/upload';
import { requestSubscribe } from '../../../../services/subscribe';
import { click, flush, typeInto } from '../../../../test-utils';
import { category, detail, membership, profile } from '../../test-fixtures';
import CreateNeedPage from './index';

jest.mock('../../../../services/needs');
jest.mock('../../../../services/me');
jest.mock('../../../../services/upload');
jest.mock('../../../../services/subscribe');

const create = needs.create as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/needs/pages/create/index');
  (needs.categories as jest.Mock).mockResolvedValue({
    ok: true,
    data: [
      category(1, 'pipe', '管道疏通', 'service', '🚰'),
      category(2, 'elderly', '助老服务', 'need', '🧓'),
      category(3, 'light', '路灯不亮', 'problem', '💡'),
    ],
  });
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile({ memberships: [membership({ householdId: 7 } as never)] }) });
  (requestSubscribe as jest.Mock).mockResolvedValue(undefined);
  (choosePhotos as jest.Mock).mockResolvedValue([]);
  (uploadPhoto as jest.Mock).mockImplementation(async (p: { path: string }) => ({
    ok: true,
    data: { fileId: `local/${p.path.replace(/\D/g, '').padStart(64, '0')}.jpg`, url: `/uploads/${p.path}.jpg` },
  }));
  create.mockResolvedValue({ ok: true, data: detail(42) });
});

async function renderPage() {
  render(<CreateNeedPage />);
  await flush();
  // Stencil upgrades the textarea a tick after the first render.
  await screen.findByLabelText('需求描述');
}

const submit = () => click(screen.getByTestId('need-submit'));

describe('我要点单', () => {
  it('groups categories by list and uses the only verified home with its address as the location', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { name: '需求清单' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '服务清单' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '问题清单' })).toBeTruthy();
    expect(screen.getByTestId('need-household').textContent).toContain('锦屏花园1栋1单元502');
    expect((screen.getByLabelText('位置') as HTMLInputElement).value).toBe('锦屏花园1栋1单元502');
  });

  it('requires a category before calling the server', async () => {
    await renderPage();
    await typeInto(screen.getByLabelText('需求描述'), '厨房下水道堵了');
    await submit();
    expect(screen.getByTestId('need-category-error').textContent).toBe('请选择需求类别');
    expect(create).not.toHaveBeenCalled();
  });

  it('counts characters and refuses a description over the limit', async () => {
    await renderPage();
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '堵'.repeat(501));
    expect(screen.getByTestId('need-description-count').textContent).toBe('501/500');
    await submit();
    expect(screen.getByTestId('need-description-error').textContent).toBe('需求描述不超过500个字');
    expect(create).not.toHaveBeenCalled();
  });

  it('uploads at most 9 photos and hides 添加照片 when full; a photo can be removed', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue(Array.from({ length: 10 }, (_, i) => ({ path: `blob:${i + 1}`, size: 1000, type: 'image/jpeg' })));
    await renderPage();
    await click(screen.getByRole('button', { name: '添加照片' }));
    await flush();
    expect(choosePhotos).toHaveBeenCalledWith(9);
    expect(uploadPhoto).toHaveBeenCalledTimes(9);
    expect(screen.getByTestId('need-photos-error').textContent).toContain('最多9张照片');
    expect(screen.getAllByRole('button', { name: /^删除照片\d$/ })).toHaveLength(9);
    expect(screen.queryByRole('button', { name: '添加照片' })).toBeNull();

    await click(screen.getByRole('button', { name: '删除照片3' }));
    expect(screen.getAllByRole('button', { name: /^删除照片\d$/ })).toHaveLength(8);
    expect(screen.getByRole('button', { name: '添加照片' })).toBeTruthy();
  });

  it('rejects files that are not JPG/PNG/WebP', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([{ path: 'blob:1', size: 10, type: 'image/gif' }]);
    await renderPage();
    await click(screen.getByRole('button', { name: '添加照片' }));
    await flush();
    expect(uploadPhoto).not.toHaveBeenCalled();
    expect(screen.getByTestId('need-photos-error').textContent).toBe('只能上传 JPG、PNG 或 WebP 图片');
  });

  it('asks for update consent, then creates the need with the right payload and opens its detail', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([{ path: 'blob:5', size: 1000, type: 'image/jpeg' }]);
    await renderPage();
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '  厨房下水道堵了，水排不下去  ');
    await click(screen.getByRole('button', { name: '添加照片' }));
    await flush();
    await submit();
    await flush();

    expect(requestSubscribe).toHaveBeenCalledWith(['need_update']);
    expect(create).toHaveBeenCalledWith({
      categoryId: 1,
      householdId: 7,
      description: '厨房下水道堵了，水排不下去',
      location: '锦屏花园1栋1单元502',
      photoIds: [`local/${'5'.padStart(64, '0')}.jpg`],
    });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/needs/pages/detail/index?id=42' });
  });

  it('shows the server message next to its field', async () => {
    create.mockResolvedValue({ ok: false, error: { code: 'INVALID_INPUT', message: '位置不超过100个字', details: { field: 'location' } } });
    await renderPage();
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '楼道灯坏了');
    await submit();
    await flush();
    expect(screen.getByTestId('need-location-error').textContent).toBe('位置不超过100个字');
  });

  it('offers 代办 to a building head who found the room on 代办点单', async () => {
    __setRouter('/packages/needs/pages/create/index', { householdId: '9', address: '锦屏花园2栋1单元101' });
    (me.get as jest.Mock).mockResolvedValue({
      ok: true,
      data: profile({
        memberships: [],
        roles: [{ role: 'building_head', roleLabel: '楼栋长', scopeLevel: 'building', scopeId: 12, scopeName: '2栋', organisation: null }],
      }),
    });
    await renderPage();
    await click(screen.getByRole('switch', { name: '为居民代办' }));
    expect((screen.getByLabelText('位置') as HTMLInputElement).value).toBe('锦屏花园2栋1单元101');
  });

  it('offers 代办 to grid workers for a given household and sends the contact', async () => {
    __setRouter('/packages/needs/pages/create/index', { householdId: '9', address: '锦屏花园2栋1单元101' });
    (me.get as jest.Mock).mockResolvedValue({
      ok: true,
      data: profile({
        name: '张丽',
        memberships: [],
        roles: [{ role: 'grid_worker', roleLabel: '网格员', scopeLevel: 'community', scopeId: 1, scopeName: '南街社区', organisation: null }],
      }),
    });
    await renderPage();
    await click(screen.getByRole('switch', { name: '为居民代办' }));
    await click(screen.getByRole('radio', { name: '助老服务' }));
    await typeInto(screen.getByLabelText('需求描述'), '独居老人需要陪同就医');
    await typeInto(screen.getByLabelText('居民姓名'), '李大爷');
    await typeInto(screen.getByLabelText('联系电话'), '10000000099');
    await submit();
    await flush();
    expect(create).toHaveBeenCalledWith({
      categoryId: 2,
      householdId: 9,
      description: '独居老人需要陪同就医',
      location: '锦屏花园2栋1单元101',
      contactName: '李大爷',
      contactPhone: '10000000099',
    });
  });
});

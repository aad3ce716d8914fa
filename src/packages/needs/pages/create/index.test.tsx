import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { me } from '../../../../services/me';
import { community } from '../../../../services/community';
import { needs } from '../../../../services/needs';
import { choosePhotos, compressPhoto, uploadPhoto } from '../../../../services/upload';
import { requestSubscribe } from '../../../../services/subscribe';
import { click, flush, typeInto } from '../../../../test-utils';
import { category, detail, membership, profile } from '../../test-fixtures';
import CreateNeedPage from './index';

jest.mock('../../../../services/needs');
jest.mock('../../../../services/me');
jest.mock('../../../../services/community');
jest.mock('../../../../services/upload');
jest.mock('../../../../services/subscribe');
// The recorder itself is proved per platform (src/hooks); here it hands over a 5-second clip.
const voiceUpload = jest.fn();
jest.mock('../../../../hooks/useRecorder', () => {
  const core = jest.requireActual('../../../../hooks/useRecorder.core');
  const engine = { start: async () => undefined, stop: async () => ({ durationSec: 5, upload: voiceUpload }), cancel: () => undefined };
  return { ...core, useRecorder: (onClip: (c: unknown) => void) => core.useRecorderWith(() => engine, onClip) };
});

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
  (compressPhoto as jest.Mock).mockImplementation(async (p: unknown) => p);
  (uploadPhoto as jest.Mock).mockImplementation(async (p: { path: string }) => ({
    ok: true,
    data: { fileId: `local/${p.path.replace(/\D/g, '').padStart(64, '0')}.jpg`, url: `/uploads/${p.path}.jpg` },
  }));
  create.mockResolvedValue({ ok: true, data: detail(42) });
  (community.listBuildings as jest.Mock).mockResolvedValue({
    ok: true,
    data: [
      { id: 11, name: '1栋', code: 'B1', units: [{ id: 111, name: '1单元' }] },
      { id: 13, name: '3栋', code: 'B3', units: [{ id: 131, name: '1单元' }] },
    ],
  });
  (community.getCompound as jest.Mock).mockResolvedValue({ ok: true, data: { id: 1, name: '锦屏花园', propertyFirm: { hotline: '0817-2220000' } } });
});

const LOCATION = '详细位置（选填）';

async function renderPage() {
  render(<CreateNeedPage />);
  await flush();
  // Stencil upgrades the textarea a tick after the first render.
  await screen.findByLabelText('需求描述');
}

const submit = () => click(screen.getByTestId('need-submit'));

describe('我要点单', () => {
  it('by voice only (语音点单): hold, speak, release — the need is sent with the note and without a description', async () => {
    voiceUpload.mockResolvedValue({ ok: true, data: { fileId: `local/${'a'.repeat(64)}.wav`, url: `/uploads/${'a'.repeat(64)}.wav`, durationSec: 5 } });
    await renderPage();
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    const hold = screen.getByTestId('need-voice-hold');
    await act(async () => {
      hold.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, touches: [] }));
    });
    await act(async () => {
      hold.dispatchEvent(new TouchEvent('touchend', { bubbles: true }));
    });
    await flush();
    expect(screen.getByTestId('need-voice-player-time').textContent).toBe('0:05');
    expect(screen.getByText('需求描述（已录语音，可不填）')).toBeTruthy();
    await submit();
    expect(create).toHaveBeenCalledWith({
      categoryId: 1,
      householdId: 7,
      location: '锦屏花园1栋1单元502',
      voiceNote: { fileId: `local/${'a'.repeat(64)}.wav`, durationSec: 5 },
    });
  });

  it('groups categories by list and uses the only verified home with its address as the location', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { name: '需求清单' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '服务清单' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '问题清单' })).toBeTruthy();
    expect(screen.getByTestId('need-household').textContent).toContain('锦屏花园1栋1单元502');
    expect((screen.getByLabelText(LOCATION) as HTMLInputElement).value).toBe('锦屏花园1栋1单元502');
    expect(screen.getByRole('radio', { name: '我家' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByTestId('need-pending')).toBeNull();
  });

  it('opened from a compound (scan page, home), picks the home there among several', async () => {
    __setRouter('/packages/needs/pages/create/index', { compoundId: '2', categoryId: '1' });
    const elsewhere = membership({ id: 1, householdId: 7 } as never);
    const here = membership({ id: 2, householdId: 9, compound: { id: 2, name: '书院小区' }, address: '书院小区2栋1单元301' } as never);
    (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile({ memberships: [elsewhere, here] }) });
    await renderPage();
    expect(screen.getByRole('radio', { name: '书院小区2栋1单元301' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radio', { name: '锦屏花园1栋1单元502' }).getAttribute('aria-checked')).toBe('false');
    expect(screen.getByRole('radio', { name: '管道疏通' }).getAttribute('aria-checked')).toBe('true');
  });

  it('files a corridor problem in another building there, and a compound-wide one for the whole compound', async () => {
    await renderPage();
    expect(community.listBuildings).toHaveBeenCalledWith({ compoundId: 1 });
    await click(screen.getByRole('radio', { name: '路灯不亮' }));
    await typeInto(screen.getByLabelText('需求描述'), '楼道灯坏了');
    await click(screen.getByRole('radio', { name: '公共区域' }));
    // The home address is no place for a corridor: the free text starts empty.
    expect((screen.getByLabelText(LOCATION) as HTMLInputElement).value).toBe('');
    await submit();
    expect(screen.getByTestId('need-area-error').textContent).toBe('请选择楼栋或小区公共区域');
    expect(create).not.toHaveBeenCalled();

    await click(screen.getByRole('radio', { name: '3栋' }));
    await typeInto(screen.getByLabelText(LOCATION), '2单元3楼楼道');
    await submit();
    await flush();
    expect(create).toHaveBeenLastCalledWith({
      categoryId: 3,
      householdId: 7,
      description: '楼道灯坏了',
      location: '2单元3楼楼道',
      place: 'building',
      buildingId: 13,
    });

    await click(screen.getByRole('radio', { name: '小区公共区域' }));
    await submit();
    await flush();
    expect(create).toHaveBeenLastCalledWith({ categoryId: 3, householdId: 7, description: '楼道灯坏了', location: '2单元3楼楼道', place: 'compound' });
  });

  it('lets a resident whose binding is pending file, saying it will be 待核实 and when the check is done', async () => {
    (me.get as jest.Mock).mockResolvedValue({
      ok: true,
      data: profile({
        verifiedResident: false,
        memberships: [membership({ householdId: 7, status: 'pending', statusLabel: '待审核', verifiedAt: null } as never)],
      }),
    });
    await renderPage();
    expect(screen.queryByTestId('need-no-home')).toBeNull();
    expect(screen.getByTestId('need-household').textContent).toContain('（待审核）');
    expect(screen.getByTestId('need-pending').textContent).toContain('一般在 2 个工作日内审核完成');
    expect(screen.getByTestId('need-pending').textContent).toContain('待核实');
    expect(screen.getByTestId('need-pending-hotline').textContent).toContain('0817-2220000');
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '厨房下水道堵了');
    await submit();
    await flush();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ householdId: 7, categoryId: 1 }));
  });

  it('requires a category before calling the server', async () => {
    await renderPage();
    await typeInto(screen.getByLabelText('需求描述'), '厨房下水道堵了');
    await submit();
    expect(screen.getByTestId('need-category-error').textContent).toBe('请选择需求类别');
    expect(create).not.toHaveBeenCalled();
  });

  it('checks with the request schema: every problem at once beside its field, no consent prompt, no call', async () => {
    await renderPage();
    await typeInto(screen.getByLabelText(LOCATION), '楼'.repeat(101));
    await submit();
    expect(screen.getByTestId('need-category-error').textContent).toBe('请选择需求类别');
    expect(screen.getByTestId('need-description-error').textContent).toBe('请填写需求描述，或按住录一段语音');
    expect(screen.getByTestId('need-location-error').textContent).toBe('位置不超过100个字');
    expect(screen.queryByTestId('need-form-error')).toBeNull();
    expect(requestSubscribe).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();

    // Fixing a field takes its message away; the others stay until the next tap.
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    expect(screen.queryByTestId('need-category-error')).toBeNull();
    expect(screen.getByTestId('need-description-error')).toBeTruthy();
  });

  it('sends once however fast the taps come, and says it is busy until the answer', async () => {
    let answer: (r: unknown) => void = () => undefined;
    create.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await renderPage();
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '厨房下水道堵了');
    await submit();
    await submit();
    await flush();
    expect(create).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('need-submit').textContent).toBe('提交中…');
    expect(screen.getByTestId('need-submit').getAttribute('aria-disabled')).toBe('true');

    await act(async () => answer({ ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后再试' } }));
    expect(screen.getByTestId('need-submit').textContent).toBe('提交需求');
    expect(screen.getByTestId('need-form-error').textContent).toBe('网络异常，请稍后再试');
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('waits for a photo still uploading before sending', async () => {
    let uploaded: (r: unknown) => void = () => undefined;
    (choosePhotos as jest.Mock).mockResolvedValue([{ path: 'blob:7', size: 1000, type: 'image/jpeg' }]);
    (uploadPhoto as jest.Mock).mockImplementation(() => new Promise((resolve) => (uploaded = resolve)));
    await renderPage();
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '厨房下水道堵了');
    await click(screen.getByRole('button', { name: '添加照片' }));
    await flush();
    await submit();
    expect(screen.getByTestId('need-form-error').textContent).toBe('照片还在上传，请稍候');
    expect(create).not.toHaveBeenCalled();

    await act(async () => uploaded({ ok: true, data: { fileId: `local/${'7'.padStart(64, '0')}.jpg`, url: '/uploads/7.jpg' } }));
    await flush();
    await submit();
    await flush();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ photoIds: [`local/${'7'.padStart(64, '0')}.jpg`] }));
  });

  it('puts a server error about one photo under the photos, and one that names no field above the button', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([{ path: 'blob:5', size: 1000, type: 'image/jpeg' }]);
    create
      .mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: '照片已失效，请删除后重新上传', details: { field: 'photoIds.0' } } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: '您不能为这户点单' } });
    await renderPage();
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '厨房下水道堵了');
    await click(screen.getByRole('button', { name: '添加照片' }));
    await flush();
    await submit();
    await flush();
    expect(screen.getByTestId('need-photos-error').textContent).toBe('照片已失效，请删除后重新上传');
    expect(screen.queryByTestId('need-form-error')).toBeNull();

    await submit();
    await flush();
    expect(screen.getByTestId('need-form-error').textContent).toBe('您不能为这户点单');
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
    expect(screen.getByTestId('need-photos-error').textContent).toBe('只能上传 JPG、PNG 或 WebP 图片（这张是 GIF 动图）');
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

  it('shows a server refusal of the only home under it, though there is nothing to pick', async () => {
    create.mockResolvedValue({ ok: false, error: { code: 'INVALID_INPUT', message: '该房屋绑定已失效，请重新绑定', details: { field: 'householdId' } } });
    await renderPage();
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '楼道灯坏了');
    await submit();
    await flush();
    expect(screen.getByTestId('need-household-error').textContent).toBe('该房屋绑定已失效，请重新绑定');
    expect(screen.queryByTestId('need-form-error')).toBeNull();
  });

  it('stays on the household found on 代办点单 for a building head with a home of their own', async () => {
    __setRouter('/packages/needs/pages/create/index', { householdId: '9', address: '锦屏花园2栋1单元101', compoundId: '1' });
    (me.get as jest.Mock).mockResolvedValue({
      ok: true,
      data: profile({
        name: '陈志强',
        memberships: [membership({ householdId: 7 } as never)],
        roles: [{ role: 'building_head', roleLabel: '楼栋长', scopeLevel: 'building', scopeId: 12, scopeName: '2栋', organisation: null }],
      }),
    });
    await renderPage();
    expect(screen.getByTestId('need-proxy-address').textContent).toBe('锦屏花园2栋1单元101');
    expect(screen.queryByRole('switch')).toBeNull();
    // Not the helper's own home: neither shown nor pre-filled as the location.
    expect(screen.queryByTestId('need-household')).toBeNull();
    expect((screen.getByLabelText(LOCATION) as HTMLInputElement).value).toBe('锦屏花园2栋1单元101');
    expect(screen.getByRole('radio', { name: '居民家中' }).getAttribute('aria-checked')).toBe('true');
    expect((screen.getByLabelText('居民姓名') as HTMLInputElement).value).toBe('');
    expect(community.listBuildings).toHaveBeenCalledWith({ compoundId: 1 });

    await click(screen.getByRole('radio', { name: '助老服务' }));
    await typeInto(screen.getByLabelText('需求描述'), '独居老人需要陪同就医');
    await submit();
    expect(screen.getByTestId('need-contact-name-error').textContent).toBe('代办时请填写居民姓名');
    expect(screen.getByTestId('need-contact-phone-error').textContent).toBe('请填写11位手机号');
    expect(create).not.toHaveBeenCalled();
    await typeInto(screen.getByLabelText('居民姓名'), '李大爷');
    await typeInto(screen.getByLabelText('联系电话'), '1000000');
    await submit();
    expect(screen.queryByTestId('need-contact-name-error')).toBeNull();
    expect(screen.getByTestId('need-contact-phone-error').textContent).toBe('请填写11位手机号');
    await typeInto(screen.getByLabelText('联系电话'), '10000000099');
    await submit();
    await flush();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ householdId: 9, contactName: '李大爷', contactPhone: '10000000099' }));
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

describe('我要点单 draft', () => {
  it('comes back after leaving the page, photos included, and is gone once the need is filed', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([{ path: 'blob:5', size: 1000, type: 'image/jpeg' }]);
    const first = render(<CreateNeedPage />);
    await flush();
    await screen.findByLabelText('需求描述');
    await click(screen.getByRole('radio', { name: '管道疏通' }));
    await typeInto(screen.getByLabelText('需求描述'), '厨房下水道堵了👍');
    await click(screen.getByRole('button', { name: '添加照片' }));
    await flush();
    first.unmount(); // back button, or the login redirect

    await renderPage();
    expect(screen.getByTestId('need-draft-restored')).toBeTruthy();
    expect((screen.getByLabelText('需求描述') as HTMLTextAreaElement).value).toBe('厨房下水道堵了👍');
    expect(screen.getByRole('radio', { name: '管道疏通' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getAllByRole('button', { name: /^删除照片\d$/ })).toHaveLength(1);
    await submit();
    await flush();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ description: '厨房下水道堵了👍', photoIds: [`local/${'5'.padStart(64, '0')}.jpg`] }));
    expect([...__storage.keys()].filter((k) => k.startsWith('hg.draft.'))).toEqual([]);
  });

  it('restores a draft kept before photos were part of the form ({ form, photos })', async () => {
    const photo = { fileId: `local/${'8'.padStart(64, '0')}.jpg`, url: '/uploads/8.jpg' };
    const form = {
      categoryId: 1,
      householdId: 7,
      description: '上周写了一半',
      location: '锦屏花园1栋1单元502',
      proxy: false,
      contactName: '',
      contactPhone: '',
      place: 'home',
      buildingId: null,
    };
    __storage.set('hg.draft.wx.need-create:own', { savedAt: Date.now(), value: { form, photos: [photo] } });
    await renderPage();
    expect(screen.getByTestId('need-draft-restored')).toBeTruthy();
    expect((screen.getByLabelText('需求描述') as HTMLTextAreaElement).value).toBe('上周写了一半');
    expect(screen.getAllByRole('button', { name: /^删除照片\d$/ })).toHaveLength(1);
    await submit();
    await flush();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ categoryId: 1, description: '上周写了一半', photoIds: [photo.fileId] }));
  });

  it('清空重填 drops a restored draft: empty text, no photos, nothing kept for next time', async () => {
    (choosePhotos as jest.Mock).mockResolvedValue([{ path: 'blob:6', size: 1000, type: 'image/jpeg' }]);
    const first = render(<CreateNeedPage />);
    await flush();
    await typeInto(await screen.findByLabelText('需求描述'), '上个月的旧事');
    await click(screen.getByRole('button', { name: '添加照片' }));
    await flush();
    first.unmount();

    await renderPage();
    await click(screen.getByRole('button', { name: '清空重填' }));
    await flush();
    expect(screen.queryByTestId('need-draft-restored')).toBeNull();
    expect((screen.getByLabelText('需求描述') as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryAllByRole('button', { name: /^删除照片\d$/ })).toHaveLength(0);
    expect([...__storage.keys()].filter((k) => k.startsWith('hg.draft.'))).toEqual([]);
  });
});

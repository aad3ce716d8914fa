import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SettingsSectionDTO } from '@hg/types';
import { BOOKINGS_SETTINGS_DEFAULTS, type BookingsSettings } from '@hg/types/bookings';
import { settings } from '../../../../services/settings';
import { ROUTES } from '../../../../routes';
import { click, flush, typeInto } from '../../../../test-utils';
import SettingsPage from './index';

jest.mock('../../../../services/settings');

const list = settings.list as jest.Mock;
const save = settings.save as jest.Mock;
const history = settings.history as jest.Mock;

function section(over: Partial<SettingsSectionDTO> = {}): SettingsSectionDTO {
  return {
    key: 'bookings',
    label: '助餐补贴',
    value: BOOKINGS_SETTINGS_DEFAULTS,
    defaults: BOOKINGS_SETTINGS_DEFAULTS,
    fields: null,
    version: 0,
    lastChange: null,
    repaired: false,
    ...over,
  };
}
const raised: BookingsSettings = { ...BOOKINGS_SETTINGS_DEFAULTS, subsidy: { ...BOOKINGS_SETTINGS_DEFAULTS.subsidy, dibao: { label: '低保', fen: 750 } } };
const at = new Date(Date.UTC(new Date().getUTCFullYear(), 2, 5, 6, 30)).toISOString(); // 14:30 Beijing

async function renderPage() {
  render(<SettingsPage />);
  await flush();
}
const input = (label: string) => within(screen.getByTestId('tier-dibao')).findByLabelText(label);

describe('城市配置', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    list.mockResolvedValue({ ok: true, data: [section()] });
  });

  it('shows the subsidy tiers in 元 and saves them in 分 over the version shown', async () => {
    save.mockResolvedValue({ ok: true, data: section({ value: raised, version: 1, lastChange: { version: 1, at, byName: '林峰', reason: '新标准' } }) });
    await renderPage();
    expect(screen.getByTestId('section-bookings-meta').textContent).toBe('使用默认标准，还没有修改过');
    expect(((await input('每餐补贴（元）')) as HTMLInputElement).value).toBe('6.00');
    await typeInto(await input('每餐补贴（元）'), '7.5');
    await typeInto(await screen.findByLabelText('修改说明（选填）'), '新标准');
    await click(screen.getByTestId('subsidy-save'));
    expect(save).toHaveBeenCalledWith({ section: 'bookings', version: 0, value: raised, reason: '新标准' });
    expect(screen.getByTestId('settings-done').textContent).toContain('已保存');
    expect(screen.getByTestId('section-bookings-meta').textContent).toContain('第1版');
    expect(screen.getByTestId('section-bookings-meta').textContent).toContain('林峰');
    expect(((await input('每餐补贴（元）')) as HTMLInputElement).value).toBe('7.50');
  });

  it('refuses a bad amount on the field before sending, and puts the server’s field error on its field', async () => {
    await renderPage();
    await typeInto(await input('每餐补贴（元）'), '6.555');
    await click(screen.getByTestId('subsidy-save'));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByTestId('tier-dibao-yuan-error').textContent).toContain('最多两位小数');

    save.mockResolvedValue({ ok: false, error: { code: 'INVALID_INPUT', message: '名称不超过12个字', details: { field: 'value.subsidy.dibao.label' } } });
    await typeInto(await input('每餐补贴（元）'), '6');
    await click(screen.getByTestId('subsidy-save'));
    expect(save).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('tier-dibao-yuan-error')).toBeNull();
    expect(screen.getByTestId('tier-dibao-label-error').textContent).toBe('名称不超过12个字');
  });

  it('edits the age bands, the daily subsidised meals and the offer window, and saves the whole section', async () => {
    const saved: BookingsSettings = {
      ...BOOKINGS_SETTINGS_DEFAULTS,
      ageBands: [
        { fromAge: 60, label: '60岁以上', fen: 150 },
        { fromAge: 70, label: '70岁以上', fen: 250 },
      ],
      subsidisedMealsPerDay: 2,
      offerMinutes: 240,
    };
    save.mockResolvedValue({ ok: true, data: section({ value: saved, version: 1 }) });
    await renderPage();
    expect(((await screen.findByLabelText('每位老人每天最多享受补贴餐数')) as HTMLInputElement).value).toBe('1');
    expect(((await screen.findByLabelText('候补让座保留时长（分钟）')) as HTMLInputElement).value).toBe('120');
    expect(screen.getByTestId('tier-age80')).toBeTruthy();

    await click(screen.getByTestId('age-band-add'));
    await click(screen.getByTestId('age-band-add'));
    // With bands the single 高龄 tier and its age are not used, and the page says so.
    expect(screen.queryByTestId('tier-age80')).toBeNull();
    expect(screen.getByTestId('age-bands-hint').textContent).toContain('不再使用');
    const band = (i: number, label: string) => within(screen.getByTestId(`age-band-${i}`)).findByLabelText(label);
    expect(((await band(1, '起始年龄（岁）')) as HTMLInputElement).value).toBe('70');
    await typeInto(await band(0, '每餐补贴（元）'), '1.5');
    await typeInto(await band(1, '每餐补贴（元）'), '2.5');
    await typeInto(await screen.findByLabelText('每位老人每天最多享受补贴餐数'), '2');
    await typeInto(await screen.findByLabelText('候补让座保留时长（分钟）'), '240');
    await click(screen.getByTestId('subsidy-save'));
    expect(save).toHaveBeenCalledWith({ section: 'bookings', version: 0, value: saved });
    expect(screen.getByTestId('settings-done')).toBeTruthy();
    expect(screen.getAllByRole('listitem', { name: /年龄段/ })).toHaveLength(2);
  });

  it('puts band and cap errors on their fields (the schema’s and the server’s), and removing a band works', async () => {
    await renderPage();
    await click(screen.getByTestId('age-band-add'));
    await click(screen.getByTestId('age-band-add'));
    const band = (i: number, label: string) => within(screen.getByTestId(`age-band-${i}`)).findByLabelText(label);
    await typeInto(await band(0, '每餐补贴（元）'), '1');
    await typeInto(await band(1, '每餐补贴（元）'), '2');
    await typeInto(await band(1, '起始年龄（岁）'), '60');
    await typeInto(await screen.findByLabelText('候补让座保留时长（分钟）'), '5');
    await click(screen.getByTestId('subsidy-save'));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByTestId('age-bands-error').textContent).toBe('年龄段的起始年龄不能重复');
    expect(screen.getByTestId('value-offerMinutes-error').textContent).toContain('不少于15分钟');
    // Fixing a field clears its error only.
    await typeInto(await screen.findByLabelText('候补让座保留时长（分钟）'), '30');
    expect(screen.queryByTestId('value-offerMinutes-error')).toBeNull();

    await click(screen.getByTestId('age-band-1-remove'));
    expect(screen.queryByTestId('age-band-1')).toBeNull();
    save.mockResolvedValue({ ok: false, error: { code: 'INVALID_INPUT', message: '每日补贴不超过3餐', details: { field: 'value.subsidisedMealsPerDay' } } });
    await click(screen.getByTestId('subsidy-save'));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0].value.ageBands).toEqual([{ fromAge: 60, label: '60岁以上', fen: 100 }]);
    expect(screen.getByTestId('value-subsidisedMealsPerDay-error').textContent).toBe('每日补贴不超过3餐');
  });

  it('tells the admin when someone else saved first, keeps their edit, and loads the newer version on request', async () => {
    save.mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message: '其他管理员刚刚修改了这项配置，请查看最新内容后再保存' } });
    await renderPage();
    await typeInto(await input('每餐补贴（元）'), '8');
    await click(screen.getByTestId('subsidy-save'));
    expect(screen.getByTestId('settings-conflict').textContent).toContain('其他管理员刚刚修改了这项配置');
    expect(((await input('每餐补贴（元）')) as HTMLInputElement).value).toBe('8');

    list.mockResolvedValue({ ok: true, data: [section({ value: raised, version: 1, lastChange: { version: 1, at, byName: '周敏', reason: null } })] });
    await click(screen.getByTestId('settings-reload'));
    await flush();
    expect(screen.queryByTestId('settings-conflict')).toBeNull();
    expect(((await input('每餐补贴（元）')) as HTMLInputElement).value).toBe('7.50');
    expect(screen.getByTestId('section-bookings-meta').textContent).toContain('周敏');
  });

  it('shows the history in words: who, when, why and what changed', async () => {
    list.mockResolvedValue({ ok: true, data: [section({ value: raised, version: 2, lastChange: { version: 2, at, byName: '林峰', reason: '新标准' } })] });
    history.mockResolvedValue({
      ok: true,
      data: {
        items: [
          { version: 2, at, byName: '林峰', reason: '新标准', before: BOOKINGS_SETTINGS_DEFAULTS, after: raised },
          { version: 1, at, byName: '周敏', reason: null, before: null, after: BOOKINGS_SETTINGS_DEFAULTS },
        ],
        nextCursor: null,
      },
    });
    await renderPage();
    await click(screen.getByTestId('history-bookings-toggle'));
    await flush();
    expect(history).toHaveBeenCalledWith({ section: 'bookings' });
    const items = within(screen.getByTestId('history-bookings')).getAllByRole('listitem');
    expect(items[0].textContent).toContain('第2版');
    expect(items[0].textContent).toContain('14:30');
    expect(items[0].textContent).toContain('说明：新标准');
    expect(items[0].textContent).toContain('低保：6.00元 → 7.50元');
    // The first save is compared with the defaults that were in force until then.
    expect(items[1].textContent).toContain('内容未变');
  });

  it('says when a stored value was repaired, and links to 评星管理 for the rating weights', async () => {
    list.mockResolvedValue({ ok: true, data: [section({ repaired: true, version: 3, lastChange: { version: 3, at, byName: '林峰', reason: null } })] });
    await renderPage();
    expect(screen.getByTestId('section-bookings-repaired').textContent).toContain('已按默认标准补齐');
    await click(screen.getByTestId('open-rating-manage'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.ratingManage });
  });

  it('shows the refusal when the caller is not the city admin', async () => {
    list.mockResolvedValue({ ok: false, error: { code: 'FORBIDDEN', message: '只有市级管理员可以查看和修改城市配置' } });
    await renderPage();
    expect(screen.getByText('只有市级管理员可以查看和修改城市配置')).toBeTruthy();
    expect(screen.queryByTestId('subsidy-editor')).toBeNull();
  });

  it('edits a section that declares its fields (五步议事, 语音转文字) with the generic form, over the version shown', async () => {
    const { DELIBERATION_SETTINGS } = await import('@hg/types/deliberation-schemas');
    const { VOICE_SETTINGS } = await import('@hg/types/voice-schemas');
    const flat = (def: typeof DELIBERATION_SETTINGS | typeof VOICE_SETTINGS, over: Partial<SettingsSectionDTO> = {}): SettingsSectionDTO => ({
      key: def.key,
      label: def.label,
      value: def.defaults,
      defaults: def.defaults,
      fields: def.fields ?? null,
      version: 2,
      lastChange: null,
      repaired: false,
      ...over,
    });
    list.mockResolvedValue({ ok: true, data: [flat(DELIBERATION_SETTINGS), flat(VOICE_SETTINGS)] });
    const d = DELIBERATION_SETTINGS.defaults;
    await renderPage();
    const delib = within(screen.getByTestId('section-deliberation'));
    expect(((await delib.findByLabelText('公告天数（天）')) as HTMLInputElement).value).toBe(String(d.noticeDays));
    expect(delib.getByText('议题公告后至少过这么多天才能开始投票。')).toBeTruthy();
    // Not a whole number: refused on its field, nothing sent.
    await typeInto(await delib.findByLabelText('参与率（%）'), '50.5');
    await click(screen.getByTestId('save-deliberation'));
    expect(save).not.toHaveBeenCalled();
    expect(document.getElementById('deliberation-quorumPercent-error')?.textContent).toBe('参与率请填写整数');
    // The server's (the schema's) words on its field.
    save.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: '公告天数最多30天', details: { field: 'value.noticeDays' } } });
    await typeInto(await delib.findByLabelText('参与率（%）'), '60');
    await typeInto(await delib.findByLabelText('公告天数（天）'), '45');
    await click(screen.getByTestId('save-deliberation'));
    expect(save).toHaveBeenLastCalledWith({ section: 'deliberation', version: 2, value: { ...d, quorumPercent: 60, noticeDays: 45 } });
    expect(document.getElementById('deliberation-noticeDays-error')?.textContent).toBe('公告天数最多30天');
    // The switch: 开启 saves true, the rest of the value as it stands.
    save.mockResolvedValueOnce({ ok: true, data: flat(VOICE_SETTINGS, { value: { transcription: true }, version: 3 }) });
    const voice = within(screen.getByTestId('section-voice'));
    await click(voice.getByText('开启'));
    await click(screen.getByTestId('save-voice'));
    expect(save).toHaveBeenLastCalledWith({ section: 'voice', version: 2, value: { transcription: true } });
    expect(voice.getByTestId('settings-done').textContent).toBe('已保存，从现在起按新配置执行');
  });
});

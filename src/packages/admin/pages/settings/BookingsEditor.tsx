import { useState } from 'react';
import { View } from '@tarojs/components';
import type { SettingsSectionDTO } from '@hg/types';
import { BOOKINGS_SETTINGS_LIMITS, SUBSIDY_TIERS, type BookingsSettings } from '@hg/types/bookings';
import { ZBookingsSettings } from '@hg/types/bookings-schemas';
import { ZSaveSettingsRequest } from '@hg/types/settings-schemas';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { settings } from '../../../../services/settings';

const L = BOOKINGS_SETTINGS_LIMITS;
const YUAN = /^\d{1,4}(\.\d{1,2})?$/;

/** The save request with the section's own schema in place of `value: unknown`: the form checks what the server will. */
const ZSaveBookingsSettings = ZSaveSettingsRequest.extend({ value: ZBookingsSettings });

/**
 * The form's values are flat and keyed by the server's field paths (`value.subsidy.dibao.fen`,
 * `value.ageBands.1.fromAge`), so a server error lands on its field and editing a field clears
 * exactly its error. Amounts are 元 as typed; `bands` is how many age-band rows are in use
 * (rows past it are left over from a removal and ignored).
 */
type Values = Record<string, string>;

const tierKey = (t: string, f: 'label' | 'fen') => `value.subsidy.${t}.${f}`;
const bandKey = (i: number, f: 'fromAge' | 'label' | 'fen') => `value.ageBands.${i}.${f}`;
const yuanOf = (fen: number) => (fen / 100).toFixed(2);
const bandCount = (v: Values) => Number(v.bands);

function valuesOf(s: BookingsSettings): Values {
  const out: Values = {
    'value.subsidyAge': String(s.subsidyAge),
    'value.subsidisedMealsPerDay': String(s.subsidisedMealsPerDay),
    'value.offerMinutes': String(s.offerMinutes),
    bands: String(s.ageBands.length),
    reason: '',
  };
  for (const t of SUBSIDY_TIERS) {
    out[tierKey(t, 'label')] = s.subsidy[t].label;
    out[tierKey(t, 'fen')] = yuanOf(s.subsidy[t].fen);
  }
  [...s.ageBands]
    .sort((a, b) => a.fromAge - b.fromAge)
    .forEach((b, i) => {
      out[bandKey(i, 'fromAge')] = String(b.fromAge);
      out[bandKey(i, 'label')] = b.label;
      out[bandKey(i, 'fen')] = yuanOf(b.fen);
    });
  return out;
}

/** A number as typed; an empty field stays missing so the schema says 「请填写…」. */
const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s.trim()));
const fen = (s: string | undefined) => (s !== undefined && YUAN.test(s.trim()) ? Math.round(Number(s.trim()) * 100) : num(s));

function valueOf(v: Values): unknown {
  return {
    subsidy: Object.fromEntries(SUBSIDY_TIERS.map((t) => [t, { label: v[tierKey(t, 'label')], fen: fen(v[tierKey(t, 'fen')]) }])),
    subsidyAge: num(v['value.subsidyAge']),
    ageBands: Array.from({ length: bandCount(v) }, (_, i) => ({
      fromAge: num(v[bandKey(i, 'fromAge')]),
      label: v[bandKey(i, 'label')],
      fen: fen(v[bandKey(i, 'fen')]),
    })),
    subsidisedMealsPerDay: num(v['value.subsidisedMealsPerDay']),
    offerMinutes: num(v['value.offerMinutes']),
  };
}

const FIELD = /^(reason|value\.(subsidy\.\w+\.(label|fen)|subsidyAge|subsidisedMealsPerDay|offerMinutes|ageBands(\.\d+\.(fromAge|label|fen))?))$/;
/** A path the server or the schema names → the field it belongs to (a whole band row, or the list, → the list). */
function fieldOf(path: string): string | null {
  if (FIELD.test(path)) return path;
  return path.startsWith('value.ageBands') ? 'value.ageBands' : null;
}

/** Amounts are typed in 元: more than two decimals is a typo the schema (分, integers) would word badly. */
function checkAmounts(v: Values): Record<string, string> {
  const out: Record<string, string> = {};
  const keys = [...SUBSIDY_TIERS.map((t) => tierKey(t, 'fen')), ...Array.from({ length: bandCount(v) }, (_, i) => bandKey(i, 'fen'))];
  for (const k of keys) if (!YUAN.test((v[k] ?? '').trim())) out[k] = '请填写金额，最多两位小数（不补贴填0）';
  return out;
}

/**
 * 助餐补贴 (the whole `bookings` section): each tier's name and amount per meal (元), either the
 * single 高龄 age or age bands (60/70/80/90+), the daily cap of subsidised meals and how long a
 * seat offered from the waitlist is held; saved over the version shown (compare-and-set).
 */
export default function BookingsEditor({
  section,
  onSaved,
  onReload,
}: {
  section: SettingsSectionDTO;
  onSaved: (s: SettingsSectionDTO) => void;
  onReload: () => void;
}) {
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values, typeof ZSaveBookingsSettings, SettingsSectionDTO, string>({
    initial: () => valuesOf(section.value as BookingsSettings),
    schema: ZSaveBookingsSettings,
    toRequest: (v) => ({
      section: section.key,
      version: section.version,
      value: valueOf(v) as BookingsSettings,
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
    }),
    fieldOf,
    check: checkAmounts,
    send: async (request) => {
      const res = await settings.save(request);
      setConflict(!res.ok && res.error.code === 'CONFLICT');
      return res;
    },
    onSuccess: (data) => onSaved(data),
  });
  const { values, errors } = form;
  const bands = bandCount(values);
  const field = (key: string, label: string, extra: { type?: 'text' | 'number' | 'digit'; maxlength?: number; placeholder?: string } = {}) => (
    <Field id={key.replace(/\./g, '-')} label={label} value={values[key] ?? ''} onChange={(v) => form.set(key, v)} error={errors[key]} {...extra} />
  );

  const addBand = () =>
    form.patch((v) => {
      const n = bandCount(v);
      const from = n ? Math.min(L.subsidyAgeMax, (num(v[bandKey(n - 1, 'fromAge')]) || L.subsidyAgeMin) + 10) : L.subsidyAgeMin;
      return {
        bands: String(n + 1),
        [bandKey(n, 'fromAge')]: String(from),
        [bandKey(n, 'label')]: `${from}岁以上`,
        [bandKey(n, 'fen')]: '',
        'value.ageBands': '',
      };
    });
  const removeBand = (i: number) =>
    form.patch((v) => {
      const n = bandCount(v);
      const next: Values = { bands: String(n - 1) };
      for (let j = i; j < n - 1; j++) for (const f of ['fromAge', 'label', 'fen'] as const) next[bandKey(j, f)] = v[bandKey(j + 1, f)];
      return next;
    });

  return (
    <View data-testid='subsidy-editor'>
      <View className='muted settings__hint'>
        同时符合多档的老人按金额最高的一档补贴，不叠加；金额填0表示该档不补贴。修改后新下的订单按新标准计价，已下的订单保持下单时的价格。
      </View>
      {SUBSIDY_TIERS.filter((t) => !(t === 'age80' && bands > 0)).map((t) => (
        <View key={t} className='settings__tier' role='group' aria-label={`${values[tierKey(t, 'label')] || t}档`} data-testid={`tier-${t}`}>
          <Field
            id={`tier-${t}-label`}
            label='名称'
            value={values[tierKey(t, 'label')]}
            onChange={(v) => form.set(tierKey(t, 'label'), v)}
            error={errors[tierKey(t, 'label')]}
            maxlength={L.tierLabelMax}
          />
          <Field
            id={`tier-${t}-yuan`}
            label='每餐补贴（元）'
            type='digit'
            value={values[tierKey(t, 'fen')]}
            onChange={(v) => form.set(tierKey(t, 'fen'), v)}
            error={errors[tierKey(t, 'fen')]}
            maxlength={7}
          />
        </View>
      ))}
      {bands === 0 ? (
        <Field
          id='subsidy-age'
          label='高龄补贴起始年龄（岁）'
          type='number'
          value={values['value.subsidyAge']}
          onChange={(v) => form.set('value.subsidyAge', v)}
          error={errors['value.subsidyAge']}
          maxlength={3}
        />
      ) : null}

      <View className='settings__subhead'>按年龄段补贴</View>
      <View className='muted settings__hint' data-testid='age-bands-hint'>
        {bands
          ? '已按年龄段补贴：老人按已满的最高一段享受，上面的「高龄」一档不再使用。删除全部年龄段即恢复按高龄一档补贴。'
          : `不分年龄段时，满${values['value.subsidyAge'] || L.subsidyAgeMin}岁的老人按「高龄」一档补贴。需要按60、70、80、90岁分段时，请添加年龄段。`}
      </View>
      <View role='list' aria-label='年龄段' data-testid='age-bands'>
        {Array.from({ length: bands }, (_, i) => (
          <View key={i} className='settings__tier' role='listitem' aria-label={`第${i + 1}个年龄段`} data-testid={`age-band-${i}`}>
            {field(bandKey(i, 'fromAge'), '起始年龄（岁）', { type: 'number', maxlength: 3 })}
            {field(bandKey(i, 'label'), '名称', { maxlength: L.tierLabelMax })}
            {field(bandKey(i, 'fen'), '每餐补贴（元）', { type: 'digit', maxlength: 7 })}
            <View className='settings__link' role='button' {...FOCUSABLE} data-testid={`age-band-${i}-remove`} onClick={() => removeBand(i)}>
              删除这个年龄段
            </View>
          </View>
        ))}
      </View>
      {errors['value.ageBands'] ? (
        <View className='field__error' role='alert' data-testid='age-bands-error'>
          {errors['value.ageBands']}
        </View>
      ) : null}
      {bands < L.ageBandsMax ? (
        <View className='settings__link' role='button' {...FOCUSABLE} data-testid='age-band-add' onClick={addBand}>
          ＋ 添加年龄段
        </View>
      ) : (
        <View className='muted'>最多{L.ageBandsMax}个年龄段</View>
      )}

      <View className='settings__subhead'>补贴次数与候补</View>
      {field('value.subsidisedMealsPerDay', '每位老人每天最多享受补贴餐数', { type: 'number', maxlength: 1 })}
      <View className='muted settings__hint'>同一天在任何助餐点订的餐都算在内，超出的餐按原价。最多{L.mealsPerDayMax}餐。</View>
      {field('value.offerMinutes', '候补让座保留时长（分钟）', { type: 'number', maxlength: 3 })}
      <View className='muted settings__hint'>
        有人退订时，座位先留给候补的老人，她在这段时间内确认即可（不会晚于订餐截止时间）；{L.offerMinutesMin}到{L.offerMinutesMax}分钟。
      </View>

      {field('reason', '修改说明（选填）', { maxlength: 100, placeholder: '例如：按民政局新文件调整' })}
      {form.formError && conflict ? (
        <View className='notice' role='alert' data-testid='settings-conflict'>
          <View>{form.formError}</View>
          <View className='settings__link' role='button' {...FOCUSABLE} data-testid='settings-reload' onClick={onReload}>
            载入最新内容（您的修改将被替换）
          </View>
        </View>
      ) : null}
      {form.formError && !conflict ? (
        <View className='notice' role='alert' data-testid='settings-error'>
          {form.formError}
        </View>
      ) : null}
      <BusyButton label='保存补贴标准' busy={form.busy} busyLabel='保存中…' onClick={form.submit} testId='subsidy-save' />
    </View>
  );
}

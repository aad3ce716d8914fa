import { useState } from 'react';
import { View } from '@tarojs/components';
import type { DishDTO, SlotDTO } from '@hg/types';
import { BOOKING_RULES, DIET_TAGS, type DietTag, SITTING_LABEL, SLOT_KIND_LABEL, type Sitting, type SlotKind } from '@hg/types/bookings';
import { ALLERGEN_RULES, COMMON_ALLERGENS, type CommonAllergen, readAllergens } from '@hg/types/allergens';
import { addDays, localDay, localIsoTime } from '@hg/types/local-time';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { bookings } from '../../../../services/bookings';
import TimePicker from '../../../../components/TimePicker';
import Toggles from '../../components/Toggles';
import { dayLabel } from '../../format';

type Hours = { start: string; end: string; cutoff: string };
/** Usual hours of a sitting (Beijing time), prefilled when the sitting is picked. */
const HOURS: Record<Sitting, Hours> = {
  lunch: { start: '11:30', end: '13:00', cutoff: '09:30' },
  dinner: { start: '17:00', end: '18:30', cutoff: '14:30' },
};
type ServiceKind = Exclude<SlotKind, 'meal'>;
/** Usual hours and an example title of the other kinds, prefilled when the kind is picked. */
const SERVICE: Record<ServiceKind, Hours & { example: string }> = {
  room: { start: '14:00', end: '17:00', cutoff: '12:00', example: '棋牌室' },
  consult: { start: '09:00', end: '11:00', cutoff: '08:00', example: '健康咨询' },
  visit: { start: '09:00', end: '12:00', cutoff: '08:00', example: '家电维修上门' },
};
const KINDS = (Object.keys(SLOT_KIND_LABEL) as SlotKind[]).map((k) => ({ value: k, label: SLOT_KIND_LABEL[k] }));
const hoursOf = (kind: SlotKind, sitting: Sitting): Hours => {
  if (kind === 'meal') return HOURS[sitting];
  const { start, end, cutoff } = SERVICE[kind];
  return { start, end, cutoff };
};
/** The most bookings per elder per week a slot may set (as ZSaveSlotRequest's `quotaPerWeek`). */
const QUOTA_MAX = BOOKING_RULES.quotaPerWeekMax;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

interface Form {
  kind: SlotKind;
  day: string;
  sitting: Sitting;
  title: string;
  start: string;
  end: string;
  cutoff: string;
  dineIn: string;
  delivery: string;
  price: string;
  dishes: DishDTO[];
  /** 提前N天开放预订 (empty: open at once). */
  daysAhead: string;
  /** 每人每周限约N次 (empty: no limit). */
  quota: string;
}
const FIELDS = ['title', 'start', 'end', 'cutoff', 'dineIn', 'delivery', 'price', 'dishes', 'daysAhead', 'quota'] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName, string>>;

/** Server field names → this form's. */
const SERVER_FIELD: Record<string, FieldName> = {
  title: 'title',
  opensAt: 'daysAhead',
  quotaPerWeek: 'quota',
  startsAt: 'start',
  endsAt: 'end',
  cutoffAt: 'cutoff',
  capacityDineIn: 'dineIn',
  capacityDelivery: 'delivery',
  priceFen: 'price',
  dishes: 'dishes',
};

const count = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
/** "12.5" 元 → 1250 分; NaN when it is not a price. */
export const toFen = (s: string) => (/^\d+(\.\d{1,2})?$/.test(s.trim()) ? Math.round(Number(s.trim()) * 100) : NaN);

function validate(f: Form): Errors {
  const e: Errors = {};
  const meal = f.kind === 'meal';
  if (!HHMM.test(f.start)) e.start = '请选择时间';
  if (!HHMM.test(f.end)) e.end = '请选择时间';
  else if (!e.start && f.end <= f.start) e.end = '结束时间须晚于开始时间';
  if (!HHMM.test(f.cutoff)) e.cutoff = '请选择时间';
  else if (!e.start && f.cutoff > f.start) e.cutoff = meal ? '截止时间须早于开餐时间' : '截止时间须早于开始时间';
  const dineIn = count(f.dineIn);
  const delivery = meal ? count(f.delivery || '0') : 0;
  if (Number.isNaN(dineIn) || dineIn > BOOKING_RULES.capacityMax) e.dineIn = `请填写0–${BOOKING_RULES.capacityMax}的整数`;
  if (Number.isNaN(delivery) || delivery > BOOKING_RULES.capacityMax) e.delivery = `请填写0–${BOOKING_RULES.capacityMax}的整数`;
  if (!e.dineIn && !e.delivery && dineIn + delivery === 0) e.dineIn = '请填写名额';
  // Rooms, consultations and visits are often free: an empty price is 0 there.
  const fen = toFen(meal ? f.price : f.price || '0');
  if (Number.isNaN(fen) || fen > BOOKING_RULES.priceFenMax) e.price = '请填写价格，例如 12 或 12.50';
  if (!meal) {
    const ahead = count(f.daysAhead || '1');
    if (Number.isNaN(ahead) || ahead < 1 || ahead > BOOKING_RULES.slotDaysAhead) e.daysAhead = `请填写1–${BOOKING_RULES.slotDaysAhead}的整数，或不填`;
    const quota = count(f.quota || '1');
    if (Number.isNaN(quota) || quota < 1 || quota > QUOTA_MAX) e.quota = `请填写1–${QUOTA_MAX}的整数，或不填`;
  }
  return e;
}

export interface SlotFormProps {
  centreId: number;
  /** The first day of the week the console shows: the form offers that week's days (none before today). */
  from: string;
  onSaved: (slot: SlotDTO) => void;
  onCancel: () => void;
}

/**
 * 新增时段: a meal sitting of the coming week with its capacities, price in 元, cut-off and dishes;
 * or a room / consultation / visit slot with a title, one capacity, and its booking rules (how many
 * days ahead booking opens, how many bookings per person per week).
 */
export default function SlotForm({ centreId, from, onSaved, onCancel }: SlotFormProps) {
  const today = localDay(new Date());
  // The week on screen, so the sitting saved is one the console shows; today's may still be open.
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i)).filter((d) => d >= today);
  // Tomorrow when the week starts today (today's cut-offs are usually past), else its first day.
  const first = days.includes(addDays(today, 1)) ? addDays(today, 1) : days[0];
  const [form, setForm] = useState<Form>({
    kind: 'meal',
    day: first,
    sitting: 'lunch',
    title: '',
    ...HOURS.lunch,
    dineIn: '',
    delivery: '',
    price: '',
    dishes: [],
    daysAhead: '',
    quota: '',
  });
  const meal = form.kind === 'meal';
  const [dishName, setDishName] = useState('');
  const [dishTags, setDishTags] = useState<DietTag[]>([]);
  const [dishAllergens, setDishAllergens] = useState<CommonAllergen[]>([]);
  /** Allergens outside the common list, typed (「芒果、菠萝」). */
  const [otherAllergens, setOtherAllergens] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => {
      const next = { ...f, [key]: value };
      return key === 'kind' || key === 'sitting' ? { ...next, ...hoursOf(next.kind, next.sitting) } : next;
    });
    setErrors((e) => ({ ...e, [key]: undefined }));
    setFormError(null);
  };

  const addDish = () => {
    const name = dishName.trim();
    if (!name) return setErrors((e) => ({ ...e, dishes: '请填写菜名' }));
    if (name.length > BOOKING_RULES.dishNameMax) return setErrors((e) => ({ ...e, dishes: `菜名不超过${BOOKING_RULES.dishNameMax}个字` }));
    if (form.dishes.length >= BOOKING_RULES.dishesMax) return setErrors((e) => ({ ...e, dishes: `最多${BOOKING_RULES.dishesMax}道菜` }));
    const others = readAllergens(otherAllergens);
    const tooLong = others.find((w) => w.length > ALLERGEN_RULES.wordMax);
    if (tooLong) return setErrors((e) => ({ ...e, dishes: `过敏原「${tooLong}」过长，每个不超过${ALLERGEN_RULES.wordMax}个字` }));
    const allergens = readAllergens([...dishAllergens, ...others]);
    if (allergens.length > ALLERGEN_RULES.perDishMax) return setErrors((e) => ({ ...e, dishes: `每道菜最多${ALLERGEN_RULES.perDishMax}个过敏原` }));
    set('dishes', [...form.dishes, { name, tags: dishTags, allergens }]);
    setDishName('');
    setDishTags([]);
    setDishAllergens([]);
    setOtherAllergens('');
  };

  const save = async () => {
    if (busy) return;
    const problems = validate(form);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    const times = { startsAt: localIsoTime(form.day, form.start), endsAt: localIsoTime(form.day, form.end), cutoffAt: localIsoTime(form.day, form.cutoff) };
    const title = form.title.trim();
    const res = await bookings.saveSlot(
      meal
        ? {
            centreId,
            kind: 'meal',
            day: form.day,
            sitting: form.sitting,
            ...times,
            capacityDineIn: count(form.dineIn),
            capacityDelivery: count(form.delivery || '0'),
            priceFen: toFen(form.price),
            dishes: form.dishes.map((d) => ({ name: d.name, tags: d.tags, allergens: d.allergens })),
          }
        : {
            centreId,
            kind: form.kind,
            day: form.day,
            ...(title ? { title } : {}),
            ...times,
            capacityDineIn: count(form.dineIn),
            priceFen: toFen(form.price || '0'),
            // Booking opens at the start of the day N days before (Beijing time).
            ...(form.daysAhead.trim() ? { opensAt: localIsoTime(addDays(form.day, -count(form.daysAhead)), '00:00') } : {}),
            ...(form.quota.trim() ? { quotaPerWeek: count(form.quota) } : {}),
          },
    );
    setBusy(false);
    if (res.ok) return onSaved(res.data);
    const field = SERVER_FIELD[String(res.error.details?.field ?? '').split('.')[0]];
    if (res.error.code === 'INVALID_INPUT' && field) setErrors({ [field]: res.error.message });
    else setFormError(res.error.message);
  };

  return (
    <View className='card slotform' data-testid='slot-form'>
      <View className='card__title' role='heading' aria-level={2}>
        {meal ? '新增餐次' : `新增${SLOT_KIND_LABEL[form.kind]}时段`}
      </View>
      <ChoiceGroup id='slot-kind' label='类别' options={KINDS} value={form.kind} onChange={(v) => set('kind', v)} />
      <ChoiceGroup id='slot-day' label='日期' options={days.map((d) => ({ value: d, label: dayLabel(d) }))} value={form.day} onChange={(v) => set('day', v)} />
      {meal ? (
        <ChoiceGroup
          id='slot-sitting'
          label='餐别'
          options={(['lunch', 'dinner'] as Sitting[]).map((s) => ({ value: s, label: SITTING_LABEL[s] }))}
          value={form.sitting}
          onChange={(v) => set('sitting', v)}
        />
      ) : (
        <Field
          id='slot-title'
          label='名称'
          placeholder={form.kind === 'meal' ? '' : `例如 ${SERVICE[form.kind].example}`}
          maxlength={BOOKING_RULES.titleMax}
          value={form.title}
          onChange={(v) => set('title', v)}
          error={errors.title}
        />
      )}
      <View className='slotform__row'>
        <TimePicker id='slot-start' label={meal ? '开餐' : '开始'} value={form.start} onChange={(v) => set('start', v)} error={errors.start} />
        <TimePicker id='slot-end' label='结束' value={form.end} onChange={(v) => set('end', v)} error={errors.end} />
        <TimePicker id='slot-cutoff' label='当天截止' value={form.cutoff} start='00:00' onChange={(v) => set('cutoff', v)} error={errors.cutoff} />
      </View>
      <View className='slotform__row'>
        <Field id='slot-dinein' label={meal ? '堂食名额' : '名额'} type='number' value={form.dineIn} onChange={(v) => set('dineIn', v)} error={errors.dineIn} />
        {meal ? (
          <Field id='slot-delivery' label='送餐名额' type='number' value={form.delivery} onChange={(v) => set('delivery', v)} error={errors.delivery} />
        ) : null}
        <Field
          id='slot-price'
          label={meal ? '价格（元）' : '费用（元）'}
          placeholder={meal ? '' : '免费不填'}
          type='digit'
          value={form.price}
          onChange={(v) => set('price', v)}
          error={errors.price}
        />
      </View>
      {!meal ? (
        <View className='slotform__row'>
          <Field
            id='slot-ahead'
            label='提前几天开放预订'
            placeholder='不填则现在开放'
            type='number'
            value={form.daysAhead}
            onChange={(v) => set('daysAhead', v)}
            error={errors.daysAhead}
          />
          <Field
            id='slot-quota'
            label='每人每周限约几次'
            placeholder='不填则不限'
            type='number'
            value={form.quota}
            onChange={(v) => set('quota', v)}
            error={errors.quota}
          />
        </View>
      ) : null}

      {meal ? (
        <>
          <View className='field__label'>
            菜品（{form.dishes.length}/{BOOKING_RULES.dishesMax}）
          </View>
          <View role='list' aria-label='菜品' className='slotform__dishes'>
            {form.dishes.map((d, i) => (
              <View key={`${d.name}-${i}`} role='listitem' className='slotform__dish'>
                <View className='slotform__dish-name'>
                  {d.name}
                  {d.tags.length ? `（${d.tags.join('、')}）` : ''}
                  <View className={d.allergens.length ? 'slotform__allergens' : 'muted'} data-testid='slot-dish-allergens'>
                    {d.allergens.length ? `含${d.allergens.join('、')}` : '无常见过敏原'}
                  </View>
                </View>
                <View
                  className='btn btn--danger slotform__remove'
                  role='button'
                  {...FOCUSABLE}
                  aria-label={`删除${d.name}`}
                  onClick={() =>
                    set(
                      'dishes',
                      form.dishes.filter((_, j) => j !== i),
                    )
                  }
                >
                  删除
                </View>
              </View>
            ))}
          </View>
          <Field
            id='slot-dish'
            label='菜名'
            placeholder='例如 清蒸鲈鱼'
            maxlength={BOOKING_RULES.dishNameMax}
            value={dishName}
            onChange={setDishName}
            error={errors.dishes}
          />
          <Toggles id='slot-dish-tags' label='适合' options={DIET_TAGS.map((t) => ({ value: t, label: t }))} value={dishTags} onChange={setDishTags} />
          <Toggles
            id='slot-dish-allergens'
            label='含过敏原'
            hint='会提示对此过敏的老人，并列在厨房单上'
            options={COMMON_ALLERGENS.map((a) => ({ value: a, label: a }))}
            value={dishAllergens}
            onChange={setDishAllergens}
          />
          <Field
            id='slot-dish-other-allergens'
            label='其他过敏原'
            placeholder='不在上面的，如 芒果、菠萝（用顿号隔开）'
            maxlength={ALLERGEN_RULES.perDishMax * (ALLERGEN_RULES.wordMax + 1)}
            value={otherAllergens}
            onChange={setOtherAllergens}
          />
          <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='slot-dish-add' onClick={addDish}>
            ＋ 添加这道菜
          </View>
        </>
      ) : null}

      {formError ? (
        <View className='notice slotform__error' role='alert' data-testid='slot-error'>
          {formError}
        </View>
      ) : null}
      <View className='btn-row slotform__actions'>
        <BusyButton label={meal ? '保存餐次' : '保存时段'} busy={busy} busyLabel='保存中…' onClick={save} testId='slot-save' />
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={onCancel}>
          取消
        </View>
      </View>
    </View>
  );
}

import { View } from '@tarojs/components';
import type { VenueSlotDTO } from '@hg/types';
import { localClock, localIsoTime } from '@hg/types/local-time';
import { SLOT_RULES } from '@hg/types/slots';
import { ZPublishSlotRequest, type VenueKind } from '@hg/types/slots-schemas';
import BusyButton from '../../../../components/BusyButton';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { bookings } from '../../../../services/bookings';
import TimePicker from '../../../../components/TimePicker';
import { dayLabel, KIND_TABS } from '../../format';

/** Usual hours and an example title per kind, filled in when the kind is picked. */
const USUAL: Record<VenueKind, { start: string; end: string; cutoff: string; example: string }> = {
  room: { start: '14:00', end: '17:00', cutoff: '12:00', example: '棋牌室' },
  consult: { start: '09:00', end: '11:00', cutoff: '08:00', example: '健康咨询' },
  visit: { start: '09:00', end: '12:00', cutoff: '08:00', example: '家电维修上门' },
  meeting: { start: '19:00', end: '20:30', cutoff: '18:00', example: '居民议事会' },
  activity: { start: '09:30', end: '11:00', cutoff: '08:30', example: '重阳节包饺子' },
};

interface Values {
  kind: VenueKind;
  title: string;
  day: string;
  start: string;
  end: string;
  cutoff: string;
  capacity: string;
  /** Once full: 'yes' residents may queue (候补), 'no' full is full. */
  waitlist: 'yes' | 'no';
}

const FIELD_OF: Record<string, keyof Values> = {
  kind: 'kind',
  title: 'title',
  startsAt: 'start',
  endsAt: 'end',
  cutoffAt: 'cutoff',
  capacity: 'capacity',
  waitlist: 'waitlist',
};

const WAITLIST_CHOICES: { value: Values['waitlist']; label: string }[] = [
  { value: 'yes', label: '可以排队候补' },
  { value: 'no', label: '不排队，约满即止' },
];

export interface SlotFormProps {
  centreId: number;
  /** The days offered (the week on screen, today and later). */
  days: string[];
  /** A slot nobody has booked yet, to change; none: a new one. */
  editing?: VenueSlotDTO | null;
  onSaved: (slot: VenueSlotDTO) => void;
  onCancel: () => void;
}

/**
 * 发布时段 / 修改时段: kind, title, day, start, end and the booking cut-off from time pickers (no
 * typed times to correct), the number of places and whether a full slot takes a waitlist (候补).
 * Checked with the same schema the server
 * parses; a change is sent only while nobody has booked (the server says CONFLICT after that).
 */
export default function SlotForm({ centreId, days, editing = null, onSaved, onCancel }: SlotFormProps) {
  const firstDay = days.length > 1 ? days[1] : days[0];
  const form = useForm({
    initial: (): Values =>
      editing
        ? {
            kind: editing.kind as VenueKind,
            title: editing.title,
            day: editing.day,
            start: localClock(editing.startsAt),
            end: localClock(editing.endsAt),
            cutoff: localClock(editing.cutoffAt),
            capacity: String(editing.capacity),
            waitlist: editing.waitlist ? 'yes' : 'no',
          }
        : { kind: 'room', title: '', day: firstDay, start: USUAL.room.start, end: USUAL.room.end, cutoff: USUAL.room.cutoff, capacity: '', waitlist: 'yes' },
    schema: ZPublishSlotRequest,
    fields: ['kind', 'title', 'day', 'start', 'end', 'cutoff', 'capacity', 'waitlist'] as const,
    fieldOf: (path) => FIELD_OF[path.split('.')[0]] ?? null,
    required: { capacity: '请填写名额（整数）', title: '请填写名称' },
    toRequest: (v) => ({
      centreId,
      kind: v.kind,
      title: v.title,
      startsAt: localIsoTime(v.day, v.start),
      endsAt: localIsoTime(v.day, v.end),
      cutoffAt: localIsoTime(v.day, v.cutoff),
      // Anything but whole digits is NaN, which the schema refuses as a missing number: 「请填写名额（整数）」.
      capacity: /^\d+$/.test(v.capacity.trim()) ? Number(v.capacity.trim()) : NaN,
      waitlist: v.waitlist === 'yes',
    }),
    check: (v) => (v.cutoff > v.start ? { cutoff: '预约截止须不晚于开始时间' } : {}),
    send: (req) =>
      editing
        ? bookings.editSlot({
            slotId: editing.id,
            title: req.title,
            startsAt: req.startsAt,
            endsAt: req.endsAt,
            cutoffAt: req.cutoffAt,
            capacity: req.capacity,
            waitlist: req.waitlist,
          })
        : bookings.publishSlot(req),
    onSuccess: onSaved,
    errorText: (e) => (e.code === 'CONFLICT' && editing ? '已经有人预约，不能再修改。如需改动，请撤回后重新发布（已预约的人会收到通知）。' : e.message),
  });
  const v = form.values;
  const dayChoices = editing && !days.includes(editing.day) ? [editing.day, ...days] : days;
  return (
    <View className='card vform' data-testid='venue-slot-form'>
      <View className='card__title' role='heading' aria-level={2}>
        {editing ? `修改时段：${editing.title}` : '发布时段'}
      </View>
      {editing ? null : (
        <ChoiceGroup
          id='vform-kind'
          label='类别'
          options={KIND_TABS}
          value={v.kind}
          onChange={(k) => form.patch((cur) => ({ kind: k, ...(cur.kind !== k ? { start: USUAL[k].start, end: USUAL[k].end, cutoff: USUAL[k].cutoff } : {}) }))}
          error={form.errors.kind}
        />
      )}
      <Field
        id='vform-title'
        label='名称'
        placeholder={`例如 ${USUAL[v.kind].example}`}
        maxlength={SLOT_RULES.titleMax}
        value={v.title}
        onChange={(x) => form.set('title', x)}
        error={form.errors.title}
      />
      <ChoiceGroup
        id='vform-day'
        label='日期'
        options={dayChoices.map((d) => ({ value: d, label: dayLabel(d) }))}
        value={v.day}
        onChange={(d) => form.set('day', d)}
      />
      <View className='vform__row'>
        <TimePicker id='vform-start' label='开始' value={v.start} onChange={(x) => form.set('start', x)} error={form.errors.start} />
        <TimePicker id='vform-end' label='结束' value={v.end} end='23:00' onChange={(x) => form.set('end', x)} error={form.errors.end} />
        <TimePicker id='vform-cutoff' label='当天预约截止' value={v.cutoff} start='00:00' onChange={(x) => form.set('cutoff', x)} error={form.errors.cutoff} />
      </View>
      <Field
        id='vform-capacity'
        label='名额'
        type='number'
        placeholder={`1–${SLOT_RULES.capacityMax}`}
        value={v.capacity}
        onChange={(x) => form.set('capacity', x)}
        error={form.errors.capacity}
      />
      <ChoiceGroup
        id='vform-waitlist'
        label='约满后'
        options={WAITLIST_CHOICES}
        value={v.waitlist}
        onChange={(x) => form.set('waitlist', x)}
        error={form.errors.waitlist}
      />
      <View className='muted vform__hint' data-testid='vform-waitlist-hint'>
        {v.waitlist === 'yes' ? '约满后居民可以排队候补；有人取消时，名额按顺序留给候补的人。' : '约满后不再接受预约，也不排队（例如会议室按人数定座）。'}
      </View>
      {form.formError ? (
        <View className='notice vform__error' role='alert' data-testid='venue-slot-error'>
          {form.formError}
        </View>
      ) : null}
      <View className='btn-row'>
        <BusyButton label={editing ? '保存修改' : '发布'} busy={form.busy} busyLabel='保存中…' onClick={() => void form.submit()} testId='venue-slot-save' />
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='venue-slot-form-cancel' onClick={onCancel}>
          取消
        </View>
      </View>
    </View>
  );
}

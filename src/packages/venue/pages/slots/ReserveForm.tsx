import { useRef } from 'react';
import { View } from '@tarojs/components';
import type { ReservationDTO, VenueSlotDTO } from '@hg/types';
import { SLOT_RULES } from '@hg/types/slots';
import { ZReserveRequest } from '@hg/types/slots-schemas';
import BusyButton from '../../../../components/BusyButton';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import TextBox from '../../../../components/TextBox';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { bookings } from '../../../../services/bookings';
import { newRequestId, when } from '../../format';

export interface ReserveFormProps {
  slot: VenueSlotDTO;
  /** The groups the person may book for (none: the choice is not shown). */
  groups: { id: number; name: string }[];
  /** The person's home address, prefilled for a visit. */
  homeAddress: string;
  /** Join the waitlist: the slot is full. */
  waitlist: boolean;
  onDone: (r: ReservationDTO) => void;
  /** The seats ran out meanwhile: the page refreshes the seats and offers the waitlist where the slot keeps one. */
  onFull: (waitlist: boolean) => void;
  onCancel: () => void;
}

interface Values {
  /** 0: for myself; else the group's id. */
  holder: number;
  place: string;
  purpose: string;
}

/**
 * 预约: for myself or for a group I work for, and for a visit where (地址) and what (事由) — the
 * server refuses a visit without them, so the form asks before sending. One request id per form, so
 * a retried tap answers the first booking.
 */
export default function ReserveForm({ slot, groups, homeAddress, waitlist, onDone, onFull, onCancel }: ReserveFormProps) {
  const requestId = useRef(newRequestId());
  const visit = slot.asksWhereAndWhat;
  const form = useForm({
    initial: (): Values => ({ holder: 0, place: visit ? homeAddress : '', purpose: '' }),
    schema: ZReserveRequest,
    fields: ['holder', 'place', 'purpose'] as const,
    fieldOf: (path) => (path === 'groupId' ? 'holder' : path === 'place' || path === 'purpose' ? path : null),
    toRequest: (v) => ({
      slotId: slot.id,
      requestId: requestId.current,
      ...(v.holder ? { groupId: v.holder } : {}),
      ...(waitlist ? { waitlist: true } : {}),
      ...(visit ? { place: v.place, purpose: v.purpose } : {}),
    }),
    check: (v) => ({
      ...(visit && !v.place.trim() ? { place: '请填写上门地址' } : {}),
      ...(visit && !v.purpose.trim() ? { purpose: '请说明要办的事，例如 洗衣机漏水' } : {}),
    }),
    send: (req) => bookings.reserve(req),
    onSuccess: (r) => onDone(r),
    errorText: (e, req) => {
      if (e.code === 'CAPACITY_FULL') {
        const line = e.details?.waitlist !== false;
        onFull(line);
        return line ? '名额刚被约满了。可以排队候补：有人取消时按顺序通知。' : '名额刚被约满了，这个时段不排队候补，请选其他时段。';
      }
      // The server listed the groups; a role taken away meanwhile is the only way here.
      if (e.code === 'NOT_FOUND' && req.groupId) return '您已不能以这个单位的名义预约，请选「我自己」。';
      if (e.code === 'CONFLICT') return '您已经预约了这个时段，请到「我的预约」查看。';
      return e.message;
    },
  });
  const v = form.values;
  return (
    <View className='vslot__form' data-testid={`reserve-form-${slot.id}`}>
      <View className='vslot__form-title' role='heading' aria-level={3}>
        {waitlist ? '排队候补' : '预约'}：{slot.title}
      </View>
      <View className='muted'>{when(slot)}</View>
      {groups.length ? (
        <ChoiceGroup
          id={`reserve-holder-${slot.id}`}
          label='为谁预约'
          options={[{ value: 0, label: '我自己' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
          value={v.holder}
          onChange={(x) => form.set('holder', x)}
          error={form.errors.holder}
        />
      ) : null}
      {visit ? (
        <>
          <Field
            id={`reserve-place-${slot.id}`}
            label='上门地址'
            placeholder='例如 锦屏花园1栋1单元502'
            maxlength={SLOT_RULES.placeMax}
            value={v.place}
            onChange={(x) => form.set('place', x)}
            error={form.errors.place}
          />
          <TextBox
            id={`reserve-purpose-${slot.id}`}
            label='事由'
            placeholder='要上门办什么，例如 洗衣机漏水'
            max={SLOT_RULES.purposeMax}
            value={v.purpose}
            onChange={(x) => form.set('purpose', x)}
            error={form.errors.purpose}
          />
        </>
      ) : null}
      {form.formError ? (
        <View className='notice vslot__error' role='alert' data-testid='reserve-error'>
          {form.formError}
        </View>
      ) : null}
      <BusyButton
        label={waitlist ? '确认排队候补' : '确认预约'}
        busy={form.busy}
        busyLabel='预约中…'
        onClick={() => void form.submit()}
        testId={`reserve-submit-${slot.id}`}
      />
      <View className='btn btn--ghost vslot__form-cancel' role='button' {...FOCUSABLE} data-testid={`reserve-close-${slot.id}`} onClick={onCancel}>
        先不约了
      </View>
    </View>
  );
}

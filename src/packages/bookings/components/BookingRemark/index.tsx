import { useState } from 'react';
import { View } from '@tarojs/components';
import type { BookingDTO, BookingRemarkDTO, VoiceNoteDTO } from '@hg/types';
import { BOOKING_RULES } from '@hg/types/bookings';
import { ZRemarkBookingRequest } from '@hg/types/bookings-schemas';
import TextBox from '../../../../components/TextBox';
import BusyButton from '../../../../components/BusyButton';
import VoiceNoteButton from '../../../../components/VoiceNoteButton';
import VoicePlayer from '../../../../components/VoicePlayer';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { bookings } from '../../../../services/bookings';
import './index.scss';

/** A remark as the kitchen, the counter and the round read it: the words, and the voice note to play. */
export function RemarkLine({ remark, testId = 'remark' }: { remark: BookingRemarkDTO; testId?: string }) {
  return (
    <View className='remark' data-testid={testId}>
      <View className='remark__text'>备注：{remark.text ?? (remark.voiceNote ? '（语音）' : '')}</View>
      {remark.voiceNote ? <VoicePlayer url={remark.voiceNote.url} durationSec={remark.voiceNote.durationSec} label='备注语音' testId={`${testId}-voice`} /> : null}
    </View>
  );
}

interface Values {
  remark: string;
  voiceNote: VoiceNoteDTO | null;
}

/**
 * 备注 on a meal booking: what the elder (or whoever books for her) wants the kitchen or the round
 * to know — 少盐, 饭要软, 送餐请敲门 — typed (≤ 50 字) or spoken (按住说话, ≤ 60 秒), or both. Shown
 * to those the server gives it to; editable while the booking allows it (`can` has 'remark', i.e.
 * live and before the cut-off). Saving sends the whole remark; clearing both fields removes it.
 */
export default function BookingRemark({ booking, onChange }: { booking: BookingDTO; onChange: (b: BookingDTO) => void }) {
  const [editing, setEditing] = useState(false);
  const [uploading, setUploading] = useState(false);
  const editable = booking.can.includes('remark');
  const f = useForm({
    initial: (): Values => ({ remark: booking.remark?.text ?? '', voiceNote: booking.remark?.voiceNote ?? null }),
    schema: ZRemarkBookingRequest,
    toRequest: (v) => ({
      bookingId: booking.id,
      ...(v.remark.trim() ? { remark: v.remark } : {}),
      ...(v.voiceNote ? { voiceNote: { fileId: v.voiceNote.fileId, durationSec: v.voiceNote.durationSec } } : {}),
    }),
    blocked: () => (uploading ? '语音还在上传，请稍等' : null),
    send: (request) => bookings.remark(request),
    onSuccess: (next) => {
      setEditing(false);
      onChange(next);
    },
  });

  if (!editing) {
    if (!booking.remark && !editable) return null;
    return (
      <View className='remark-box' data-testid={`remark-box-${booking.id}`}>
        {booking.remark ? <RemarkLine remark={booking.remark} testId={`remark-${booking.id}`} /> : null}
        {editable ? (
          <View
            className='btn btn--ghost remark-box__open'
            role='button'
            {...FOCUSABLE}
            data-testid={`remark-open-${booking.id}`}
            onClick={() => {
              f.reset();
              setEditing(true);
            }}
          >
            {booking.remark ? '修改备注' : '添加备注（如少盐、送餐请敲门）'}
          </View>
        ) : null}
      </View>
    );
  }

  return (
    <View className='remark-box remark-box--editing' data-testid={`remark-form-${booking.id}`}>
      <TextBox
        id={`remark-text-${booking.id}`}
        label={f.values.voiceNote ? '备注（已录语音，可不填）' : '备注'}
        value={f.values.remark}
        onChange={(v) => f.set('remark', v)}
        max={BOOKING_RULES.remarkMax}
        counter
        placeholder='例如：少盐、饭要软、送餐请敲门'
        error={f.errors.remark}
      />
      <VoiceNoteButton
        value={f.values.voiceNote}
        onChange={(v) => f.set('voiceNote', v)}
        onBusy={setUploading}
        label='不便打字？按住说备注'
        error={f.errors.voiceNote}
        testId={`remark-voice-${booking.id}`}
      />
      {f.formError ? (
        <View className='notice' role='alert' data-testid={`remark-error-${booking.id}`}>
          {f.formError}
        </View>
      ) : null}
      <View className='btn-row'>
        <BusyButton label='保存备注' busy={f.busy} busyLabel='保存中…' onClick={f.submit} testId={`remark-save-${booking.id}`} />
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => setEditing(false)}>
          取消
        </View>
      </View>
    </View>
  );
}

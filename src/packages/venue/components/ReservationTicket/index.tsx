import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReservationDTO } from '@hg/types';
import { SLOT_BOOKING_STATUS_LABEL } from '@hg/types/slots';
import { localClock } from '@hg/types/local-time';
import type { VenueKind } from '@hg/types/slots-schemas';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useConfirmCancel } from '../../../../hooks/useConfirmCancel';
import { bookings } from '../../../../services/bookings';
import { KIND_LABEL, when } from '../../format';
import ConfirmDialog from '../../../../components/ConfirmDialog';
import './index.scss';

export interface ReservationTicketProps {
  reservation: ReservationDTO;
  /** After 取消 / 确认: the reservation as the server now has it. */
  onChange: (r: ReservationDTO) => void;
}

/** Statuses whose code is shown for check-in at the door. */
const AT_THE_DOOR: ReservationDTO['status'][] = ['booked', 'offered'];
const IN_LINE: ReservationDTO['status'][] = ['waitlisted', 'offered'];

function tone(status: ReservationDTO['status']): string {
  if (status === 'booked' || status === 'checked_in' || status === 'checked_out') return 'ok';
  if (status === 'waitlisted' || status === 'offered') return 'wait';
  return 'off';
}

/**
 * One reservation as its holder keeps it: what and when, the status, the 6-character code big
 * enough to read out at the door, where and what for a visit, 确认候补 while an offer stands and
 * 取消预约 (退出候补 in line) exactly when the server's `can` allows — asked first in the page's own
 * dialog (large text, the day named, the destructive choice in red).
 */
export default function ReservationTicket({ reservation: r, onChange }: ReservationTicketProps) {
  const inLine = IN_LINE.includes(r.status);
  const cancelText = inLine ? '退出候补' : '取消预约';
  const kind = KIND_LABEL[r.kind as VenueKind] ?? '';
  const { busy, error, asking, ask, dismiss, run } = useConfirmCancel<'accept', ReservationDTO>(
    (action) => (action === 'accept' ? bookings.acceptReservation({ reservationId: r.id }) : bookings.cancelReservation({ reservationId: r.id })),
    (next, action) => {
      onChange(next);
      void Taro.showToast({ title: action === 'accept' ? '已确认' : inLine ? '已退出候补' : '已取消', icon: 'success' });
    },
  );

  return (
    <View className={`vticket vticket--${tone(r.status)}`} data-testid={`reservation-${r.id}`}>
      <View className='vticket__title' role='heading' aria-level={3}>
        {kind ? `${kind} · ` : ''}
        {r.title}
      </View>
      <View className='vticket__when'>{when(r)}</View>
      <View className='vticket__status' data-testid='reservation-status'>
        {SLOT_BOOKING_STATUS_LABEL[r.status]}
      </View>
      {r.holderName ? <View className='muted'>为「{r.holderName}」预约</View> : null}
      {r.place ? <View className='muted'>上门地址：{r.place}</View> : null}
      {r.purpose ? <View className='muted'>事由：{r.purpose}</View> : null}
      {r.status === 'waitlisted' ? <View className='vticket__wait'>候补中，有人取消时会通知您</View> : null}
      {r.status === 'offered' && r.offerExpiresAt ? (
        <View className='vticket__wait' role='status'>
          有空位了！请在 {localClock(r.offerExpiresAt)} 前确认
        </View>
      ) : null}
      {r.checkedInAt ? (
        <View className='muted' data-testid='reservation-times'>
          {localClock(r.checkedInAt)} 签到{r.checkedOutAt ? ` · ${localClock(r.checkedOutAt)} 签退` : ''}
        </View>
      ) : null}
      {AT_THE_DOOR.includes(r.status) && r.code ? (
        <View className='vticket__code-box'>
          <View className='muted'>预约码（到场签到时出示）</View>
          <View className='vticket__code' data-testid='reservation-code' aria-label={`预约码 ${r.code.split('').join(' ')}`}>
            {r.code}
          </View>
        </View>
      ) : null}
      {error ? (
        <View className='notice vticket__error' role='alert' data-testid='reservation-error'>
          {error}
        </View>
      ) : null}
      {r.can.accept ? (
        <BusyButton label='确认候补名额' busy={busy === 'accept'} busyLabel='确认中…' onClick={() => run('accept')} testId='reservation-accept' />
      ) : null}
      {r.can.cancel ? (
        <View
          className={`btn ${busy === 'cancel' ? 'btn--disabled' : 'btn--danger'} vticket__cancel`}
          role='button'
          {...FOCUSABLE}
          aria-disabled={busy === 'cancel' ? 'true' : 'false'}
          data-testid='reservation-cancel'
          onClick={ask}
        >
          {busy === 'cancel' ? (inLine ? '退出中…' : '取消中…') : cancelText}
        </View>
      ) : null}
      {asking ? (
        <ConfirmDialog
          id={`cancel-${r.id}`}
          title={inLine ? '退出候补？' : '取消这次预约？'}
          confirmText={cancelText}
          cancelText={inLine ? '继续候补' : '不取消'}
          onConfirm={() => run('cancel')}
          onCancel={dismiss}
          testId='cancel-dialog'
        >
          <View className='vticket__ask-what' data-testid='cancel-dialog-what'>
            {when(r)} {r.title}
          </View>
          <View>{inLine ? '退出后不再为您保留候补位置。' : '取消后名额让给别人；还想去的话，请在截止前重新预约。'}</View>
        </ConfirmDialog>
      ) : null}
    </View>
  );
}

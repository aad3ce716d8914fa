import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BookingDTO } from '@hg/types';
import { yuan } from '@hg/types/bookings';
import { localClock } from '@hg/types/local-time';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useConfirmCancel } from '../../../../hooks/useConfirmCancel';
import { bookings } from '../../../../services/bookings';
import { withDefaults } from '../../../../components/defaults';
import { dayLabel, dayTime, isDue, statusText } from '../../format';
import CodeQr from '../CodeQr';
import ConfirmDialog from '../../../../components/ConfirmDialog';
import './index.scss';

export interface BookingTicketProps {
  booking: BookingDTO;
  /** After 取消 / 确认: the booking as the server now has it. */
  onChange: (booking: BookingDTO) => void;
  /** Show the day and sitting (a list of bookings); a slot card already says them. */
  showSlot?: boolean;
  /** Draw the code as a QR code too (for the counter's scanner). */
  showQr?: boolean;
  /** A meal (堂食 / 送餐, always priced); false for a room, consultation or visit: no mode, price only when due. */
  meal?: boolean;
}

const defaults = { showSlot: false, showQr: false, meal: true } satisfies Partial<BookingTicketProps>;

/** Statuses whose code the counter can still take. */
const REDEEMABLE = ['booked', 'offered'];

function tone(status: BookingDTO['status']): string {
  if (status === 'booked' || status === 'redeemed') return 'ok';
  if (status === 'waitlisted' || status === 'offered') return 'wait';
  return 'off';
}

/** Statuses in which cancelling means leaving the waitlist rather than giving a seat back. */
const IN_LINE = ['waitlisted', 'offered'];

/**
 * One booking as the elder holds it: status, the 6-character code big enough to read out at the
 * counter (and as a QR), what they pay while something is due, and 取消预订 (退出候补 while in the
 * waitlist) / 确认候补 exactly when the server's `can` allows. Cancelling asks first, in the page's
 * own dialog (large text, the day and sitting named, the destructive choice in red).
 */
export default function BookingTicket(props: BookingTicketProps) {
  const { booking: b, onChange, showSlot, showQr, meal } = withDefaults(props, defaults);
  const inLine = IN_LINE.includes(b.status);
  const cancelText = inLine ? '退出候补' : meal ? '取消预订' : '取消预约';
  const what = `${dayLabel(b.slot.day)} ${b.slot.title}${meal ? `（${b.modeLabel}）` : ''}`;
  const { busy, error, asking, ask, dismiss, run } = useConfirmCancel<'confirm', BookingDTO>(
    (action) => bookings[action]({ bookingId: b.id }),
    (next, action) => {
      onChange(next);
      void Taro.showToast({ title: action === 'confirm' ? '已确认' : inLine ? '已退出候补' : '已取消', icon: 'success' });
    },
  );

  const redeemable = REDEEMABLE.includes(b.status);
  return (
    <View className={`ticket ticket--${tone(b.status)}`} data-testid={`booking-${b.id}`}>
      {showSlot ? (
        <View className='ticket__slot' role='heading' aria-level={3}>
          {dayLabel(b.slot.day)} · {b.slot.title}
        </View>
      ) : null}
      <View className='ticket__head'>
        <View className='ticket__status' data-testid='booking-status'>
          {statusText(b)}
        </View>
        {meal ? <View className='ticket__mode'>{b.modeLabel}</View> : null}
      </View>
      {showSlot ? (
        <View className='muted'>
          {b.slot.centreName} · 开餐 {localClock(b.slot.startsAt)}
        </View>
      ) : null}
      {b.channel !== 'self' ? <View className='muted'>{`${b.elder.name} · ${b.channelLabel}`}</View> : null}
      {b.status === 'waitlisted' && b.waitlistPosition ? (
        <View className='ticket__wait' data-testid='booking-position'>
          候补第 {b.waitlistPosition} 位，有空位会通知您
        </View>
      ) : null}
      {b.status === 'offered' && b.offerExpiresAt ? (
        <View className='ticket__wait' role='status'>
          有空位了！请在 {localClock(b.offerExpiresAt)} 前确认
        </View>
      ) : null}
      {redeemable ? (
        <View className='ticket__code-box'>
          <View className='muted'>{!meal ? '预约码（到场时出示）' : b.mode === 'delivery' ? '送餐码（送餐员上门时核对）' : '核销码（到中心用餐时出示）'}</View>
          <View className='ticket__code' data-testid='booking-code' aria-label={`核销码 ${b.code.split('').join(' ')}`}>
            {b.code}
          </View>
          {showQr ? <CodeQr value={b.code} label={`核销码 ${b.code} 的二维码`} /> : null}
        </View>
      ) : null}
      {isDue(b) && (meal || b.price.priceFen > 0) ? (
        <View className='ticket__price' data-testid='booking-pay'>
          {b.price.payFen === null ? (
            // Family and proxies see the menu price: the subsidy would tell the elder's category.
            <>
              餐费 <View className='ticket__pay'>{yuan(b.price.priceFen)}</View>
              <View className='muted ticket__subsidy'>补贴由中心按老人情况减免，以中心结算为准</View>
            </>
          ) : (
            <>
              {/* A meal the subsidy covers in full: nothing is due, and the ticket says so rather than 0.00元. */}
              {b.price.payFen === 0 ? (
                <View className='ticket__pay'>无需支付</View>
              ) : (
                <>
                  需支付 <View className='ticket__pay'>{yuan(b.price.payFen)}</View>
                </>
              )}
              {b.price.subsidyFen ? (
                <View className='muted ticket__subsidy'>{`已减 ${b.tierLabel ?? ''}补贴 ${yuan(b.price.subsidyFen)}（原价 ${yuan(b.price.priceFen)}）`}</View>
              ) : null}
            </>
          )}
        </View>
      ) : null}
      {error ? (
        <View className='notice ticket__error' role='alert' data-testid='booking-error'>
          {error}
        </View>
      ) : null}
      {b.can.includes('confirm') ? (
        <BusyButton label='确认候补' busy={busy === 'confirm'} busyLabel='确认中…' onClick={() => run('confirm')} testId='booking-confirm' />
      ) : null}
      {b.can.includes('cancel') ? (
        <View
          className={`btn ${busy === 'cancel' ? 'btn--disabled' : 'btn--danger'} ticket__cancel`}
          role='button'
          {...FOCUSABLE}
          aria-disabled={busy === 'cancel' ? 'true' : 'false'}
          data-testid='booking-cancel'
          onClick={ask}
        >
          {busy === 'cancel' ? (inLine ? '退出中…' : '取消中…') : cancelText}
        </View>
      ) : null}
      {asking ? (
        <ConfirmDialog
          id={`cancel-${b.id}`}
          title={inLine ? '退出候补？' : meal ? '取消这餐？' : '取消这次预约？'}
          confirmText={cancelText}
          cancelText={inLine ? '继续候补' : '不取消'}
          onConfirm={() => run('cancel')}
          onCancel={dismiss}
          testId='cancel-dialog'
        >
          <View className='ticket__ask-what' data-testid='cancel-dialog-what'>
            {what}
          </View>
          {b.channel !== 'self' ? <View>{`为 ${b.elder.name}`}</View> : null}
          <View>{inLine ? '退出后不再为您保留候补位置。' : `取消后名额让给别人；还想要的话，请在 ${dayTime(b.slot.cutoffAt)} 截止前重新预订。`}</View>
        </ConfirmDialog>
      ) : null}
    </View>
  );
}

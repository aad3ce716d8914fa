import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BookingDTO, ElderDTO, QuoteDTO, SlotDTO } from '@hg/types';
import { MEAL_MODE_LABEL, type MealMode, yuan } from '@hg/types/bookings';
import BusyButton from '../../../../components/BusyButton';
import PhoneLink from '../../../../components/PhoneLink';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { bookings } from '../../../../services/bookings';
import { requestSubscribe } from '../../../../services/subscribe';
import BookingTicket from '../../components/BookingTicket';
import BookingRemark from '../../components/BookingRemark';
import { bookingWindow, dayTime, newRequestId, slotName } from '../../format';

/** Booking states that mean "you have this meal": the card shows the ticket instead of the buttons. */
const LIVE = ['booked', 'waitlisted', 'offered', 'redeemed', 'no_show'];
/** Failures after which the server may still have booked: the retry must reuse the request id. */
const MAYBE_DONE = ['INTERNAL'];
/** The longest delay a timer takes (about 24.8 days); later openings re-arm when it fires. */
const TIMER_MAX = 2 ** 31 - 1;

const MODE_BUTTON: Record<MealMode, string> = { dine_in: '堂食订餐', delivery: '送餐上门' };

interface Choice {
  mode: MealMode;
  waitlist: boolean;
  /** One id per booking tap, kept while that tap's request is retried. */
  requestId: string;
}

export interface SlotCardProps {
  slot: SlotDTO;
  elderId: number;
  /** The elder's profile when known (their own week): the card estimates the subsidy from its tier. */
  elder: ElderDTO | null;
  /** The live booking here (the server's, or the one just made). */
  booking: BookingDTO | null;
  onBooking: (booking: BookingDTO) => void;
  /** The centre's phone: after the cut-off the card offers a call instead (staff may still help). */
  hotline?: string | null;
  /** The sitting the week opens at (the next one bookable): marked, and scrolled to by the page. */
  next?: boolean;
  /** 预览居民看到的样子 (staff): the card as an elder sees it, its buttons saying they only preview. */
  preview?: boolean;
}

/**
 * One slot and, one decision at a time, its booking: a meal sitting shows the menu and 堂食订餐 /
 * 送餐上门; a room, consultation or visit slot its title and one 预约 button. Both go through the quote
 * (subsidy, what the elder pays, diet warnings) → 确认, and show the ticket once booked. The slot's
 * rules are said plainly: when booking opens, and the weekly quota per person.
 */
export default function SlotCard({ slot, elderId, elder, booking, onBooking, hotline = null, next = false, preview = false }: SlotCardProps) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const [quote, setQuote] = useState<QuoteDTO | null>(null);
  const [quoteError, setQuoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The server's RATE_LIMITED message: this week's quota is used, said on the card itself. */
  const [quotaUsed, setQuotaUsed] = useState<string | null>(null);
  const [opening, setOpening] = useState(0);
  const inFlight = useRef(false);

  // A card waiting for its opening time turns into the booking button when the time comes.
  useEffect(() => {
    const wait = slot.opensAt ? Date.parse(slot.opensAt) - Date.now() : 0;
    if (!(wait > 0)) return undefined;
    const timer = setTimeout(() => setOpening((n) => n + 1), Math.min(wait + 500, TIMER_MAX));
    return () => clearTimeout(timer);
  }, [slot.opensAt, opening]);

  const meal = slot.kind === 'meal';
  const live = booking && LIVE.includes(booking.status) ? booking : null;
  const stage = bookingWindow(slot);
  const seats = slot.seats;
  const modes = (['dine_in', 'delivery'] as MealMode[]).filter((m) => (m === 'dine_in' ? seats.dineIn : seats.delivery).capacity > 0);
  const left = (m: MealMode) => (m === 'dine_in' ? seats.dineIn : seats.delivery).left;
  // The tier's amount comes with the profile (the city's subsidy in force); the quote has the exact price.
  const estimate = elder?.tierFen ? Math.max(0, slot.priceFen - elder.tierFen) : null;
  const seatText = (m: MealMode) => {
    if (!meal) return left(m) > 0 ? `剩 ${left(m)} 个名额` : '名额已满';
    return left(m) > 0 ? `${MEAL_MODE_LABEL[m]}剩 ${left(m)} 份` : `${MEAL_MODE_LABEL[m]}已满`;
  };
  const bookText = (m: MealMode) => {
    if (!meal) return left(m) > 0 ? '预约' : '加入候补';
    return left(m) > 0 ? MODE_BUTTON[m] : `${MEAL_MODE_LABEL[m]}加入候补`;
  };
  const confirmTitle = (c: Choice) => {
    if (!meal) return c.waitlist ? `加入${slot.title || slot.kindLabel}候补` : `预约${slot.title || slot.kindLabel}`;
    return c.waitlist ? `加入${MEAL_MODE_LABEL[c.mode]}候补` : MODE_BUTTON[c.mode];
  };

  const choose = async (mode: MealMode, waitlist: boolean) => {
    if (preview) {
      void Taro.showToast({ title: '预览中，不能订餐', icon: 'none' });
      return;
    }
    setChoice({ mode, waitlist, requestId: newRequestId() });
    setError(null);
    setQuotaUsed(null);
    setQuote(null);
    setQuoteError(null);
    const res = await bookings.quote({ slotId: slot.id, elderId });
    if (res.ok) setQuote(res.data);
    else setQuoteError(res.error.message);
  };

  const back = () => {
    setChoice(null);
    setError(null);
  };

  const book = async () => {
    // Warnings are read before booking: wait for the quote (or its failure) first.
    if (!choice || inFlight.current || (!quote && !quoteError)) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    if (choice.waitlist) await requestSubscribe(['booking_update']);
    const res = await bookings.book({
      slotId: slot.id,
      elderId,
      mode: choice.mode,
      requestId: choice.requestId,
      ...(choice.waitlist ? { waitlist: true } : {}),
    });
    inFlight.current = false;
    setBusy(false);
    if (res.ok) {
      setChoice(null);
      onBooking(res.data);
      return;
    }
    if (res.error.code === 'RATE_LIMITED') {
      // Nothing was booked and retrying will not help this week: back to the card, which says why.
      setChoice(null);
      setQuotaUsed(res.error.message);
      return;
    }
    if (res.error.code === 'CAPACITY_FULL') {
      // Taken while the elder was reading: the same screen now offers the waitlist.
      setChoice({ mode: choice.mode, waitlist: true, requestId: newRequestId() });
    } else if (!MAYBE_DONE.includes(res.error.code)) {
      setChoice({ ...choice, requestId: newRequestId() });
    }
    setError(res.error.message);
  };

  return (
    <View id={`slot-${slot.id}`} className={`card slot ${next ? 'slot--next' : ''}`} data-testid={`slot-${slot.id}`}>
      {next ? (
        <View className='slot__next' data-testid='slot-next'>
          最近可订
        </View>
      ) : null}
      <View className='slot__name' role='heading' aria-level={3}>
        {slotName(slot)}
      </View>
      {!meal ? null : slot.dishes.length ? (
        <View className='slot__dishes' role='list' aria-label='菜品'>
          {slot.dishes.map((d) => (
            <View key={d.name} className='slot__dish' role='listitem'>
              <View className='slot__dish-name'>{d.name}</View>
              {d.tags.map((t) => (
                <View key={t} className='slot__tag'>
                  {t}
                </View>
              ))}
              {d.allergens.length ? (
                <View className='slot__allergens' data-testid='dish-allergens'>
                  含{d.allergens.join('、')}
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : (
        <View className='muted'>菜单待公布</View>
      )}
      {meal && slot.allergyWarnings.length ? (
        <View className='notice slot__allergy' role='alert' data-testid='slot-allergy'>
          <View>⚠ 过敏提醒：</View>
          {slot.allergyWarnings.map((w) => (
            <View key={w}>· {w}</View>
          ))}
        </View>
      ) : null}
      {meal ? (
        <View className='slot__price' data-testid='slot-price'>
          餐费 {yuan(slot.priceFen)}
          {estimate !== null && estimate < slot.priceFen ? <View className='slot__estimate'>{`补贴后约 ${yuan(estimate)}`}</View> : null}
        </View>
      ) : slot.priceFen > 0 ? (
        <View className='slot__price' data-testid='slot-price'>
          费用 {yuan(slot.priceFen)}
        </View>
      ) : null}
      <View className='slot__seats' data-testid='slot-seats'>
        {modes.map((m) => (
          <View key={m} className={`slot__seat ${left(m) === 0 ? 'slot__seat--full' : ''}`}>
            {seatText(m)}
          </View>
        ))}
        {slot.waitlisted > 0 ? <View className='slot__seat'>候补 {slot.waitlisted} 人</View> : null}
      </View>
      {slot.quotaPerWeek ? (
        <View className='slot__rule' data-testid='slot-quota'>
          每人每周限约{slot.quotaPerWeek}次
        </View>
      ) : null}

      {live ? (
        <>
          <BookingTicket booking={live} onChange={onBooking} showQr={false} meal={meal} />
          {meal && !preview ? <BookingRemark booking={live} onChange={onBooking} /> : null}
        </>
      ) : stage === 'opens' ? (
        <View className='slot__opens' data-testid='slot-opens'>
          {dayTime(slot.opensAt)} 开放预订
        </View>
      ) : stage === 'closed' ? (
        <View className='slot__closed-box' data-testid='slot-closed'>
          <View className='slot__closed'>
            已过预订截止时间
            <View className='slot__closed-when'>（{dayTime(slot.cutoffAt)} 截止）</View>
          </View>
          {hotline && !preview ? (
            <>
              <View className='muted slot__closed-help'>有特殊情况，可以打电话问问中心：</View>
              <PhoneLink phone={hotline} label='中心电话' testId='slot-call' />
            </>
          ) : null}
        </View>
      ) : !choice ? (
        <>
          {quotaUsed ? (
            <View className='notice slot__quota-used' role='alert' data-testid='slot-quota-used'>
              {quotaUsed}
            </View>
          ) : null}
          <View className='muted slot__cutoff'>预订截止：{dayTime(slot.cutoffAt)}</View>
          {/* A room, consultation or visit is taken at the centre (or at home): one button, no mode to pick. */}
          {(meal ? modes : modes.slice(0, 1)).map((m) => (
            <View
              key={m}
              className={`btn ${left(m) > 0 ? 'btn--primary' : 'btn--ghost'} slot__book`}
              role='button'
              {...FOCUSABLE}
              data-testid={meal ? `book-${m}` : 'book'}
              onClick={() => choose(m, left(m) === 0)}
            >
              {bookText(m)}
            </View>
          ))}
        </>
      ) : (
        <View className='slot__confirm' data-testid='slot-confirm'>
          <View className='slot__confirm-title'>{confirmTitle(choice)}</View>
          {choice.waitlist ? <View className='muted'>现在已满。加入候补后，有人取消时会把位置留给您，请留意消息并及时确认。</View> : null}
          <StateView loading={!quote && !quoteError} />
          {quoteError ? (
            <View className='notice' role='alert'>
              {quoteError}
            </View>
          ) : null}
          {quote && !meal && quote.price.priceFen === 0 ? (
            <View className='slot__quote' data-testid='slot-quote'>
              <View className='slot__pay' data-testid='quote-pay'>
                免费，无需支付
              </View>
            </View>
          ) : quote ? (
            <View className='slot__quote' data-testid='slot-quote'>
              <View>
                {meal ? '餐费' : '费用'} {yuan(quote.price.priceFen)}
              </View>
              {quote.price.subsidyFen ? <View>{`${quote.tierLabel ?? ''}补贴 −${yuan(quote.price.subsidyFen)}`}</View> : null}
              {quote.pending ? (
                <View className='muted' data-testid='quote-pending'>
                  {`${quote.pending.tierLabel}补贴 −${yuan(quote.pending.subsidyFen)}：待中心核实情况后减免，现在订的餐核实后自动按补贴价结算`}
                </View>
              ) : null}
              {quote.capNote ? (
                <View className='notice' data-testid='quote-cap'>
                  {quote.capNote}
                </View>
              ) : null}
              {quote.price.payFen === null ? (
                <View className='muted' data-testid='quote-pay'>
                  补贴由中心按老人情况减免，以中心结算为准
                </View>
              ) : (
                <View className='slot__pay' data-testid='quote-pay'>
                  需支付 {yuan(quote.price.payFen)}
                </View>
              )}
            </View>
          ) : null}
          {quote && meal && choice.mode === 'delivery' ? (
            quote.delivery.hasAddress ? (
              <View className='slot__address' data-testid='quote-address'>
                {quote.delivery.address ? `送到：${quote.delivery.address}` : '送到老人档案登记的地址'}
                <View className='muted'>地址不对请先联系中心修改</View>
              </View>
            ) : (
              <View className='notice' role='alert' data-testid='quote-no-address'>
                老人档案里没有送餐地址，不能送餐。请联系中心补充地址，或返回改为堂食。
              </View>
            )
          ) : null}
          {quote?.warnings.length ? (
            <View className='notice slot__warnings' role='alert' data-testid='quote-warnings'>
              <View>请注意饮食：</View>
              {quote.warnings.map((w) => (
                <View key={w}>· {w}</View>
              ))}
            </View>
          ) : null}
          {error ? (
            <View className='notice' role='alert' data-testid='book-error'>
              {error}
            </View>
          ) : null}
          {quote && !quote.open ? (
            <View className='slot__closed'>已截止</View>
          ) : quote && meal && choice.mode === 'delivery' && !quote.delivery.hasAddress ? null : (
            <BusyButton
              label={choice.waitlist ? '确认加入候补' : meal ? '确认订餐' : '确认预约'}
              busy={busy || (!quote && !quoteError)}
              busyLabel={busy ? '正在预订…' : '请稍候…'}
              onClick={book}
              testId='book-confirm'
            />
          )}
          <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='book-back' onClick={back}>
            返回
          </View>
        </View>
      )}
    </View>
  );
}

import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BookingDTO } from '@hg/types';
import { WEEKDAY_LABEL } from '@hg/types/bookings';
import { addDays, localClock, localDay, weekdayOf } from '@hg/types/local-time';
import BusyButton from '../../components/BusyButton';
import Section from '../../components/Section';
import { FOCUSABLE } from '../../components/a11y';
import { useLoad } from '../../hooks/useLoad';
import { bookings } from '../../services/bookings';
import { ROUTES, openPage } from '../../routes';

/** "2026-12-08" → "明天 12月8日 周二" (今天 / 明天 in front when it is), in Beijing time like the centres. */
function dayText(day: string, now = new Date()): string {
  const [, m, d] = day.split('-').map(Number);
  const base = `${m}月${d}日 ${WEEKDAY_LABEL[weekdayOf(day)]}`;
  const today = localDay(now);
  if (day === today) return `今天 ${base}`;
  if (day === addDays(today, 1)) return `明天 ${base}`;
  return base;
}

/** When an offer lapses: 「今天 14:30」 or 「12月8日 14:30」, so a deadline tomorrow is not read as today's. */
function deadlineText(iso: string, now = new Date()): string {
  const day = localDay(new Date(iso));
  const [, m, d] = day.split('-').map(Number);
  return `${day === localDay(now) ? '今天' : `${m}月${d}日`} ${localClock(iso)}`;
}

/** One seat offered from the waitlist: what, until when, and 确认 in one tap. */
function Offer({ offer, onConfirmed }: { offer: BookingDTO; onConfirmed: (booking: BookingDTO) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const confirm = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const res = await bookings.confirm({ bookingId: offer.id });
    inFlight.current = false;
    setBusy(false);
    if (res.ok) {
      void Taro.showToast({ title: '已确认', icon: 'success' });
      onConfirmed(res.data);
    } else setError(res.error.message);
  };
  return (
    <View className='home-meal__offer' role='group' aria-label='候补到位' data-testid={`home-meal-offer-${offer.id}`}>
      <View className='home-meal__offer-title'>您候补的这一餐有空位了！</View>
      <View className='home-meal__what'>
        {dayText(offer.slot.day)} {offer.slot.title}
      </View>
      <View className='muted'>{offer.slot.centreName}</View>
      {offer.offerExpiresAt ? <View className='home-meal__deadline'>请在 {deadlineText(offer.offerExpiresAt)} 前确认，过时名额让给别人</View> : null}
      <BusyButton label='确认要这一餐' busy={busy} busyLabel='正在确认…' onClick={confirm} testId={`home-meal-confirm-${offer.id}`} />
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 首页's 我的助餐 card, for an elder with her own profile: her next meal (day, sitting, centre, the
 * code for the counter) and any seat offered from the waitlist, confirmed right here. Shown to
 * nobody else; read again on every visit to 首页.
 */
export default function MyMealCard({ visit }: { visit: number }) {
  const meal = useLoad(() => bookings.myNextMeal({}), [visit]);
  const data = meal.data;
  /** The offer just confirmed: said on the card, so she sees it is hers once the offer is gone. */
  const [confirmed, setConfirmed] = useState<BookingDTO | null>(null);
  if (!data?.hasProfile) return null;
  const next = data.next;
  return (
    <Section title='我的助餐' className='home-meal' testId='home-meal'>
      {data.offers.map((o) => (
        <Offer
          key={o.id}
          offer={o}
          onConfirmed={(b) => {
            setConfirmed(b);
            meal.reload();
          }}
        />
      ))}
      {confirmed ? (
        <View className='notice home-meal__confirmed' role='status' data-testid='home-meal-confirmed'>
          已为您订好：{dayText(confirmed.slot.day)} {confirmed.slot.title}
          {confirmed.code ? `，核销码 ${confirmed.code}` : ''}
        </View>
      ) : null}
      {next ? (
        <View className='home-meal__next' data-testid='home-meal-next'>
          <View className='muted'>下一餐</View>
          <View className='home-meal__what'>
            {dayText(next.slot.day)} {next.slot.title}
            {next.mode === 'delivery' ? '（送餐）' : ''}
          </View>
          <View>
            {next.slot.centreName} · {localClock(next.slot.startsAt)} 开餐
          </View>
          {next.mode === 'dine_in' && next.code ? (
            <View className='home-meal__code' aria-label={`核销码 ${next.code.split('').join(' ')}`}>
              核销码 {next.code}
            </View>
          ) : null}
        </View>
      ) : data.offers.length ? null : (
        <View className='muted' data-testid='home-meal-none'>
          近期没有订餐
        </View>
      )}
      <View className='home-meal__links'>
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='home-meal-mine' onClick={() => openPage(ROUTES.bookingMine)}>
          我的订餐
        </View>
        <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='home-meal-week' onClick={() => openPage(ROUTES.bookingWeek)}>
          去订餐
        </View>
      </View>
    </Section>
  );
}

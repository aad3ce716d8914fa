import { Fragment, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BookingDTO, ElderDTO } from '@hg/types';
import { SLOT_KIND_LABEL, type SlotKind } from '@hg/types/bookings';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import PhoneLink from '../../../../components/PhoneLink';
import StateView from '../../../../components/StateView';
import Tabs from '../../../../components/Tabs';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import { byDay, dayLabel, linkedElders, nextBookable, queryText } from '../../format';
import { queryId, useCentre } from '../../use-centre';
import ClosedDayLines, { useClosedDays } from './ClosedDaysNote';
import RepeatWeek from './RepeatWeek';
import SlotCard from './SlotCard';
import './index.scss';

/** Someone the caller may book for on this page: their own profile, or an elder they are verified family of. */
interface ElderChoice {
  id: number;
  name: string;
  /** The full profile for the caller's own (estimates the subsidy); null for family. */
  profile: ElderDTO | null;
}

const KIND_TABS = (Object.keys(SLOT_KIND_LABEL) as SlotKind[]).map((k) => ({ value: k, label: SLOT_KIND_LABEL[k] }));

/**
 * 本周菜单: the centre's slots for seven days, one card per slot, booked one decision at a time. Tabs
 * pick what to book: 助餐 (with 和上周一样 and 每周固定订餐), 活动室, 健康咨询 or 上门服务.
 * The elder books for themselves (their profile from `myElders`) and family members for the elders
 * the centre verified them for (`myLinks`; `family=1` with `elderId` preselects one); centre staff
 * arrive from 助餐管理 with `elderId` (and `elderName`) to book for a walk-in or a phone call,
 * or with `preview=1` to see the week as elders see it (no one to book for, buttons inert).
 * The centre's name and phone head the page, the week scrolls to the next sitting still bookable,
 * and the seats left are read again after every booking or cancellation.
 */
export default function WeekPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId), { describe: true });
  const family = params.family === '1';
  const preview = params.preview === '1';
  const proxyElderId = family || preview ? null : queryId(params.elderId);
  const proxyName = queryText(params.elderName);
  const [visit, setVisit] = useState(0);
  // Back from 建档, 家属关联 or 我的订餐: the profiles, links or bookings may have changed.
  useDidShow(() => setVisit((v) => v + 1));

  const others = !!proxyElderId || preview;
  const elders = useLoad(others ? null : () => bookings.myElders({}), [visit]);
  const links = useLoad(others ? null : () => bookings.myLinks({}), [visit]);
  const [pickedElder, setPickedElder] = useState<number | null>(family ? queryId(params.elderId) : null);
  const [kind, setKind] = useState<SlotKind>('meal');
  const meal = kind === 'meal';
  const { centreId } = centre;
  // Only elders registered with the chosen centre can book its sittings.
  const choices: ElderChoice[] = [
    ...(elders.data ?? []).filter((e) => !centreId || e.centreId === centreId).map((e) => ({ id: e.id, name: e.name, profile: e })),
    ...linkedElders(links.data ?? [])
      .filter((e) => !centreId || e.centreId === centreId)
      .map((e) => ({ id: e.id, name: e.name, profile: null })),
  ].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i);
  const elderId = proxyElderId ?? pickedElder ?? choices[0]?.id ?? null;
  const chosen = choices.find((e) => e.id === elderId) ?? null;

  const week = useLoad(centreId && (elderId || preview) ? () => bookings.week({ centreId, kind, ...(elderId && !preview ? { elderId } : {}) }) : null, [
    centreId,
    elderId,
    kind,
    visit,
    preview,
  ]);
  // Bookings made or changed on this page, over the server's week until the next load.
  const [changed, setChanged] = useState<Record<number, BookingDTO>>({});
  const onBooking = (b: BookingDTO) => {
    setChanged((c) => ({ ...c, [b.slotId]: b }));
    // A seat taken or given back changes what is left, here and on the other cards: read the week again.
    week.reload();
  };
  // Right after a tab switch the previous tab's week is still held: show only this tab's slots.
  const slots = (week.data ?? []).filter((s) => s.kind === kind);
  // 休息日: a read-only line in the day's place (its sittings were withdrawn).
  const closedLoaded = useClosedDays(meal && centreId ? centreId : null, visit);
  const closedDays = closedLoaded ?? [];
  const next = nextBookable(slots.map((s) => ({ ...s, myBooking: changed[s.id] ?? s.myBooking })));

  // The week opens at the top of the next sitting still bookable (today's lunch after its cut-off,
  // a 休息 line, are above it): at its day's title when it is the day's first sitting. Only once the
  // 休息 lines are in: each one arriving later pushes the days below it down, away from the top.
  const scrolledFor = useRef('');
  const scrollKey = next && closedLoaded !== null ? `${centreId}-${elderId}-${kind}` : '';
  useEffect(() => {
    if (!next || !scrollKey || scrolledFor.current === scrollKey) return;
    scrolledFor.current = scrollKey;
    const days = byDay(slots);
    const itsDay = days.find((d) => d.slots.some((s) => s.id === next.id));
    if (!itsDay) return;
    const firstOfDay = itsDay.slots[0].id === next.id;
    // The very first sitting, with nothing above it but the page's head: the page opens as it is.
    if (firstOfDay && itsDay.day === days[0].day && !closedDays.some((c) => c.day < itsDay.day)) return;
    void Taro.pageScrollTo({ selector: firstOfDay ? `#week-day-${itsDay.day}` : `#slot-${next.id}`, duration: 0 });
  }, [scrollKey]);

  const current = centre.current;
  const loaded = elders.data !== null && links.data !== null;
  const noProfile = !others && loaded && choices.length === 0;
  const showWeek = centreId && (elderId || preview);
  const forName = proxyElderId ? proxyName || '老人' : chosen && !chosen.profile ? chosen.name : null;
  const verb = meal ? '订餐' : '预约';

  return (
    <Page
      title={
        preview ? '居民看到的样子（预览）' : proxyElderId ? `为${proxyName || '老人'}代订` : forName ? `为${forName}${verb}` : meal ? '本周菜单' : '本周预约'
      }
    >
      {preview ? (
        <View className='notice week__preview' data-testid='preview-note'>
          这是预览：老人和家属打开本周菜单时看到的就是下面的样子。这里不能订餐。
        </View>
      ) : null}
      {current ? (
        <View className='week__head' data-testid='week-centre'>
          <View className='week__centre'>{current.name}</View>
          {current.hotline ? <PhoneLink phone={current.hotline} label='中心电话' variant='inline' testId='week-call' /> : null}
        </View>
      ) : null}
      <CentrePicker centre={centre} emptyText='您所在的小区暂时没有日间照料中心提供助餐服务。' />
      {!others && centreId ? (
        <StateView loading={(elders.loading && !elders.data) || (links.loading && !links.data)} error={elders.error ?? links.error} onRetry={elders.reload} />
      ) : null}

      {centreId && noProfile ? (
        <View className='card week__register' data-testid='no-profile'>
          <View className='week__register-title' role='heading' aria-level={2}>
            您还没有在日间照料中心建档
          </View>
          <View className='muted'>建档后就可以订餐。只需填写出生年份和饮食要求，符合条件的还能享受助餐补贴。</View>
          <View
            className='btn btn--primary'
            role='button'
            {...FOCUSABLE}
            data-testid='go-register'
            onClick={() => openPage(withQuery(ROUTES.bookingRegister, { centreId }))}
          >
            去建档
          </View>
          <View className='muted week__or'>为家里的老人订餐？</View>
          <View
            className='btn btn--ghost'
            role='button'
            {...FOCUSABLE}
            data-testid='go-family'
            onClick={() => openPage(withQuery(ROUTES.bookingFamily, { centreId }))}
          >
            为家人订餐
          </View>
        </View>
      ) : null}

      {showWeek ? (
        <>
          {!others && choices.length > 1 ? (
            <ChoiceGroup
              id='week-elder'
              label={`为谁${verb}`}
              options={choices.map((e) => ({ value: e.id, label: e.name }))}
              value={elderId}
              onChange={setPickedElder}
            />
          ) : null}
          <View className='week__kinds'>
            <Tabs label='预约什么' tabs={KIND_TABS} value={kind} onChange={setKind} testId='kind' />
          </View>
          {meal && elderId && !preview ? (
            <RepeatWeek
              key={elderId}
              elderId={elderId}
              onBooked={(list) => {
                list.forEach(onBooking);
                week.reload();
              }}
            />
          ) : null}
          <View className='btn-row week__links'>
            {!others ? (
              <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='go-mine' onClick={() => openPage(ROUTES.bookingMine)}>
                我的订餐
              </View>
            ) : null}
            {meal && elderId && !preview ? (
              <View
                className='btn btn--ghost'
                role='button'
                {...FOCUSABLE}
                data-testid='go-standing'
                onClick={() => openPage(withQuery(ROUTES.bookingStanding, { elderId, elderName: proxyName || chosen?.name }))}
              >
                每周固定订餐
              </View>
            ) : null}
          </View>
          <StateView
            loading={week.loading && slots.length === 0}
            error={week.error}
            empty={!week.loading && week.data !== null && slots.length === 0}
            emptyText={meal ? '这一周还没有公布菜单' : `这一周还没有${SLOT_KIND_LABEL[kind]}可以预约`}
            onRetry={week.reload}
          />
          {byDay(slots).map(({ day, slots }, i, days) => (
            <Fragment key={day}>
              <ClosedDayLines closed={closedDays} after={i ? days[i - 1].day : null} upTo={day} />
              <View id={`week-day-${day}`} className='week__day' role='group' aria-label={dayLabel(day)}>
                <View className='week__day-title' role='heading' aria-level={2}>
                  {dayLabel(day)}
                </View>
                {slots.map((s) => (
                  <SlotCard
                    key={s.id}
                    slot={s}
                    elderId={elderId ?? 0}
                    elder={chosen?.profile ?? null}
                    booking={preview ? null : (changed[s.id] ?? s.myBooking)}
                    onBooking={onBooking}
                    hotline={current?.hotline ?? null}
                    next={next?.id === s.id}
                    preview={preview}
                  />
                ))}
              </View>
            </Fragment>
          ))}
          <ClosedDayLines closed={closedDays} after={byDay(slots).slice(-1)[0]?.day ?? null} upTo={null} />
          {!others ? (
            <View
              className='btn btn--ghost week__family'
              role='button'
              {...FOCUSABLE}
              data-testid='go-family'
              onClick={() => openPage(withQuery(ROUTES.bookingFamily, { centreId }))}
            >
              为家人订餐 · 家属关联
            </View>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

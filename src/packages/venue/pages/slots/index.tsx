import { useState, type ReactNode } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReservationDTO, VenueSlotDTO } from '@hg/types';
import { localClock, localDay } from '@hg/types/local-time';
import type { VenueKind } from '@hg/types/slots-schemas';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import Tabs from '../../../../components/Tabs';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { me } from '../../../../services/me';
import { ROUTES, openPage } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import ReservationTicket from '../../components/ReservationTicket';
import { availability, byDay, dayLabel, fullLine, hours, KIND_LABEL, KIND_TABS, queryId, type Availability } from '../../format';
import { useCentre } from '../../use-centre';
import ReserveForm from './ReserveForm';
import './index.scss';

/** What the card says about booking it, beside the seats. */
function stateLine(a: Availability, s: VenueSlotDTO): string {
  switch (a) {
    case 'withdrawn':
      return '已撤回';
    case 'mine':
      return s.myStatus === 'waitlisted' ? `您在候补中（共 ${s.waiting} 人候补）` : '您已预约';
    case 'opens':
      return `${dayLabel(localDay(new Date(s.opensAt!)))} ${localClock(s.opensAt)} 开放预约`;
    case 'closed':
      return '预约已截止';
    case 'full':
      return fullLine(s);
    default:
      return `剩余 ${s.left} 个名额（共 ${s.capacity} 个）`;
  }
}

function SlotCard({
  s,
  open,
  onOpen,
  children,
}: {
  s: VenueSlotDTO;
  open: boolean;
  onOpen: (s: VenueSlotDTO, waitlist: boolean) => void;
  children?: ReactNode;
}) {
  const a = availability(s);
  return (
    <View className={`card vslot vslot--${a}`} role='listitem' data-testid={`venue-slot-${s.id}`}>
      <View className='vslot__head'>
        <View className='vslot__kind'>{KIND_LABEL[s.kind as VenueKind]}</View>
        <View className='vslot__hours'>{hours(s)}</View>
      </View>
      <View className='vslot__title' role='heading' aria-level={3}>
        {s.title}
      </View>
      <View className={`vslot__state ${a === 'open' && s.left <= 2 ? 'vslot__state--few' : ''}`} data-testid={`venue-slot-state-${s.id}`}>
        {stateLine(a, s)}
      </View>
      {s.quotaPerWeek ? <View className='muted'>每人每周限约 {s.quotaPerWeek} 次</View> : null}
      {s.asksWhereAndWhat && (a === 'open' || a === 'full') ? <View className='muted'>上门服务：预约时请填写地址和事由</View> : null}
      {!open && a === 'open' ? (
        <View
          className='btn btn--primary'
          role='button'
          {...FOCUSABLE}
          aria-label={`预约 ${s.title}`}
          data-testid={`venue-reserve-${s.id}`}
          onClick={() => onOpen(s, false)}
        >
          预约
        </View>
      ) : null}
      {!open && a === 'full' && s.waitlist ? (
        <View
          className='btn btn--ghost'
          role='button'
          {...FOCUSABLE}
          aria-label={`排队候补 ${s.title}`}
          data-testid={`venue-waitlist-${s.id}`}
          onClick={() => onOpen(s, true)}
        >
          排队候补
        </View>
      ) : null}
      {a === 'full' && !s.waitlist ? <View className='muted'>这个时段约满即止，请选其他时段。</View> : null}
      {a === 'mine' ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`venue-see-mine-${s.id}`} onClick={() => openPage(ROUTES.venueMine)}>
          查看我的预约
        </View>
      ) : null}
      {children}
    </View>
  );
}

/**
 * 场地与活动 (residents): the next seven days of the centre's activity room, consultations, home
 * visits, meetings and activities, by kind, with seats left; 预约 for myself (or for a group I work
 * for), a visit asking 地址 and 事由, 排队候补 when full and the slot keeps a line (已满 · 3人候补, or
 * 已满（不排队）); after booking the ticket with its code stays on the card.
 */
export default function VenueSlotsPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const centreId = centre.centreId;
  const [kind, setKind] = useState<VenueKind | ''>('');
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((n) => n + 1));
  const slots = useLoad(centreId ? () => bookings.venueSlots({ centreId, ...(kind ? { kind } : {}) }) : null, [centreId, kind, visit]);
  const profile = useLoad(() => me.get(), []);
  // Only the groups the server lets this person book for (a 服务队 or 社会组织 they work for).
  const groups = useLoad(() => bookings.venueGroups({}), []).data ?? [];
  const home = profile.data?.memberships.find((m) => m.status === 'verified');
  const homeAddress = home ? `${home.compound.name}${home.address}` : '';
  const [opened, setOpened] = useState<{ id: number; waitlist: boolean } | null>(null);
  const [done, setDone] = useState<ReservationDTO | null>(null);

  const list = (slots.data ?? []).filter((s) => s.status === 'published' || s.myReservationId);
  const days = byDay(list);
  const afterReserve = (r: ReservationDTO) => {
    setOpened(null);
    setDone(r);
    slots.reload();
  };

  return (
    <Page title='场地与活动'>
      <CentrePicker centre={centre} emptyText='您绑定的小区还没有服务中心，或者您还没有通过居民认证。' />
      {centreId ? (
        <>
          {centre.current ? <View className='muted vslots__centre'>{centre.current.name}</View> : null}
          <View className='btn btn--ghost vslots__mine' role='button' {...FOCUSABLE} data-testid='go-venue-mine' onClick={() => openPage(ROUTES.venueMine)}>
            我的预约
          </View>
          <Tabs label='类别' tabs={[{ value: '' as const, label: '全部' }, ...KIND_TABS]} value={kind} onChange={setKind} testId='venue-kind' />
          <StateView
            loading={slots.loading && !slots.data}
            error={slots.error}
            empty={!!slots.data && list.length === 0}
            emptyText={kind ? `近7天没有可预约的${KIND_LABEL[kind]}` : '近7天没有可预约的场地或活动'}
            onRetry={slots.reload}
          />
          {days.map((d) => (
            <View key={d.day} className='vslots__day' role='group' aria-labelledby={`vday-${d.day}`}>
              <View id={`vday-${d.day}`} className='vslots__day-title' role='heading' aria-level={2}>
                {dayLabel(d.day)}
              </View>
              <View role='list' aria-label={dayLabel(d.day)}>
                {d.slots.map((s) => (
                  <SlotCard key={s.id} s={s} open={opened?.id === s.id} onOpen={(x, waitlist) => setOpened({ id: x.id, waitlist })}>
                    {opened?.id === s.id ? (
                      <ReserveForm
                        slot={s}
                        groups={groups}
                        homeAddress={homeAddress}
                        waitlist={opened.waitlist}
                        onDone={afterReserve}
                        onFull={(waitlist) => {
                          slots.reload();
                          if (waitlist) setOpened({ id: s.id, waitlist: true });
                        }}
                        onCancel={() => setOpened(null)}
                      />
                    ) : null}
                    {done?.slotId === s.id ? (
                      <View className='vslots__done' role='status' data-testid='venue-done'>
                        <View className='vslots__done-title'>{done.status === 'waitlisted' ? '✓ 已加入候补' : '✓ 预约成功'}</View>
                        <ReservationTicket reservation={done} onChange={setDone} />
                      </View>
                    ) : null}
                  </SlotCard>
                ))}
              </View>
            </View>
          ))}
        </>
      ) : null}
    </Page>
  );
}

import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ApiError, ElderDTO, FamilyLinkDTO, SlotDTO } from '@hg/types';
import { BOOKING_RULES, MEAL_MODE_LABEL } from '@hg/types/bookings';
import { addDays, localDay } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import { dayLabel, daysBetween, shortDay, slotName } from '../../format';
import { queryId, useCentre } from '../../use-centre';
import MenuEditor from './MenuEditor';
import SlotForm from './SlotForm';
import { CloseDayForm, CopyWeekButton, ReopenDayButton } from './WeekTools';
import VerifyElder from './VerifyElder';
import './index.scss';

/** "堂食 18/30" per mode a meal offers (a room, consultation or visit: "已约 5/8"): seats held over capacity. */
function Held({ slot }: { slot: SlotDTO }) {
  const modes = [
    ['dine_in', slot.seats.dineIn],
    ['delivery', slot.seats.delivery],
  ] as const;
  return (
    <View className='cons__held' data-testid={`held-${slot.id}`}>
      {modes
        .filter(([, s]) => s.capacity > 0)
        .map(([m, s]) => (
          <View key={m} className={`cons__count ${s.left === 0 ? 'cons__count--full' : ''}`}>
            {slot.kind === 'meal' ? MEAL_MODE_LABEL[m] : '已约'} {s.capacity - s.left}/{s.capacity}
          </View>
        ))}
      {slot.waitlisted ? <View className='cons__count'>候补 {slot.waitlisted}</View> : null}
    </View>
  );
}

/** 代订: find a registered elder by name or phone tail, then book for them on the week page. */
function ProxyBooking({ centreId }: { centreId: number }) {
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<ElderDTO[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const search = async (pending = false) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await bookings.elders({ centreId, limit: 20, ...(q.trim() ? { q: q.trim() } : {}), ...(pending ? { pending: true } : {}) });
    setBusy(false);
    if (res.ok) setFound(res.data.items);
    else setError(res.error);
  };

  return (
    <View className='card'>
      <View className='card__title' role='heading' aria-level={2}>
        代订
      </View>
      <Field id='cons-q' label='老人姓名或手机尾号' value={q} onChange={setQ} placeholder='例如 张 或 1234' />
      <BusyButton label='查找老人' busy={busy} busyLabel='查找中…' onClick={() => search()} testId='elder-search' />
      <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='elder-pending' onClick={() => search(true)}>
        待核实情况的老人
      </View>
      <StateView error={error} empty={found?.length === 0} emptyText='没有找到，请先为老人建档' />
      {found?.length ? (
        <View role='list' aria-label='查找结果' className='cons__elders'>
          {found.map((e) => (
            <View key={e.id} role='listitem' className='cons__elder' data-testid={`elder-${e.id}`}>
              <View className='cons__elder-name'>
                {e.name} · {e.age}岁
              </View>
              <View className='muted'>
                {e.phoneMasked}
                {e.diets.length ? ` · ${e.diets.join('、')}` : ''}
                {e.address ? ` · ${e.address}` : ''}
              </View>
              <VerifyElder elder={e} onVerified={(v) => setFound((list) => list?.map((x) => (x.id === v.id ? v : x)) ?? null)} />
              <View
                className='btn btn--primary'
                role='button'
                {...FOCUSABLE}
                data-testid={`elder-book-${e.id}`}
                onClick={() => openPage(withQuery(ROUTES.bookingWeek, { centreId, elderId: e.id, elderName: e.name }))}
              >
                为{e.name}订餐
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <View
        className='btn btn--ghost'
        role='button'
        {...FOCUSABLE}
        data-testid='elder-register'
        onClick={() => openPage(withQuery(ROUTES.bookingRegister, { centreId }))}
      >
        新老人建档
      </View>
    </View>
  );
}

/**
 * 家属关联审核: family members waiting to be linked to an elder, oldest first. Staff call the elder
 * (the phone on the profile) before deciding; the member sees only their own masked phone here.
 */
function LinkQueue({ centreId, visit }: { centreId: number; visit: number }) {
  const queue = useLoad(() => bookings.linkQueue({ centreId }), [centreId, visit]);
  const [decided, setDecided] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const decide = async (link: FamilyLinkDTO, approve: boolean) => {
    if (busy) return;
    setBusy(link.id);
    setError(null);
    const res = await bookings.decideLink({ linkId: link.id, approve });
    setBusy(null);
    if (res.ok) setDecided((d) => ({ ...d, [link.id]: res.data.statusLabel }));
    else setError(res.error.message);
  };

  const items = queue.data ?? [];
  return (
    <View className='card' data-testid='link-queue'>
      <View className='card__title' role='heading' aria-level={2}>
        家属关联审核
      </View>
      <View className='muted cons__hint'>请先打电话向老人本人核实，再决定是否通过。</View>
      <StateView
        loading={queue.loading && !queue.data}
        error={queue.error}
        empty={queue.data?.length === 0}
        emptyText='没有待审核的申请'
        onRetry={queue.reload}
      />
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
      <View role='list' aria-label='待审核的家属关联'>
        {items.map((l) => (
          <View key={l.id} role='listitem' className='cons__link' data-testid={`queue-link-${l.id}`}>
            <View className='cons__elder-name'>
              {l.member.name}
              {l.relationNote ? `（${l.relationNote}）` : ''} → {l.elder.name}
            </View>
            <View className='muted'>申请人电话 {l.member.phoneMasked}</View>
            {decided[l.id] ? (
              <View className='cons__decided' role='status'>
                {decided[l.id]}
              </View>
            ) : (
              <View className='btn-row'>
                <View
                  className='btn btn--primary'
                  role='button'
                  {...FOCUSABLE}
                  aria-label={`通过 ${l.member.name}`}
                  data-testid={`link-approve-${l.id}`}
                  onClick={() => decide(l, true)}
                >
                  {busy === l.id ? '处理中…' : '通过'}
                </View>
                <View
                  className='btn btn--ghost'
                  role='button'
                  {...FOCUSABLE}
                  aria-label={`不通过 ${l.member.name}`}
                  data-testid={`link-reject-${l.id}`}
                  onClick={() => decide(l, false)}
                >
                  不通过
                </View>
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The furthest week the console pages to: sittings may be published up to `slotDaysAhead` days ahead. */
const LAST_WEEK = Math.floor(BOOKING_RULES.slotDaysAhead / 7);

/**
 * 助餐管理 (centre staff): a week of sittings day by day with menus and seats held (this week from
 * today, or a later one), 复制上周 (the whole week in one tap, confirmed with how many sittings),
 * 改菜单 per sitting, 设为休息日 per day (a reason, a confirm with how many elders will be told; the
 * day then reads 休息) and 撤销休息日 (the confirm says the withdrawn sittings and cancelled bookings
 * stay so; the day then offers 复制上周 and 新增餐次), kitchen and delivery sheets, 代订, 新增餐次 for the week shown,
 * 预览居民看到的样子, the printable week menu, family links and the subsidy report. A sitting saved for a day outside the week shown brings
 * its week up, so nothing saved ever seems to vanish.
 */
export default function ConsolePage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const { centreId } = centre;
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  // Weeks are counted from today (Beijing time): 0 is today and the six days after it.
  const [offset, setOffset] = useState(0);
  const today = localDay(new Date());
  const from = addDays(today, offset * 7);
  const week = useLoad(centreId ? () => bookings.week({ centreId, ...(offset ? { from } : {}) }) : null, [centreId, visit, offset]);
  const closedDays = useLoad(centreId ? () => bookings.closedDays({ centreId, from }) : null, [centreId, visit, offset]);
  const [adding, setAdding] = useState(false);
  // One inline form at a time: a day being closed, or a sitting's menu being changed.
  const [closing, setClosing] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  // The day just reopened: it offers 复制上周 and 新增餐次 until another day is reopened.
  const [reopened, setReopened] = useState<string | null>(null);
  // Every day of the week shown (a day without sittings can be closed or filled too).
  const days = [...new Set([...Array.from({ length: 7 }, (_, i) => addDays(from, i)), ...(week.data ?? []).map((s) => s.day)])].sort();
  const slotsOn = (day: string) => (week.data ?? []).filter((s) => s.day === day);
  const closedOn = (day: string) => closedDays.data?.find((c) => c.day === day) ?? null;

  const saved = (slot: SlotDTO) => {
    setAdding(false);
    const weekOfSlot = Math.floor(daysBetween(today, slot.day) / 7);
    if (weekOfSlot !== offset && weekOfSlot >= 0 && weekOfSlot <= LAST_WEEK) setOffset(weekOfSlot);
    else week.reload();
    void Taro.showToast({ title: '已保存', icon: 'success' });
  };

  return (
    <Page title='助餐管理'>
      <CentrePicker centre={centre} emptyText='您不是日间照料中心的工作人员。' />
      {centreId ? (
        <>
          <View className='btn-row cons__top'>
            <View
              className='btn btn--primary'
              role='button'
              {...FOCUSABLE}
              data-testid='go-counter'
              onClick={() => openPage(withQuery(ROUTES.bookingCounter, { centreId }))}
            >
              助餐核销
            </View>
            <View
              className='btn btn--ghost'
              role='button'
              {...FOCUSABLE}
              data-testid='go-preview'
              onClick={() => openPage(withQuery(ROUTES.bookingWeek, { centreId, preview: 1 }))}
            >
              预览居民看到的样子
            </View>
          </View>

          <View className='card' data-testid='cons-week'>
            <View className='card__title' role='heading' aria-level={2} data-testid='cons-week-title'>
              {offset === 0 ? '本周' : offset === 1 ? '下周' : `${offset}周后`}餐次与预约（{shortDay(from)}–{shortDay(addDays(from, 6))}）
            </View>
            <View className='btn-row cons__weeks'>
              <View
                className={`btn ${offset > 0 ? 'btn--ghost' : 'btn--disabled'}`}
                role='button'
                {...FOCUSABLE}
                aria-disabled={offset > 0 ? 'false' : 'true'}
                data-testid='week-prev'
                onClick={() => offset > 0 && setOffset(offset - 1)}
              >
                ‹ 上一周
              </View>
              <View
                className={`btn ${offset < LAST_WEEK ? 'btn--ghost' : 'btn--disabled'}`}
                role='button'
                {...FOCUSABLE}
                aria-disabled={offset < LAST_WEEK ? 'false' : 'true'}
                data-testid='week-next'
                onClick={() => offset < LAST_WEEK && setOffset(offset + 1)}
              >
                下一周 ›
              </View>
            </View>
            <View className='btn-row cons__week-tools'>
              <CopyWeekButton
                centreId={centreId}
                from={from}
                onCopied={(n) => {
                  week.reload();
                  void Taro.showToast({ title: `已新增${n}个餐次`, icon: 'success' });
                }}
              />
              {!adding ? (
                <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='slot-add' onClick={() => setAdding(true)}>
                  新增餐次/时段
                </View>
              ) : null}
              <View
                className='btn btn--ghost'
                role='button'
                {...FOCUSABLE}
                data-testid='go-menu-print'
                onClick={() => openPage(withQuery(ROUTES.bookingMenuPrint, { centreId, from }))}
              >
                打印本周菜单
              </View>
            </View>
            {adding ? <SlotForm key={from} centreId={centreId} from={from} onSaved={saved} onCancel={() => setAdding(false)} /> : null}
            <StateView loading={week.loading && !week.data} error={week.error} onRetry={week.reload} />
            {week.data
              ? days.map((day) => {
                  const closed = closedOn(day);
                  const slots = slotsOn(day);
                  return (
                    <View key={day} className='cons__day' data-testid={`cons-day-${day}`}>
                      <View className='cons__day-head'>
                        <View className='cons__day-title'>{dayLabel(day)}</View>
                        {!closed && closing !== day ? (
                          <View
                            className='btn btn--ghost'
                            role='button'
                            {...FOCUSABLE}
                            aria-label={`${dayLabel(day)} 设为休息日`}
                            data-testid={`close-day-${day}`}
                            onClick={() => setClosing(day)}
                          >
                            设为休息日
                          </View>
                        ) : null}
                        {closed ? (
                          <ReopenDayButton
                            centreId={centreId}
                            day={day}
                            reason={closed.reason}
                            onReopened={() => {
                              setReopened(day);
                              week.reload();
                              closedDays.reload();
                              void Taro.showToast({ title: '已恢复营业', icon: 'success' });
                            }}
                          />
                        ) : null}
                      </View>
                      {closed ? (
                        <View className='cons__rest' data-testid={`cons-rest-${day}`}>
                          休息：{closed.reason}（餐次已撤下，预订已取消）
                        </View>
                      ) : null}
                      {closing === day && !closed ? (
                        <CloseDayForm
                          centreId={centreId}
                          day={day}
                          onCancel={() => setClosing(null)}
                          onClosed={() => {
                            setClosing(null);
                            week.reload();
                            closedDays.reload();
                            void Taro.showToast({ title: '已设为休息日', icon: 'success' });
                          }}
                        />
                      ) : null}
                      {reopened === day && !closed ? (
                        <View className='notice' role='status' data-testid={`reopened-${day}`}>
                          <View>已恢复营业。原来的餐次仍是撤下状态，已取消的预订不会恢复；请重新发布这一天的餐次，老人需要重新预订。</View>
                          <View className='btn-row'>
                            <CopyWeekButton
                              centreId={centreId}
                              from={from}
                              onCopied={(n) => {
                                week.reload();
                                void Taro.showToast({ title: `已新增${n}个餐次`, icon: 'success' });
                              }}
                            />
                            <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`reopened-add-${day}`} onClick={() => setAdding(true)}>
                              新增餐次
                            </View>
                          </View>
                        </View>
                      ) : null}
                      {!closed && !slots.length ? <View className='muted'>还没有餐次</View> : null}
                      {slots.map((s) => (
                        <View key={s.id} className='cons__slot' data-testid={`cons-slot-${s.id}`}>
                          <View className='cons__slot-head'>
                            <View className='cons__slot-name'>{slotName(s)}</View>
                            {!s.open ? <View className='cons__closed'>已截止</View> : null}
                          </View>
                          {s.kind === 'meal' ? (
                            <View className='cons__dishes' data-testid={`cons-dishes-${s.id}`}>
                              {s.dishes.length
                                ? s.dishes.map((d) => `${d.name}${d.allergens.length ? `（含${d.allergens.join('、')}）` : ''}`).join('、')
                                : '菜单待定'}
                            </View>
                          ) : null}
                          <Held slot={s} />
                          {editing === s.id ? (
                            <MenuEditor
                              slot={s}
                              onCancel={() => setEditing(null)}
                              onSaved={() => {
                                setEditing(null);
                                week.reload();
                                void Taro.showToast({ title: '菜单已保存', icon: 'success' });
                              }}
                            />
                          ) : null}
                          <View className='btn-row'>
                            {s.kind === 'meal' && s.open && editing !== s.id ? (
                              <View
                                className='btn btn--ghost'
                                role='button'
                                {...FOCUSABLE}
                                aria-label={`改菜单 ${dayLabel(day)} ${slotName(s)}`}
                                data-testid={`menu-edit-open-${s.id}`}
                                onClick={() => setEditing(s.id)}
                              >
                                改菜单
                              </View>
                            ) : null}
                            <View
                              className='btn btn--ghost'
                              role='button'
                              {...FOCUSABLE}
                              data-testid={`kitchen-${s.id}`}
                              onClick={() => openPage(withQuery(ROUTES.bookingKitchen, { slotId: s.id }))}
                            >
                              {s.kind === 'meal' ? '厨房单' : '预约名单'}
                            </View>
                            {s.seats.delivery.capacity > 0 ? (
                              <View
                                className='btn btn--ghost'
                                role='button'
                                {...FOCUSABLE}
                                data-testid={`deliveries-${s.id}`}
                                onClick={() => openPage(withQuery(ROUTES.bookingDeliveries, { slotId: s.id }))}
                              >
                                送餐单
                              </View>
                            ) : null}
                          </View>
                        </View>
                      ))}
                    </View>
                  );
                })
              : null}
          </View>
          <ProxyBooking centreId={centreId} />
          <LinkQueue centreId={centreId} visit={visit} />
          <View
            className='btn btn--ghost cons__report'
            role='button'
            {...FOCUSABLE}
            data-testid='go-subsidy'
            onClick={() => openPage(withQuery(ROUTES.bookingSubsidy, { centreId }))}
          >
            助餐补贴月报
          </View>
        </>
      ) : null}
    </Page>
  );
}

import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { WEEKDAY_LABEL, yuan } from '@hg/types/bookings';
import { localClock, weekdayOf } from '@hg/types/local-time';
import type { MealRosterDTO, MealRosterEntryDTO } from '@hg/types/meal-roster';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { PLATFORM, printPage } from '../../../../services/platform';
import CentrePicker from '../../components/CentrePicker';
import { dayLabel } from '../../format';
import { queryId, useCentre } from '../../use-centre';
import './index.scss';
import { RemarkLine } from '../../components/BookingRemark';

type Sitting = MealRosterDTO['sittings'][number];

/** One elder on the roster: who, how to reach them, 堂食/送餐, the code, and 签到核销 while it is due. */
function RosterRow({ p, busy, onRedeem }: { p: MealRosterEntryDTO; busy: boolean; onRedeem: (p: MealRosterEntryDTO) => void }) {
  const due = p.status === 'booked' && p.mode === 'dine_in';
  return (
    <View className={`card roster__row roster__row--${p.status}`} role='listitem' data-testid={`roster-row-${p.bookingId}`}>
      <View className='roster__head'>
        <Text className='roster__name'>{p.name}</Text>
        <Text className='roster__status' data-testid={`roster-status-${p.bookingId}`}>
          {p.statusLabel}
        </Text>
      </View>
      <View className='roster__meta'>
        {p.modeLabel} · 核销码 <Text className='roster__code'>{p.code}</Text>
      </View>
      <View className='roster__meta'>
        {p.phoneMasked ? `电话 ${p.phoneMasked}` : '无手机'} · {p.channelLabel}
        {p.noAccount ? ' · 不用小程序' : ''}
      </View>
      {due && p.payFen > 0 ? <View className='roster__meta'>应收 {yuan(p.payFen)}</View> : null}
      {p.remark ? <RemarkLine remark={p.remark} testId={`roster-remark-${p.bookingId}`} /> : null}
      {p.status === 'redeemed' && p.redeemedAt ? <View className='roster__meta'>{localClock(p.redeemedAt)} 已签到</View> : null}
      {due ? (
        <BusyButton
          label='签到核销'
          busy={busy}
          busyLabel='核销中…'
          onClick={() => onRedeem(p)}
          ariaLabel={`${p.name} 签到核销`}
          className='roster__redeem'
          testId={`roster-redeem-${p.bookingId}`}
        />
      ) : null}
    </View>
  );
}

/** "2026-12-09" → "2026年12月9日 周三": paper keeps its date, so never 今天 / 明天. */
function paperDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日 ${WEEKDAY_LABEL[weekdayOf(day)]}`;
}

/** The printable sign-in sheet of one sitting: number, name, 堂食/送餐, code, and a column to sign. */
function SignInSheet({ centreName, day, sitting }: { centreName: string; day: string; sitting: Sitting }) {
  return (
    <View className='sheet' data-testid={`sheet-${sitting.slot.id}`}>
      <View className='sheet__title' role='heading' aria-level={2}>
        {centreName} · {paperDay(day)} {sitting.slot.title}签到表
      </View>
      <View className='sheet__sub'>
        {localClock(sitting.slot.startsAt)}–{localClock(sitting.slot.endsAt)} · 共 {sitting.total} 人
      </View>
      <View className='sheet__table' role='table' aria-label={`${sitting.slot.title}签到表`}>
        <View className='sheet__tr sheet__tr--head' role='row'>
          <View className='sheet__td sheet__no' role='columnheader'>序号</View>
          <View className='sheet__td sheet__nm' role='columnheader'>姓名</View>
          <View className='sheet__td sheet__md' role='columnheader'>用餐</View>
          <View className='sheet__td sheet__cd' role='columnheader'>核销码</View>
          <View className='sheet__td sheet__sg' role='columnheader'>签名</View>
        </View>
        {sitting.people.map((p, i) => (
          <View key={p.bookingId} className='sheet__tr' role='row'>
            <View className='sheet__td sheet__no' role='cell'>{i + 1}</View>
            <View className='sheet__td sheet__nm' role='cell'>{p.name}</View>
            <View className='sheet__td sheet__md' role='cell'>{p.modeLabel}</View>
            <View className='sheet__td sheet__cd' role='cell'>{p.code}</View>
            <View className='sheet__td sheet__sg' role='cell'>{p.status === 'redeemed' ? '已核销' : ''}</View>
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 今日名单 (centre staff): today's meal sittings with every elder booked — by name, with a masked
 * phone, 堂食/送餐, the counter code and status — so an elder booked by phone, who has no code to
 * show, is found by name and checked in (the same redemption as a code: it counts for the subsidy
 * and is never marked 未到). 签到表 is the printable sheet with a signature column (H5 prints it).
 * The codes are printed here rather than on the kitchen sheet, which is the kitchen's.
 */
export default function RosterPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const centreId = centre.centreId;
  const [q, setQ] = useState('');
  const [sheet, setSheet] = useState(false);
  const [paidBy, setPaidBy] = useState<'cash' | 'wechat'>('cash');
  const [busyId, setBusyId] = useState<number | null>(null);
  const [done, setDone] = useState<{ ok: boolean; text: string } | null>(null);
  const query = sheet ? '' : q.trim();
  const roster = useLoad(centreId ? () => bookings.mealRoster({ centreId, ...(query ? { q: query } : {}) }) : null, [centreId, query]);
  const r = roster.data;

  const redeem = async (p: MealRosterEntryDTO) => {
    if (busyId || !centreId) return;
    setBusyId(p.bookingId);
    const res = await bookings.redeemById({ centreId, bookingId: p.bookingId, paidBy });
    setBusyId(null);
    setDone(res.ok ? { ok: true, text: `${p.name} 已签到核销` } : { ok: false, text: res.error.message });
    roster.reload();
  };

  return (
    <Page title={sheet ? '签到表' : '今日名单'} className='roster'>
      <View className='roster__noprint'>
        <CentrePicker centre={centre} emptyText='您不是日间照料中心的工作人员，不能查看名单。' />
      </View>
      {centreId ? (
        <>
          <View className='roster__controls roster__noprint'>
            {sheet ? (
              <>
                {PLATFORM.canPrint ? (
                  <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='roster-print' onClick={printPage}>
                    打印签到表
                  </View>
                ) : null}
                <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='roster-back' onClick={() => setSheet(false)}>
                  返回名单
                </View>
              </>
            ) : (
              <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='roster-sheet' onClick={() => setSheet(true)}>
                签到表（打印）
              </View>
            )}
          </View>
          {!sheet ? (
            <View className='card roster__search roster__noprint'>
              <Field id='roster-q' label='按姓名查找' placeholder='输入老人姓名或核销码' maxlength={20} value={q} onChange={setQ} />
              <ChoiceGroup
                id='roster-paid-by'
                label='收款方式'
                options={[
                  { value: 'cash', label: '现金' },
                  { value: 'wechat', label: '微信' },
                ]}
                value={paidBy}
                onChange={(v) => setPaidBy(v as 'cash' | 'wechat')}
              />
            </View>
          ) : null}
          {done && !sheet ? (
            <View className={done.ok ? 'roster__ok' : 'roster__fail'} role={done.ok ? 'status' : 'alert'} data-testid={done.ok ? 'roster-ok' : 'roster-error'}>
              {done.ok ? '✓ ' : ''}
              {done.text}
            </View>
          ) : null}
          <StateView
            loading={roster.loading && !r}
            error={roster.error}
            empty={!!r && r.sittings.length === 0}
            emptyText='今天没有发布餐次'
            onRetry={roster.reload}
          />
          {r
            ? r.sittings.map((s) =>
                sheet ? (
                  <SignInSheet key={s.slot.id} centreName={r.centre.name} day={r.day} sitting={s} />
                ) : (
                  <View key={s.slot.id} className='roster__sitting' role='group' aria-label={s.slot.title}>
                    <View className='roster__sitting-title' role='heading' aria-level={2} data-testid={`roster-sitting-${s.slot.id}`}>
                      {dayLabel(r.day)} {s.slot.title} · 已签到 {s.redeemed}/{s.total}
                    </View>
                    {s.people.length ? (
                      <View role='list' aria-label={`${s.slot.title}名单`}>
                        {s.people.map((p) => (
                          <RosterRow key={p.bookingId} p={p} busy={busyId === p.bookingId} onRedeem={redeem} />
                        ))}
                      </View>
                    ) : (
                      <View className='notice'>{query ? `没有找到“${query}”` : '这一餐还没有人预订'}</View>
                    )}
                  </View>
                ),
              )
            : null}
        </>
      ) : null}
    </Page>
  );
}

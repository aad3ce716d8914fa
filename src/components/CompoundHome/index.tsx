import { View } from '@tarojs/components';
import type { CompoundHomeDTO } from '@hg/types';
import { WEEKDAY_LABEL } from '@hg/types/bookings';
import { addDays, localDay, weekdayOf } from '@hg/types/local-time';
import { ROUTES, openPage, withQuery } from '../../routes';
import './index.scss';
import { FOCUSABLE } from '../a11y';
import FirmStars from '../FirmStars';
import PhoneLink from '../PhoneLink';

type CareCentre = CompoundHomeDTO['careCentres'][number];

/** "2026-03-02" → "3月2日 周一", or "今天 周一" / "明天 周一" (Beijing time): an elder reads the near days at a glance. */
function shortDay(day: string, now: Date = new Date()): string {
  const [, m, d] = day.split('-').map(Number);
  const weekday = WEEKDAY_LABEL[weekdayOf(day)];
  const today = localDay(now);
  if (day === today) return `今天 ${weekday}`;
  if (day === addDays(today, 1)) return `明天 ${weekday}`;
  return `${m}月${d}日 ${weekday}`;
}

/** 日间照料中心 · 助餐: the next open sittings of a centre serving the compound, and one tap to its menu. */
function CareCentreCard({ centre }: { centre: CareCentre }) {
  return (
    <View className='card compound__care' data-testid={`care-centre-${centre.id}`}>
      <View className='card__title' role='heading' aria-level={2}>
        日间照料中心 · 助餐
      </View>
      <View className='compound__org-name'>{centre.name}</View>
      {centre.nextSittings.length === 0 ? <View className='compound__line'>近期还没有公布菜单</View> : null}
      <View role='list' aria-label='近期餐次'>
        {centre.nextSittings.map((s) => (
          <View key={s.slotId} className='compound__sitting' role='listitem'>
            <View className='compound__sitting-head'>
              <View className='compound__strong'>
                {shortDay(s.day)} {s.title}
              </View>
              <View className={`compound__seats ${s.seatsLeft === 0 ? 'compound__seats--full' : ''}`}>{s.seatsLeft > 0 ? `剩 ${s.seatsLeft} 份` : '已满'}</View>
            </View>
            {s.dishes.length ? <View className='compound__line'>{s.dishes.join('、')}</View> : null}
          </View>
        ))}
      </View>
      <View
        className='btn btn--primary'
        role='button'
        {...FOCUSABLE}
        data-testid={`care-order-${centre.id}`}
        onClick={() => openPage(withQuery(ROUTES.bookingWeek, { centreId: centre.id }))}
      >
        去订餐
      </View>
      {centre.hotline ? <PhoneLink phone={centre.hotline} label='中心电话' className='compound__call' testId={`care-phone-${centre.id}`} /> : null}
    </View>
  );
}

export interface CompoundHomeProps {
  compound: CompoundHomeDTO;
  /** The person's first actions (ResidentActions), shown right under the compound's name. */
  actions?: React.ReactNode;
}

/**
 * The compound's public home: who governs it, who serves it, how big it is, and the day-care
 * centres' next meals with one tap to book. Shared by the QR
 * entry page, the compound page and the home tab so a resident always sees the same card.
 */
export default function CompoundHome({ compound, actions }: CompoundHomeProps) {
  const firm = compound.propertyFirm;
  return (
    <View className='compound'>
      <View className='card compound__head'>
        <View className='compound__name' role='heading' aria-level={2}>
          {compound.name}
        </View>
        <View className='compound__tag'>{compound.typeLabel}</View>
        <View className='compound__line'>
          {compound.street.name} · {compound.community.name}
        </View>
        {compound.address ? <View className='compound__line'>地址：{compound.address}</View> : null}
        {compound.building ? <View className='compound__line compound__strong'>当前楼栋：{compound.building.name}</View> : null}
      </View>

      {/* First after the name: what this person can do here is why they scanned the code. */}
      {actions ? <View className='compound__actions'>{actions}</View> : null}

      <View className='card compound__stats' role='list' aria-label='小区概况'>
        <View className='compound__stat' role='listitem'>
          <View className='compound__stat-num'>{compound.buildingCount}</View>
          <View>栋楼</View>
        </View>
        <View className='compound__stat' role='listitem'>
          <View className='compound__stat-num'>{compound.householdCount}</View>
          <View>户</View>
        </View>
        <View className='compound__stat' role='listitem'>
          <View className='compound__stat-num'>{compound.verifiedHouseholdCount}</View>
          <View>已认证户</View>
        </View>
      </View>

      {(compound.careCentres ?? []).map((c) => (
        <CareCentreCard key={c.id} centre={c} />
      ))}

      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          物业服务
        </View>
        {firm ? (
          <View className='compound__org'>
            <View className='compound__org-name'>{firm.name}</View>
            {compound.firmRating ? (
              <View className='compound__line' data-testid='compound-firm-rating'>
                <FirmStars stars={compound.firmRating.stars} sample={compound.firmRating.sample} testId='compound-firm-stars' />
                <View className='muted'>{compound.firmRating.periodCode} 期星级评定</View>
              </View>
            ) : (
              <View className='compound__line muted'>暂无公布的星级评定</View>
            )}
            <View
              className='btn btn--ghost'
              role='button'
              {...FOCUSABLE}
              data-testid='compound-firm-card'
              onClick={() => openPage(withQuery(ROUTES.ratingFirm, { firmId: firm.id, compoundId: compound.id }))}
            >
              查看评价 · 去评价
            </View>
            {firm.hotline ? (
              <PhoneLink phone={firm.hotline} label='物业服务热线' className='compound__call' testId='firm-phone' />
            ) : (
              <View className='compound__line'>暂无服务热线</View>
            )}
          </View>
        ) : (
          <View className='compound__line'>暂无物业企业信息</View>
        )}
      </View>

      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          服务清单
        </View>
        {compound.services.length === 0 ? <View className='compound__line'>暂无服务组织</View> : null}
        <View role='list'>
          {compound.services.map((s) => (
            <View key={s.id} className='compound__service' role='listitem'>
              <View className='compound__org-name'>{s.name}</View>
              <View className='compound__line'>{s.kindLabel}</View>
              {s.hotline ? <PhoneLink phone={s.hotline} label='电话' who={s.name} variant='inline' testId={`service-phone-${s.id}`} /> : null}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

import { View } from '@tarojs/components';
import type { NeedStatus, NeedSummaryDTO } from '@hg/types';
import { OPEN_NEED_STATUSES, UNFIXED_NEED_STATUSES } from '@hg/types/needs';
import { formatTime } from '../../utils/format';
import { ROUTES, openPage, withQuery } from '../../routes';
import { FOCUSABLE } from '../a11y';
import './index.scss';

/** Colour family of a status: still owed (open), fixed (done), closed without fixing (unfixed). */
export function statusTone(status: NeedStatus): 'open' | 'done' | 'unfixed' {
  if (OPEN_NEED_STATUSES.includes(status)) return 'open';
  return UNFIXED_NEED_STATUSES.includes(status) ? 'unfixed' : 'done';
}

export interface NeedBadgesProps {
  need: Pick<NeedSummaryDTO, 'status' | 'statusLabel' | 'level' | 'levelLabel' | 'overdue'>;
}

/** Status, the escalation level (楼栋级, or 升级至小区… once it climbed: visible on every view) and the overdue marker. */
export function NeedBadges({ need }: NeedBadgesProps) {
  return (
    <View className='need-badges'>
      <View className={`need-badge need-badge--${statusTone(need.status)}`} data-testid='need-status'>
        {need.statusLabel}
      </View>
      <View className={`need-badge ${need.level === 'building' ? 'need-badge--building' : 'need-badge--level'}`} data-testid='need-level'>
        {need.level === 'building' ? `${need.levelLabel}级` : `升级至${need.levelLabel}`}
      </View>
      {need.overdue ? (
        <View className='need-badge need-badge--overdue' data-testid='need-overdue'>
          已超时
        </View>
      ) : null}
    </View>
  );
}

export interface NeedRowProps {
  need: NeedSummaryDTO;
  /** Extra controls under the row (e.g. the 认领 button), outside the link. */
  children?: React.ReactNode;
}

/** One need in any list: icon, category, badges, excerpt, time; the whole head opens the detail. */
export default function NeedRow({ need, children }: NeedRowProps) {
  const open = () => openPage(withQuery(ROUTES.needDetail, { id: need.id }));
  return (
    <View className='need-row' role='listitem' data-testid={`need-row-${need.id}`}>
      <View className='need-row__link' role='link' {...FOCUSABLE} onClick={open}>
        <View className='need-row__head'>
          <View className='need-row__icon' aria-hidden='true'>
            {need.category.icon}
          </View>
          <View className='need-row__cat'>{need.category.name}</View>
          <View className='need-row__no'>#{need.id}</View>
        </View>
        <NeedBadges need={need} />
        <View className='need-row__excerpt'>{need.excerpt}</View>
        <View className='need-row__meta'>
          {need.compound.name}
          {need.building ? ` ${need.building.name}` : ''} · {formatTime(need.createdAt)}
          {need.receiver ? ` · ${need.receiver.name}` : ''}
        </View>
      </View>
      {children}
    </View>
  );
}

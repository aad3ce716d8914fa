import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { LeaderboardDTO, MeDTO } from '@hg/types';
import { COMPOUND_TYPE_LABEL } from '@hg/types/enums';
import { RATING_RULES } from '@hg/types/ratings';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import Tabs from '../../../../components/Tabs';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import FirmStars from '../../../../components/FirmStars';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { hasIdentity } from '../../../../services/platform';
import { ratings } from '../../../../services/ratings';
import { getCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import ScoreBars from '../../components/ScoreBars';
import { boardOrder, positiveId, scoreText } from '../../format';
import './index.scss';

type Scope = 'city' | 'street' | 'community';
interface Place {
  id: number;
  name: string;
}

/** The street and community a person belongs to: from a staff role held there, else from their compound. */
function placesOf(profile: MeDTO | null): { street: Place | null; community: Place | null } {
  const role = (level: 'street' | 'community') => profile?.roles.find((r) => r.scopeLevel === level && r.scopeId);
  const s = role('street');
  const c = role('community');
  return { street: s ? { id: s.scopeId as number, name: s.scopeName } : null, community: c ? { id: c.scopeId as number, name: c.scopeName } : null };
}

type Row = LeaderboardDTO['rows'][number];

function BoardRow({ row }: { row: Row }) {
  const key = `${row.firm.id}-${row.compoundType}`;
  return (
    <View className={`rboard__item ${row.rank === null ? 'rboard__row--unranked' : ''}`}>
      <View
        className='rboard__row'
        role='button'
        {...FOCUSABLE}
        data-testid={`board-row-${key}`}
        onClick={() => openPage(withQuery(ROUTES.ratingFirm, { firmId: row.firm.id }))}
      >
        <View className='rboard__rank' aria-label={row.rank === null ? '未排名' : `第${row.rank}名`}>
          {row.rank ?? '—'}
        </View>
        <View className='rboard__main'>
          <View className='rboard__firm'>{row.firm.name}</View>
          <View className='muted rboard__type'>{COMPOUND_TYPE_LABEL[row.compoundType]}</View>
          <FirmStars stars={row.stars} sample={row.sample} testId={`board-stars-${key}`} />
        </View>
        <View className='rboard__chevron' aria-hidden='true'>
          ›
        </View>
      </View>
      {/* How the stars were made: the firm card's 评分说明, this row's compound type first. */}
      <View
        className='btn btn--ghost rboard__explain'
        role='button'
        {...FOCUSABLE}
        aria-label={`${row.firm.name}（${COMPOUND_TYPE_LABEL[row.compoundType]}）的评分说明`}
        data-testid={`board-explain-${key}`}
        onClick={() => openPage(withQuery(ROUTES.ratingFirm, { firmId: row.firm.id, compoundType: row.compoundType, explain: 1 }))}
      >
        评分说明
      </View>
    </View>
  );
}

type Picked = { id: number; code: string };

/**
 * 往期榜单: the final periods as chips, the newest marked 最新 — after the current period in 公示
 * when there is one (the board opens on it; it is no past board yet); the board reads the one picked.
 */
function PeriodPicker({ board, inPublicity, onPick }: { board: LeaderboardDTO; inPublicity: Picked | null; onPick: (periodId: number) => void }) {
  const options = [
    ...(inPublicity ? [{ value: inPublicity.id, label: `${inPublicity.code}（公示中）` }] : []),
    ...board.periods.map((p, i) => ({ value: p.id, label: i === 0 && !inPublicity ? `${p.code}（最新）` : p.code })),
  ];
  if (options.length < 2) return null;
  return (
    <View className='card' data-testid='board-periods'>
      <ChoiceGroup id='board-period-pick' label='选择评价期（往期榜单）' options={options} value={board.period?.id ?? null} onChange={onPick} />
    </View>
  );
}

function Board({ board, inPublicity }: { board: LeaderboardDTO; inPublicity: Picked | null }) {
  const rows = boardOrder(board.rows);
  const ranked = rows.filter((r) => r.rank !== null && r.composite !== null);
  // A final period is a past board when a later one is public (in 公示, or final).
  const past = board.period?.status === 'published' && (!!inPublicity || board.periods[0]?.id !== board.period.id);
  return (
    <>
      <View className='card'>
        <View className='muted' data-testid='board-period'>
          {board.period ? `${board.period.code} 期 · ${board.period.statusLabel}${past ? ' · 往期榜单' : ''}` : '尚无公布的评价结果'}
        </View>
        <StateView empty={rows.length === 0} emptyText='暂无物业企业' />
        <View role='list' aria-label='物业星级榜' data-testid='board-rows'>
          {rows.map((r) => (
            <View key={`${r.firm.id}-${r.compoundType}`} role='listitem'>
              <BoardRow row={r} />
            </View>
          ))}
        </View>
        <View className='muted rboard__rule'>满{RATING_RULES.minSample}户评价才评星排名；不足的列在最后，标「样本不足」。评价户数少时得分向全市平均靠拢。</View>
      </View>
      {ranked.length ? (
        <View className='card'>
          <View className='card__title' role='heading' aria-level={2}>
            综合得分
          </View>
          <ScoreBars
            label='综合得分'
            max={100}
            testId='board-chart'
            bars={ranked.map((r) => ({ key: `${r.firm.id}-${r.compoundType}`, label: r.firm.name, value: r.composite, text: scoreText(r.composite) }))}
          />
        </View>
      ) : null}
    </>
  );
}

/** 物业星级榜: 全市 / 街道 / 社区, ranked rows first, 样本不足 rows last and unranked. */
export default function LeaderboardPage() {
  const { params } = useRouter();
  const profile = useLoad(hasIdentity() ? () => me.get() : null, []);
  const fromRoles = placesOf(profile.data);
  // Without a role in a street or community, the resident's own compound tells where they live.
  const compoundId =
    fromRoles.street && fromRoles.community
      ? null
      : (getCurrentCompoundId() ?? profile.data?.memberships.find((m) => m.status === 'verified')?.compound.id ?? null);
  const compound = useLoad(compoundId && !profile.loading ? () => community.getCompound({ compoundId }) : null, [compoundId, profile.loading]);
  const street: Place | null = positiveId(params.streetId)
    ? { id: positiveId(params.streetId) as number, name: '' }
    : (fromRoles.street ?? (compound.data ? compound.data.street : null));
  const comm: Place | null = positiveId(params.communityId)
    ? { id: positiveId(params.communityId) as number, name: '' }
    : (fromRoles.community ?? (compound.data ? compound.data.community : null));

  const [scope, setScope] = useState<Scope>('city');
  const scopeId = scope === 'street' ? street?.id : scope === 'community' ? comm?.id : undefined;
  const active: Scope = scope !== 'city' && !scopeId ? 'city' : scope;
  // A past board: picked here, or opened from a firm's 往期榜单 (?periodId=); none = the latest public one (in 公示 or final).
  const [periodId, setPeriodId] = useState<number | null>(positiveId(params.periodId));
  const board = useLoad(
    () => ratings.leaderboard({ ...(active === 'city' ? { scope: 'city' as const } : { scope: active, scopeId }), ...(periodId ? { periodId } : {}) }),
    [active, scopeId, periodId],
  );
  // The period the board opens on when it is in 公示 (not among the final ones): kept for the picker.
  const [inPublicity, setInPublicity] = useState<Picked | null>(null);
  const opened = !periodId ? board.data?.period : undefined;
  useEffect(() => {
    if (opened !== undefined) setInPublicity(opened && opened.status !== 'published' ? { id: opened.id, code: opened.code } : null);
  }, [opened]);

  const tabs: { value: Scope; label: string }[] = [{ value: 'city', label: '全市' }];
  if (street) tabs.push({ value: 'street', label: street.name ? `街道 · ${street.name}` : '街道' });
  if (comm) tabs.push({ value: 'community', label: comm.name ? `社区 · ${comm.name}` : '社区' });

  return (
    <Page title='物业星级榜'>
      {tabs.length > 1 ? <Tabs label='榜单范围' tabs={tabs} value={active} onChange={setScope} testId='board-scope' /> : null}
      <StateView loading={board.loading && !board.data} error={board.error} onRetry={board.reload} />
      {board.data ? <PeriodPicker board={board.data} inPublicity={inPublicity} onPick={setPeriodId} /> : null}
      {board.data ? <Board board={board.data} inPublicity={inPublicity} /> : null}
    </Page>
  );
}

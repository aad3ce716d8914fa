import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { NeedBoardDTO } from '@hg/types';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { needs } from '../../../../services/needs';
import { getCurrentCompoundId } from '../../../../store/current-compound';
import { formatShare } from '../../../../utils/format';
import './index.scss';

function positiveId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Share of resolved needs settled without leaving the building (小事不出楼栋). */
export function settledShare(board: NeedBoardDTO): number | null {
  return board.totals.resolved ? board.totals.settledInBuilding / board.totals.resolved : null;
}

function Board({ board }: { board: NeedBoardDTO }) {
  const t = board.totals;
  return (
    <>
      <View className='card' data-testid='board-totals'>
        <View className='card__title' role='heading' aria-level={2}>
          {board.compound.name}
          {board.building ? ` ${board.building.name}` : ''} · 近{board.days}天
        </View>
        <View className='board__totals' role='list' aria-label='合计'>
          <View className='board__total' role='listitem' data-testid='board-open'>
            <View className='board__num'>{t.open}</View>
            <View>进行中</View>
          </View>
          <View className='board__total' role='listitem' data-testid='board-resolved'>
            <View className='board__num board__num--done'>{t.resolved}</View>
            <View>已解决</View>
          </View>
          <View className='board__total' role='listitem' data-testid='board-unfixed'>
            <View className='board__num board__num--unfixed'>{t.unfixed}</View>
            <View>未解决</View>
          </View>
        </View>
        <View className='board__share' data-testid='board-share'>
          小事不出楼栋：{formatShare(settledShare(board))}
          <View className='muted'>已解决的需求中，在楼栋内办结的有 {t.settledInBuilding} 件</View>
        </View>
      </View>
      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          分类统计
        </View>
        {board.rows.length === 0 ? <View className='muted'>这段时间没有需求</View> : null}
        <View className='board__table' role='table' aria-label='分类统计'>
          {board.rows.length ? (
            <View className='board__row board__row--head' role='row'>
              <View className='board__cat' role='columnheader'>
                类别
              </View>
              <View className='board__cell' role='columnheader'>
                进行中
              </View>
              <View className='board__cell' role='columnheader'>
                已解决
              </View>
              <View className='board__cell' role='columnheader'>
                未解决
              </View>
            </View>
          ) : null}
          {board.rows.map((r) => (
            <View key={r.categoryId} className='board__row' role='row' data-testid={`board-row-${r.categoryId}`}>
              <View className='board__cat' role='rowheader'>
                {r.categoryName}
              </View>
              <View className='board__cell' role='cell'>
                {r.open}
              </View>
              <View className='board__cell' role='cell'>
                {r.resolved}
              </View>
              <View className='board__cell' role='cell'>
                {r.unfixed}
              </View>
            </View>
          ))}
        </View>
        <View className='muted board__note'>「未解决」含不予受理、居民撤销和合并的需求。本公示只列数量，不显示姓名和电话。</View>
      </View>
    </>
  );
}

/** 楼栋公示: the public board of a compound or one building, counts only (BRIEF §6). */
export default function BoardPage() {
  const { params } = useRouter();
  const compoundId = positiveId(params.compoundId) ?? getCurrentCompoundId();
  const [buildingId, setBuildingId] = useState<number>(positiveId(params.buildingId) ?? 0);
  const buildings = useLoad(compoundId ? () => community.listBuildings({ compoundId }) : null, [compoundId]);
  const board = useLoad(compoundId ? () => needs.board({ compoundId, ...(buildingId ? { buildingId } : {}) }) : null, [compoundId, buildingId]);

  if (!compoundId) {
    return (
      <Page title='楼栋公示'>
        <View className='notice' role='alert'>
          请先在首页进入您所在的小区。
        </View>
      </Page>
    );
  }
  return (
    <Page title='楼栋公示'>
      {buildings.data && buildings.data.length ? (
        <View className='card'>
          <ChoiceGroup
            id='board-building'
            label='楼栋'
            options={[{ value: 0, label: '全小区' }, ...buildings.data.map((b) => ({ value: b.id, label: b.name }))]}
            value={buildingId}
            onChange={setBuildingId}
          />
        </View>
      ) : null}
      <StateView loading={board.loading} error={board.error} onRetry={board.reload} />
      {board.data && !board.loading ? <Board board={board.data} /> : null}
    </Page>
  );
}

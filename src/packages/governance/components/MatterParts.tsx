import { View } from '@tarojs/components';
import type { MatterDTO, TallyDTO } from '@hg/types/deliberation';
import { BALLOT_CHANNEL_LABELS } from '@hg/types/deliberation';
import { FOCUSABLE } from '../../../components/a11y';
import { ROUTES, openPage, withQuery } from '../../../routes';
import { formatTime } from '../../../utils/format';
import { STEPS, percent, ruleLines, stepLabel, versionLine } from '../format';
import './MatterParts.scss';

/** 五步: where the matter stands, the steps done ticked, the current one marked. */
export function StepBar({ matter }: { matter: MatterDTO }) {
  const at = STEPS.indexOf(matter.status);
  return (
    <View className='gsteps' role='list' aria-label='议事五步' data-testid='matter-steps'>
      {STEPS.map((s, i) => {
        const state = matter.status === 'withdrawn' ? 'todo' : i < at ? 'done' : i === at ? 'now' : 'todo';
        return (
          <View key={s} role='listitem' className={`gsteps__step gsteps__step--${state}`} aria-current={state === 'now' ? 'step' : undefined}>
            <View className='gsteps__dot' aria-hidden='true'>
              {state === 'done' ? '✓' : i + 1}
            </View>
            <View className='gsteps__label'>
              {stepLabel(s)}
              {state === 'now' ? <View className='sr-only'>（当前步骤）</View> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}

/** The four rules, shown at every step. */
export function Rules({ matter }: { matter: MatterDTO }) {
  return (
    <View className='card grules' data-testid='matter-rules'>
      <View className='card__title' role='heading' aria-level={2}>
        表决规则
      </View>
      {ruleLines(matter).map((r) => (
        <View key={r.key} className='grules__row' data-testid={`rule-${r.key}`}>
          <View className='grules__label'>{r.label}</View>
          <View>{r.text}</View>
        </View>
      ))}
    </View>
  );
}

/** 公告: title, version and hash, the text and the options, as the notice board shows them. */
export function Notice({ matter }: { matter: MatterDTO }) {
  const version = versionLine(matter);
  return (
    <View className='card gnotice' data-testid='matter-notice'>
      <View className='gnotice__title' role='heading' aria-level={2}>
        {matter.title}
      </View>
      <View className='gnotice__meta muted'>
        {matter.placeName}
        {matter.proposerName ? ` · 发起人 ${matter.proposerName}` : ''}
      </View>
      {matter.sourceNeedId ? (
        <View
          className='gnotice__source'
          role='link'
          {...FOCUSABLE}
          data-testid='matter-source-need'
          onClick={() => openPage(withQuery(ROUTES.needDetail, { id: matter.sourceNeedId ?? undefined }))}
        >
          来自居民共同关注的需求，查看原需求
        </View>
      ) : null}
      {version ? (
        <View className='gnotice__version' data-testid='matter-version'>
          {version}
        </View>
      ) : (
        <View className='gnotice__version muted'>草稿，尚未公告</View>
      )}
      <View className='gnotice__text'>{matter.text}</View>
      <View className='gnotice__options-title'>表决选项</View>
      <View role='list'>
        {matter.options.map((o, i) => (
          <View key={o} role='listitem' className='gnotice__option'>
            {i + 1}. {o}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The stored tally: participation, per option, whether the rule was met. Every total is this row. */
export function Tally({ matter, tally }: { matter: MatterDTO; tally: TallyDTO }) {
  const max = Math.max(1, ...tally.counts);
  return (
    <View className='card gtally' data-testid='matter-tally'>
      <View className='card__title' role='heading' aria-level={2}>
        表决结果
      </View>
      <View className={tally.approved ? 'success' : 'notice'} role='status' data-testid='tally-verdict'>
        {!tally.quorumMet
          ? `参加投票的户数不足 ${tally.quorumPercent}%，表决无效`
          : tally.approved && tally.leadingOption !== null
            ? `通过：「${matter.options[tally.leadingOption]}」`
            : '未通过：没有选项超过通过线'}
      </View>
      <View className='gtally__line' data-testid='tally-participation'>
        参加 {tally.ballots} 户 / 共 {tally.eligible} 户（{tally.participationPercent}%）
      </View>
      <View className='muted'>
        {(Object.keys(tally.byChannel) as (keyof TallyDTO['byChannel'])[])
          .filter((c) => tally.byChannel[c] > 0)
          .map((c) => `${BALLOT_CHANNEL_LABELS[c]} ${tally.byChannel[c]} 户`)
          .join('，')}
      </View>
      <View role='list' className='gtally__bars'>
        {matter.options.map((o, i) => (
          <View
            key={o}
            role='listitem'
            className='gtally__row'
            data-testid={`tally-option-${i}`}
            aria-label={`${o}：${tally.counts[i]} 票，占 ${percent(tally.counts[i], tally.ballots)}`}
          >
            <View className='gtally__label'>
              <View>{o}</View>
              <View className='gtally__count'>
                {tally.counts[i]} 票 · {percent(tally.counts[i], tally.ballots)}
              </View>
            </View>
            <View className='gtally__track' aria-hidden='true'>
              <View
                className={`gtally__fill ${tally.leadingOption === i ? 'gtally__fill--lead' : ''}`}
                style={{ width: `${(tally.counts[i] * 100) / max}%` }}
              />
            </View>
          </View>
        ))}
      </View>
      <View className='muted'>
        统计时间 {formatTime(tally.closedAt)} · 第{tally.version}版
      </View>
    </View>
  );
}

/** The dated steps, oldest first. */
export function Timeline({ matter }: { matter: MatterDTO }) {
  return (
    <View className='card gtimeline' data-testid='matter-timeline'>
      <View className='card__title' role='heading' aria-level={2}>
        议事进程
      </View>
      <View role='list'>
        {matter.timeline.map((e, i) => (
          <View key={`${e.event}-${i}`} role='listitem' className='gtimeline__item'>
            <View className='gtimeline__when'>{formatTime(e.at)}</View>
            <View className='gtimeline__what'>
              {e.label}
              {e.version ? `（第${e.version}版）` : ''}
            </View>
            {e.note ? <View className='muted'>原因：{e.note}</View> : null}
          </View>
        ))}
      </View>
    </View>
  );
}

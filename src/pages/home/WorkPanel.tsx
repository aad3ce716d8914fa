import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Section from '../../components/Section';
import { FOCUSABLE } from '../../components/a11y';
import type { PlacedEntry } from '../../manifests';
import { openPage } from '../../routes';
import { WORK_COUNTS, type WorkCount } from './work-counts';

/** Reads the counts of the entries that declare one, again on every `visit`; tiles without one show none. */
function useCounts(entries: PlacedEntry[], visit: number): Partial<Record<string, WorkCount>> {
  const [counts, setCounts] = useState<Partial<Record<string, WorkCount>>>({});
  const keys = entries.map((e) => e.count ?? '').join(',');
  useEffect(() => {
    let live = true;
    const counted = entries.filter((e) => e.count);
    void Promise.all(counted.map((e) => WORK_COUNTS[e.count!]().catch(() => null))).then((values) => {
      if (!live) return;
      const next: Partial<Record<string, WorkCount>> = {};
      counted.forEach((e, i) => {
        const v = values[i];
        if (v) next[e.testId] = v;
      });
      setCounts(next);
    });
    return () => {
      live = false;
    };
  }, [keys, visit]);
  return counts;
}

/**
 * 首页's top for staff: their work entries (from the manifests, behind `can`) as tiles, with what
 * waits in each list where one call tells it. The compound below stays as it is.
 */
export default function WorkPanel({ entries, visit }: { entries: PlacedEntry[]; visit: number }) {
  const counts = useCounts(entries, visit);
  return (
    <Section title='我的工作' testId='home-work'>
      <View className='home__work' role='list'>
        {entries.map((e) => {
          const c = counts[e.testId];
          return (
            <View key={e.testId} role='listitem' className='home__work-item'>
              <View className='home__work-tile' role='link' {...FOCUSABLE} data-testid={`home-${e.testId}`} onClick={() => openPage(e.url)}>
                <View className='home__work-head'>
                  <View className='home__work-label'>{e.label}</View>
                  {c ? (
                    <View className={`home__work-count${c.count ? ' home__work-count--due' : ''}`} data-testid={`home-${e.testId}-count`}>
                      {c.label} {c.count}
                      {c.more ? '+' : ''}
                    </View>
                  ) : null}
                </View>
                {e.hint ? <View className='muted home__work-hint'>{e.hint}</View> : null}
              </View>
            </View>
          );
        })}
      </View>
    </Section>
  );
}

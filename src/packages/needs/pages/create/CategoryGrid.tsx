import { View } from '@tarojs/components';
import type { NeedCategoryDTO, NeedList } from '@hg/types';
import { NEED_LIST_LABEL } from '@hg/types/needs';
import { FOCUSABLE } from '../../../../components/a11y';

const LISTS: NeedList[] = ['need', 'service', 'problem'];

export interface CategoryGridProps {
  categories: NeedCategoryDTO[];
  value: number | null;
  onChange: (id: number) => void;
  error?: string;
}

/** Big emoji tiles grouped by the three lists; one radio group so exactly one category is chosen. */
export default function CategoryGrid({ categories, value, onChange, error }: CategoryGridProps) {
  return (
    <View className='cats'>
      <View className='field__label' id='need-category-label'>
        需求类别
      </View>
      <View role='radiogroup' aria-labelledby='need-category-label' {...(error ? { 'aria-describedby': 'need-category-error' } : {})}>
        {LISTS.map((list) => {
          const inList = categories.filter((c) => c.list === list);
          if (!inList.length) return null;
          return (
            <View key={list} className='cats__group'>
              <View className='cats__list' role='heading' aria-level={2}>
                {NEED_LIST_LABEL[list]}
              </View>
              <View className='cats__grid'>
                {inList.map((c) => {
                  const on = c.id === value;
                  return (
                    <View
                      key={c.id}
                      className={`cats__tile ${on ? 'cats__tile--on' : ''}`}
                      role='radio'
                      {...FOCUSABLE}
                      aria-checked={on ? 'true' : 'false'}
                      aria-label={c.name}
                      data-testid={`category-${c.code}`}
                      onClick={() => onChange(c.id)}
                    >
                      <View className='cats__icon' aria-hidden='true'>
                        {c.icon}
                      </View>
                      <View className='cats__name'>{c.name}</View>
                    </View>
                  );
                })}
              </View>
            </View>
          );
        })}
      </View>
      {error ? (
        <View id='need-category-error' className='field__error' role='alert' data-testid='need-category-error'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

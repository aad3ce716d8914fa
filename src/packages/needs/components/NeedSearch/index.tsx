import { useState } from 'react';
import { Input, Label, View } from '@tarojs/components';
import { NEED_SEARCH_RULES, needNumberOf } from '@hg/types/needs';
import { FOCUSABLE } from '../../../../components/a11y';
import { charCount } from '../../../../utils/text';
import './index.scss';

export interface NeedSearchProps {
  id: string;
  /** The search in force (what the list shows); '' for none. */
  value: string;
  onSearch: (q: string) => void;
  /** 搜索更早: words are looked for in the last NEED_SEARCH_RULES.searchWindowDays days unless this is set. */
  older?: boolean;
  onOlder?: (older: boolean) => void;
}

/**
 * 搜索 for the work lists: a need number (#123 or 123) or words of the description. Applied on
 * 搜索 or the keyboard's search key, not on every keystroke (each search is a server query).
 */
export default function NeedSearch({ id, value, onSearch, older = false, onOlder }: NeedSearchProps) {
  const [text, setText] = useState(value);
  const inputId = `${id}-input`;
  const tooLong = charCount(text.trim()) > NEED_SEARCH_RULES.queryMax;
  // Words (not a need number) are searched in a window of recent needs; say so, and offer the rest.
  const windowed = !!value && needNumberOf(value) === null && !!onOlder;
  const days = NEED_SEARCH_RULES.searchWindowDays;
  const submit = () => {
    if (!tooLong) onSearch(text.trim());
  };
  return (
    <View className='need-search' role='search'>
      <Label className='need-search__label' for={inputId}>
        搜索编号或内容
      </Label>
      <View className='need-search__row'>
        <Input
          className='need-search__input'
          value={text}
          type='text'
          confirmType='search'
          maxlength={-1}
          placeholder='如 #123 或 漏水'
          placeholderClass='need-search__placeholder'
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
          nativeProps={{ id: inputId, 'aria-label': '搜索编号或内容', 'data-testid': `${id}-input`, ...(tooLong ? { 'aria-describedby': `${id}-error` } : {}) }}
        />
        <View className='btn btn--primary need-search__go' role='button' {...FOCUSABLE} data-testid={`${id}-go`} onClick={submit}>
          搜索
        </View>
      </View>
      {tooLong ? (
        <View id={`${id}-error`} className='need-search__error' role='alert'>
          最多{NEED_SEARCH_RULES.queryMax}个字
        </View>
      ) : null}
      {value ? (
        <View className='need-search__active'>
          <View className='need-search__query' role='status'>
            搜索「{value}」
          </View>
          <View
            className='btn btn--ghost need-search__clear'
            role='button'
            {...FOCUSABLE}
            data-testid={`${id}-clear`}
            onClick={() => {
              setText('');
              onSearch('');
            }}
          >
            清除搜索
          </View>
        </View>
      ) : null}
      {windowed ? (
        <View className='need-search__window'>
          <View className='need-search__window-text' data-testid={`${id}-window`}>
            {older ? `正在搜索${days}天以前的需求` : `只搜索了近${days}天的需求`}
          </View>
          <View className='btn btn--ghost need-search__older' role='button' {...FOCUSABLE} data-testid={`${id}-older`} onClick={() => onOlder?.(!older)}>
            {older ? `回到近${days}天` : '搜索更早'}
          </View>
        </View>
      ) : null}
    </View>
  );
}

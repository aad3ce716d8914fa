import { View } from '@tarojs/components';
import { usePrefs } from '../../hooks/usePrefs';
import './index.scss';
import { FOCUSABLE } from '../a11y';

/** 大字模式 switch (适老化). A real switch role so screen readers announce on/off. */
export default function LargeTextSwitch() {
  const [prefs, setPrefs] = usePrefs();
  const on = prefs.largeText;
  return (
    <View
      className={`lts ${on ? 'lts--on' : ''}`}
      role='switch'
      {...FOCUSABLE}
      aria-checked={on ? 'true' : 'false'}
      aria-label='大字模式'
      onClick={() => setPrefs({ largeText: !on })}
    >
      <View className='lts__text'>
        <View className='lts__title'>大字模式</View>
        <View className='lts__hint'>放大全部文字和按钮，方便老年人使用</View>
      </View>
      <View className='lts__track' aria-hidden='true'>
        <View className='lts__state'>{on ? '开' : '关'}</View>
      </View>
    </View>
  );
}

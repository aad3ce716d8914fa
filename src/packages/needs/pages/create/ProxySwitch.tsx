import { View } from '@tarojs/components';
import { FOCUSABLE } from '../../../../components/a11y';

export interface ProxySwitchProps {
  on: boolean;
  onChange: (on: boolean) => void;
  /** The household found on 代办点单: its address, else its number. */
  address: string;
  householdId: number | null;
}

/** 为居民代办: switches the form to filing for the household found on 代办点单. */
export default function ProxySwitch({ on, onChange, address, householdId }: ProxySwitchProps) {
  return (
    <View
      className={`lts create__proxy ${on ? 'lts--on' : ''}`}
      role='switch'
      {...FOCUSABLE}
      aria-checked={on ? 'true' : 'false'}
      aria-label='为居民代办'
      data-testid='need-proxy'
      onClick={() => onChange(!on)}
    >
      <View>
        <View className='lts__title'>为居民代办</View>
        <View className='lts__hint'>{address || `房屋编号 ${householdId}`}</View>
      </View>
      <View className='lts__track' aria-hidden='true'>
        {on ? '开' : '关'}
      </View>
    </View>
  );
}

import { View } from '@tarojs/components';
import type { BuildingDTO } from '@hg/types';
import { LIMITS } from '@hg/types/limits';
import ChoiceGroup from '../ChoiceGroup';
import Field from '../Field';

export interface RoomChoice {
  buildingId: number | null;
  unitId: number | null;
  room: string;
}

export type RoomErrors = Partial<Record<keyof RoomChoice, string>>;

export interface RoomPickerProps {
  /** Prefix of the controls' ids and test ids (`<id>-building`, `<id>-unit`, `<id>-room`). */
  id: string;
  buildings: BuildingDTO[];
  value: RoomChoice;
  errors?: RoomErrors;
  onChange: {
    (field: 'buildingId' | 'unitId', value: number): void;
    (field: 'room', value: string): void;
  };
}

/**
 * 楼栋 → 单元 → 房号, as big chips and one field: used wherever a person names a room (binding a
 * household, filing 代办 for a neighbour). Picking another building clears the unit (the caller's
 * onChange decides how).
 */
export default function RoomPicker({ id, buildings, value, errors = {}, onChange }: RoomPickerProps) {
  const building = buildings.find((b) => b.id === value.buildingId) ?? null;
  return (
    <View className='room-picker'>
      <ChoiceGroup
        id={`${id}-building`}
        label='楼栋'
        options={buildings.map((b) => ({ value: b.id, label: b.name }))}
        value={value.buildingId}
        onChange={(v) => onChange('buildingId', v)}
        error={errors.buildingId}
        emptyText='本小区暂无楼栋信息'
      />
      {building ? (
        <ChoiceGroup
          id={`${id}-unit`}
          label='单元'
          options={building.units.map((u) => ({ value: u.id, label: u.name }))}
          value={value.unitId}
          onChange={(v) => onChange('unitId', v)}
          error={errors.unitId}
          emptyText='该楼栋暂无单元信息'
        />
      ) : errors.unitId ? (
        <View className='field__error' role='alert' data-testid={`${id}-unit-error`}>
          {errors.unitId}
        </View>
      ) : null}
      <Field
        id={`${id}-room`}
        label='房号'
        placeholder='例如 502'
        value={value.room}
        maxlength={LIMITS.roomMax}
        onChange={(v) => onChange('room', v)}
        error={errors.room}
      />
    </View>
  );
}

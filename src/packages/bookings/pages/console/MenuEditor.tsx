import { useState } from 'react';
import { View } from '@tarojs/components';
import type { SlotDTO } from '@hg/types';
import { BOOKING_RULES } from '@hg/types/bookings';
import { ALLERGEN_RULES } from '@hg/types/allergens';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { bookings } from '../../../../services/bookings';

interface Row {
  name: string;
  /** As typed: 「鸡蛋、花生」 (the server reads it into the shared vocabulary). */
  allergens: string;
  tags: SlotDTO['dishes'][number]['tags'];
}

export interface MenuEditorProps {
  slot: SlotDTO;
  onSaved: (slot: SlotDTO) => void;
  onCancel: () => void;
}

/**
 * 改菜单: swap a dish of a published sitting (after 复制上周, or when the market had no fish) — name
 * and allergens per dish, add or drop one; seats, times and price stay as they are.
 */
export default function MenuEditor({ slot, onSaved, onCancel }: MenuEditorProps) {
  const [rows, setRows] = useState<Row[]>(slot.dishes.map((d) => ({ name: d.name, allergens: d.allergens.join('、'), tags: d.tags })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (i: number, patch: Partial<Row>) => setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    if (busy) return;
    const dishes = rows.filter((r) => r.name.trim());
    if (!dishes.length) return setError('请至少填写一道菜');
    setBusy(true);
    setError(null);
    const res = await bookings.editMenu({ slotId: slot.id, dishes: dishes.map((r) => ({ name: r.name.trim(), tags: r.tags, allergens: r.allergens.trim() })) });
    setBusy(false);
    if (res.ok) onSaved(res.data);
    else setError(res.error.message);
  };

  return (
    <View className='cons__menu-edit' data-testid={`menu-edit-${slot.id}`}>
      {rows.map((r, i) => (
        <View key={i} className='cons__menu-dish'>
          <Field
            id={`menu-${slot.id}-dish-${i}`}
            label={`第${i + 1}道菜`}
            value={r.name}
            maxlength={BOOKING_RULES.dishNameMax}
            onChange={(name) => set(i, { name })}
          />
          <Field
            id={`menu-${slot.id}-allergens-${i}`}
            label='过敏原（用顿号隔开，没有就空着）'
            value={r.allergens}
            maxlength={ALLERGEN_RULES.perDishMax * (ALLERGEN_RULES.wordMax + 1)}
            onChange={(allergens) => set(i, { allergens })}
          />
          <View className='btn btn--ghost cons__menu-drop' role='button' {...FOCUSABLE} onClick={() => setRows((list) => list.filter((_, j) => j !== i))}>
            删去{r.name.trim() ? `「${r.name.trim()}」` : `第${i + 1}道菜`}
          </View>
        </View>
      ))}
      {rows.length < BOOKING_RULES.dishesMax ? (
        <View
          className='btn btn--ghost'
          role='button'
          {...FOCUSABLE}
          data-testid={`menu-add-${slot.id}`}
          onClick={() => setRows((list) => [...list, { name: '', allergens: '', tags: [] }])}
        >
          再加一道菜
        </View>
      ) : null}
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
      <View className='btn-row'>
        <BusyButton label='保存菜单' busy={busy} busyLabel='保存中…' onClick={save} testId={`menu-save-${slot.id}`} />
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={onCancel}>
          取消
        </View>
      </View>
    </View>
  );
}

import type { BuildingDTO } from '@hg/types';
import { COMPOUND_AREA_LABEL, NEED_RULES, type NeedPlace } from '@hg/types/needs';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import type { NeedForm, NeedFormErrors } from '../../need-form';

export interface PlaceSectionProps {
  form: NeedForm;
  errors: NeedFormErrors;
  /** Buildings of the household's compound (null while loading). */
  buildings: BuildingDTO[] | null;
  setPlace: (place: NeedPlace, buildingId?: number | null) => void;
  setLocation: (location: string) => void;
}

/** The compound's public area in the area picker, next to the building ids. */
const COMPOUND_AREA = 0;

/**
 * 位置: the home, or a public area (one building, or the whole compound), plus free text. The need
 * lands where the problem is: a corridor in 3栋 goes to 3栋's building head, whoever reports it.
 */
export default function PlaceSection({ form, errors, buildings, setPlace, setLocation }: PlaceSectionProps) {
  const isPublic = form.place !== 'home';
  const area = form.place === 'compound' ? COMPOUND_AREA : form.buildingId;
  return (
    <>
      <ChoiceGroup<'home' | 'public'>
        id='need-place'
        label='位置'
        options={[
          { value: 'home', label: form.proxy ? '居民家中' : '我家' },
          { value: 'public', label: '公共区域' },
        ]}
        value={isPublic ? 'public' : 'home'}
        onChange={(v) => {
          if (v === 'home') setPlace('home');
          else if (!isPublic) setPlace('building', null);
        }}
      />
      {isPublic ? (
        <ChoiceGroup<number>
          id='need-area'
          label='哪里的公共区域'
          options={[...(buildings ?? []).map((b) => ({ value: b.id, label: b.name })), { value: COMPOUND_AREA, label: COMPOUND_AREA_LABEL }]}
          value={area}
          onChange={(v) => (v === COMPOUND_AREA ? setPlace('compound') : setPlace('building', v))}
          error={errors.buildingId}
        />
      ) : null}
      <Field
        id='need-location'
        label='详细位置（选填）'
        value={form.location}
        maxlength={NEED_RULES.locationMax}
        placeholder={isPublic ? '例如 2单元3楼楼道、东门岗亭' : '例如 1栋1单元502 厨房'}
        onChange={setLocation}
        error={errors.location}
      />
    </>
  );
}

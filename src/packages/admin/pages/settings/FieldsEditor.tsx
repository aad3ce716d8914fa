import { useState } from 'react';
import { View } from '@tarojs/components';
import type { SettingsField, SettingsSectionDTO } from '@hg/types';
import { ZSaveSettingsRequest } from '@hg/types/settings-schemas';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { settings } from '../../../../services/settings';

/** Flat form values keyed by the server's field paths (`value.noticeDays`), so a server error lands on its field. */
type Values = Record<string, string>;

const pathOf = (f: SettingsField) => `value.${f.key}`;

function valuesOf(fields: readonly SettingsField[], value: Record<string, unknown>): Values {
  const out: Values = { reason: '' };
  for (const f of fields) out[pathOf(f)] = String(value[f.key] ?? '');
  return out;
}

/**
 * The value to save: the section as it stands with the edited fields in place. A number field left
 * empty stays missing, so the section's schema answers 「请填写…」; anything else typed goes as a
 * number and the schema words its limits (整数, 至少, 最多).
 */
function valueOf(fields: readonly SettingsField[], base: Record<string, unknown>, v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const f of fields) {
    const typed = (v[pathOf(f)] ?? '').trim();
    if (f.kind === 'switch') out[f.key] = typed === 'true';
    else if (typed === '') delete out[f.key];
    else out[f.key] = Number(typed);
  }
  return out;
}

/**
 * 城市配置 for a section that declares its `fields` (五步议事, 语音转文字, and any later flat
 * section): a number field or a 开启/关闭 choice per field with its unit and hint, a reason, and a
 * save over the version shown (compare-and-set; a conflict offers to load the newer version).
 */
export default function FieldsEditor({
  section,
  onSaved,
  onReload,
}: {
  section: SettingsSectionDTO;
  onSaved: (s: SettingsSectionDTO) => void;
  onReload: () => void;
}) {
  const fields = section.fields ?? [];
  const base = (section.value ?? {}) as Record<string, unknown>;
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values, typeof ZSaveSettingsRequest, SettingsSectionDTO, string>({
    initial: () => valuesOf(fields, base),
    schema: ZSaveSettingsRequest,
    toRequest: (v) => ({
      section: section.key,
      version: section.version,
      value: valueOf(fields, base, v),
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
    }),
    fieldOf: (path) => (path === 'reason' || fields.some((f) => path === pathOf(f)) ? path : null),
    check: (v) => {
      const out: Record<string, string> = {};
      for (const f of fields) {
        const typed = (v[pathOf(f)] ?? '').trim();
        if (f.kind === 'integer' && typed !== '' && !/^-?\d+$/.test(typed)) out[pathOf(f)] = `${f.label}请填写整数`;
      }
      return out;
    },
    send: async (request) => {
      const res = await settings.save(request);
      setConflict(!res.ok && res.error.code === 'CONFLICT');
      return res;
    },
    onSuccess: (data) => onSaved(data),
  });
  const { values, errors } = form;

  return (
    <View data-testid={`fields-editor-${section.key}`}>
      {fields.map((f) => {
        const key = pathOf(f);
        const id = `${section.key}-${f.key}`;
        const label = f.unit ? `${f.label}（${f.unit}）` : f.label;
        return (
          <View key={f.key} className='settings__field'>
            {f.kind === 'switch' ? (
              <ChoiceGroup
                id={id}
                label={label}
                options={[
                  { value: 'true', label: '开启' },
                  { value: 'false', label: '关闭' },
                ]}
                value={values[key] === 'true' ? 'true' : 'false'}
                onChange={(next) => form.set(key, next)}
                error={errors[key]}
              />
            ) : (
              <Field id={id} label={label} type='number' maxlength={6} value={values[key] ?? ''} onChange={(next) => form.set(key, next)} error={errors[key]} />
            )}
            {f.hint ? <View className='muted settings__hint'>{f.hint}</View> : null}
          </View>
        );
      })}
      <Field
        id={`${section.key}-reason`}
        label='修改说明（选填）'
        maxlength={100}
        placeholder='例如：按街道新规定调整'
        value={values.reason}
        onChange={(next) => form.set('reason', next)}
        error={errors.reason}
      />
      {form.formError && conflict ? (
        <View className='notice' role='alert' data-testid={`settings-conflict-${section.key}`}>
          <View>{form.formError}</View>
          <View className='settings__link' role='button' {...FOCUSABLE} data-testid={`settings-reload-${section.key}`} onClick={onReload}>
            载入最新内容（您的修改将被替换）
          </View>
        </View>
      ) : null}
      {form.formError && !conflict ? (
        <View className='notice' role='alert' data-testid={`settings-error-${section.key}`}>
          {form.formError}
        </View>
      ) : null}
      <BusyButton label={`保存${section.label}`} busy={form.busy} busyLabel='保存中…' onClick={form.submit} testId={`save-${section.key}`} />
    </View>
  );
}

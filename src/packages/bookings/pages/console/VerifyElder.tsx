import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ElderDTO } from '@hg/types';
import { FOCUSABLE } from '../../../../components/a11y';
import { bookings } from '../../../../services/bookings';
import Toggles from '../../components/Toggles';

type Situation = 'livesAlone' | 'dibao' | 'tekun';
const SITUATIONS: { value: Situation; label: string }[] = [
  { value: 'livesAlone', label: '独居 / 空巢' },
  { value: 'dibao', label: '低保' },
  { value: 'tekun', label: '特困供养' },
];

export interface VerifyElderProps {
  elder: ElderDTO;
  /** The elder as the server answered after verifying. */
  onVerified: (elder: ElderDTO) => void;
}

/**
 * 核实老人情况: what the elder declared (age, 独居, 低保, 特困) stays without subsidy until centre staff
 * check it against documents. Staff correct what differs, then confirm; who and when are recorded.
 */
export default function VerifyElder({ elder, onVerified }: VerifyElderProps) {
  const [open, setOpen] = useState(false);
  const [situation, setSituation] = useState<Situation[]>(SITUATIONS.map((s) => s.value).filter((s) => elder[s]));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (elder.verification.status === 'verified') {
    return (
      <View className='muted cons__verified' data-testid={`elder-verified-${elder.id}`}>
        情况已核实{elder.verification.byName ? `（${elder.verification.byName}）` : ''}
      </View>
    );
  }

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await bookings.verifyElder({
      elderId: elder.id,
      livesAlone: situation.includes('livesAlone'),
      dibao: situation.includes('dibao'),
      tekun: situation.includes('tekun'),
    });
    setBusy(false);
    if (res.ok) onVerified(res.data);
    else setError(res.error.message);
  };

  return (
    <View className='cons__verify' data-testid={`elder-verify-panel-${elder.id}`}>
      <View className='cons__pending' role='status'>
        {elder.verification.statusLabel}：本人申报 {elder.age}岁{elder.livesAlone ? ' · 独居' : ''}
        {elder.dibao ? ' · 低保' : ''}
        {elder.tekun ? ' · 特困供养' : ''}，核实前不享受助餐补贴
      </View>
      {open ? (
        <>
          <Toggles
            id={`verify-${elder.id}`}
            label='核实后的家庭情况'
            hint='请对照身份证、低保证、特困供养证等材料，与实际不符的请改正'
            options={SITUATIONS}
            value={situation}
            onChange={setSituation}
          />
          {error ? (
            <View className='notice' role='alert'>
              {error}
            </View>
          ) : null}
          <View className='btn-row'>
            <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid={`elder-verify-confirm-${elder.id}`} onClick={confirm}>
              {busy ? '提交中…' : '确认已核实'}
            </View>
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => setOpen(false)}>
              取消
            </View>
          </View>
        </>
      ) : (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`elder-verify-${elder.id}`} onClick={() => setOpen(true)}>
          核实情况
        </View>
      )}
    </View>
  );
}

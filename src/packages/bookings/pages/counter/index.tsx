import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ApiError, BookingDTO } from '@hg/types';
import { BOOKING_RULES, PAID_BY_LABEL, yuan } from '@hg/types/bookings';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { bookings } from '../../../../services/bookings';
import { PLATFORM } from '../../../../services/platform';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import { scanCode } from '../../scan-code';
import { queryId, useCentre } from '../../use-centre';
import './index.scss';

type Result = { ok: true; booking: BookingDTO } | { ok: false; title: string; message: string };

/** What the counter says for each refusal: a heading the staff member reads at a glance, then the server's detail. */
function failure(error: ApiError): Result {
  if (error.code === 'NOT_FOUND') return { ok: false, title: '查无此码', message: '请核对核销码后重新输入，或到“今日名单”按姓名查找。' };
  if (error.code === 'INVALID_TRANSITION') return { ok: false, title: '不能核销', message: error.message };
  return { ok: false, title: '核销失败', message: error.message };
}

/** The code as typed or scanned: spaces dropped, upper case (the alphabet has no lower-case letters). */
const normalise = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/**
 * 助餐核销: the counter types (or on WeChat scans) the elder's 6-character code. A success is big and
 * green with the elder's name and 堂食/送餐; a refusal says why. Either way the box is emptied for
 * the next person in line. An elder without a code (booked by phone) is found by name on 今日名单.
 */
export default function CounterPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  // How the counter takes the elder's share; it stays as chosen for the next person in line.
  const [paidBy, setPaidBy] = useState<'cash' | 'wechat'>('cash');

  const redeem = async (raw: string) => {
    if (busy || !centre.centreId) return;
    const value = normalise(raw);
    if (value.length !== BOOKING_RULES.codeLength) {
      setError(`核销码为${BOOKING_RULES.codeLength}位`);
      setResult(null);
      return;
    }
    setBusy(true);
    setError(null);
    const res = await bookings.redeem({ centreId: centre.centreId, code: value, paidBy });
    setBusy(false);
    setCode('');
    setResult(res.ok ? { ok: true, booking: res.data } : failure(res.error));
  };

  const scan = async () => {
    const text = await scanCode();
    if (text) await redeem(text);
  };

  return (
    <Page title='助餐核销'>
      <CentrePicker centre={centre} emptyText='您不是日间照料中心的工作人员，不能核销。' />
      {centre.centreId ? (
        <>
          {result?.ok ? (
            <View className='counter__ok' role='status' data-testid='redeem-ok'>
              <View className='counter__ok-mark'>✓ 已核销</View>
              <View className='counter__name' data-testid='redeem-name'>
                {result.booking.elder.name}
              </View>
              <View className='counter__mode' data-testid='redeem-mode'>
                {result.booking.slot.kind === 'meal' ? `${result.booking.modeLabel} · ${result.booking.slot.title}` : result.booking.slot.title}
              </View>
              <View data-testid='redeem-paid'>
                {result.booking.price.payFen
                  ? `已收 ${yuan(result.booking.price.payFen)}（${result.booking.paidBy ? PAID_BY_LABEL[result.booking.paidBy] : '未记录'}）`
                  : '无需收费'}
                {result.booking.tierLabel ? `，${result.booking.tierLabel}补贴已减` : ''}
              </View>
            </View>
          ) : null}
          {result && !result.ok ? (
            <View className='counter__fail' role='alert' data-testid='redeem-error'>
              <View className='counter__fail-title'>{result.title}</View>
              <View>{result.message}</View>
            </View>
          ) : null}
          <View className='card counter__box'>
            <ChoiceGroup
              id='counter-paid-by'
              label='收款方式'
              options={[
                { value: 'cash', label: '现金' },
                { value: 'wechat', label: '微信' },
              ]}
              value={paidBy}
              onChange={(v) => setPaidBy(v as 'cash' | 'wechat')}
            />
            <Field
              id='counter-code'
              label='核销码'
              placeholder='请输入6位核销码'
              maxlength={BOOKING_RULES.codeLength}
              value={code}
              onChange={(v) => {
                setCode(v);
                setError(null);
              }}
              error={error}
            />
            <BusyButton label='核销' busy={busy} busyLabel='核销中…' onClick={() => redeem(code)} testId='redeem-submit' />
            <View
              className='btn btn--ghost'
              role='button'
              {...FOCUSABLE}
              data-testid='counter-roster'
              onClick={() => openPage(withQuery(ROUTES.bookingRoster, { centreId: centre.centreId ?? '' }))}
            >
              没有码？按姓名签到（今日名单）
            </View>
            {PLATFORM.canScan ? (
              <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='redeem-scan' onClick={scan}>
                扫码核销
              </View>
            ) : null}
          </View>
        </>
      ) : null}
    </Page>
  );
}

import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { yuan } from '@hg/types/bookings';
import { addMonths, localMonth } from '@hg/types/local-time';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { saveExport } from '../../../../services/export-file';
import { PLATFORM, printPage } from '../../../../services/platform';
import { monthLabel } from '../../format';
import './index.scss';

export interface SubsidyReportProps {
  /** One centre's report; absent: the roll-up over every centre in the caller's scope (community / street staff). */
  centreId?: number;
  /** The month to open at (`YYYY-MM`, from a link or a test); this month otherwise. */
  month?: string;
}

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;

/**
 * 助餐补贴月报, one centre's or the roll-up: a month picker, the month's redeemed and delivered meals
 * per subsidy tier — meals, elders, subsidy in 元 — and the totals, with 导出表格 (.xlsx: one row
 * per elder and a 合计 row, names masked in the roll-up) and, where the platform prints, 打印月报.
 */
export default function SubsidyReport({ centreId, month: initial }: SubsidyReportProps) {
  const thisMonth = localMonth(new Date());
  const [month, setMonth] = useState(initial && MONTH.test(initial) ? initial : thisMonth);
  const report = useLoad(() => bookings.subsidyReport(centreId ? { centreId, month } : { month }), [centreId, month]);
  const r = report.data?.month === month ? report.data : null;
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const exportSheet = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setExporting(true);
    setExportError(null);
    const res = await bookings.exportSubsidyReport(centreId ? { centreId, month, format: 'xlsx' } : { month, format: 'xlsx' });
    const problem = res.ok ? await saveExport(res.data) : res.error.message;
    inFlight.current = false;
    setExporting(false);
    if (problem) setExportError(problem);
    else void Taro.showToast({ title: '已导出', icon: 'success' });
  };

  return (
    <>
      <View className='sub__months' role='group' aria-label='选择月份'>
        <View className='btn btn--ghost sub__step' role='button' {...FOCUSABLE} data-testid='month-prev' onClick={() => setMonth((m) => addMonths(m, -1))}>
          ‹ 上个月
        </View>
        <View className='sub__month' role='heading' aria-level={2} aria-live='polite' data-testid='month'>
          {monthLabel(month)}
        </View>
        {month < thisMonth ? (
          <View className='btn btn--ghost sub__step' role='button' {...FOCUSABLE} data-testid='month-next' onClick={() => setMonth((m) => addMonths(m, 1))}>
            下个月 ›
          </View>
        ) : (
          <View className='sub__step sub__step--none' aria-hidden='true' />
        )}
      </View>
      <StateView loading={report.loading && !r} error={report.error} onRetry={report.reload} />
      {r ? (
        <>
          <View className='sub__centre' data-testid='subsidy-scope'>
            {r.scopeLabel}
          </View>
          <View role='table' aria-label={`${monthLabel(month)}助餐补贴`} className='card sub__table' data-testid='subsidy-table'>
            <View role='row' className='sub__row sub__row--head'>
              <View role='columnheader' className='sub__c-tier'>
                补贴类别
              </View>
              <View role='columnheader' className='sub__c-num'>
                餐数
              </View>
              <View role='columnheader' className='sub__c-num'>
                人数
              </View>
              <View role='columnheader' className='sub__c-money'>
                补贴金额
              </View>
            </View>
            {r.tiers.map((t) => (
              <View key={t.tier} role='row' className='sub__row' data-testid={`tier-${t.tier}`}>
                <View role='rowheader' className='sub__c-tier'>
                  {t.label}
                </View>
                <View role='cell' className='sub__c-num'>
                  {t.meals}
                </View>
                <View role='cell' className='sub__c-num'>
                  {t.elders}
                </View>
                <View role='cell' className='sub__c-money'>
                  {yuan(t.subsidyFen)}
                </View>
              </View>
            ))}
            <View role='row' className='sub__row sub__row--total' data-testid='subsidy-total'>
              <View role='rowheader' className='sub__c-tier'>
                合计
              </View>
              <View role='cell' className='sub__c-num'>
                {r.total.meals}
              </View>
              <View role='cell' className='sub__c-num' />
              <View role='cell' className='sub__c-money'>
                {yuan(r.total.subsidyFen)}
              </View>
            </View>
          </View>
          {!centreId && r.centres.length ? (
            <View className='card sub__centres' role='list' aria-label='各中心' data-testid='subsidy-centres'>
              {r.centres.map((c) => (
                <View key={c.id} role='listitem' className='sub__paid-row'>
                  {`${c.name}：${c.meals} 餐，补贴 ${yuan(c.subsidyFen)}`}
                </View>
              ))}
            </View>
          ) : null}
          <View className='sub__pay'>老人自付合计：{yuan(r.total.payFen)}</View>
          {(r.paid ?? []).some((p) => p.payFen > 0) ? (
            <View className='sub__paid' role='list' aria-label='自付部分的收款方式' data-testid='subsidy-paid'>
              {r.paid
                .filter((p) => p.payFen > 0)
                .map((p) => (
                  <View key={p.paidBy} role='listitem' className='sub__paid-row'>
                    其中{p.label}：{yuan(p.payFen)}
                  </View>
                ))}
            </View>
          ) : null}
          {r.unverified?.meals ? (
            <View className='notice sub__unverified' role='note' data-testid='subsidy-unverified'>
              另有 {r.unverified.meals} 餐（{r.unverified.elders} 位老人）的补贴 {yuan(r.unverified.subsidyFen)}{' '}
              用餐前未经中心核实老人情况，未计入申报，请核实后另行处理。
            </View>
          ) : null}
          <View className='muted sub__note'>
            只统计已用餐（核销或送达）的餐次，且老人情况（年龄、独居、低保、特困）已由中心核实；每位老人每餐只按最高的一档补贴，每天补贴餐数以城市配置为准。
          </View>
          <View className='sub__export'>
            <BusyButton label='导出表格（Excel）' busy={exporting} busyLabel='正在导出…' onClick={exportSheet} testId='subsidy-export' />
          </View>
          {exportError ? (
            <View className='notice' role='alert' data-testid='subsidy-export-error'>
              {exportError}
            </View>
          ) : null}
          {PLATFORM.canPrint ? (
            <View className='btn btn--ghost sub__print' role='button' {...FOCUSABLE} data-testid='subsidy-print' onClick={printPage}>
              打印月报
            </View>
          ) : null}
        </>
      ) : null}
    </>
  );
}

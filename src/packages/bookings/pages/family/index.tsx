import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { FamilyLinkDTO } from '@hg/types';
import { LIMITS } from '@hg/types/limits';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import Section from '../../../../components/Section';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { useForm } from '../../../../hooks/useForm';
import { ZLinkFamilyRequest } from '@hg/types/bookings-schemas';
import { bookings } from '../../../../services/bookings';
import { requestSubscribe } from '../../../../services/subscribe';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import { queryId, useCentre } from '../../use-centre';
import './index.scss';

const RELATIONS = ['女儿', '儿子', '儿媳', '女婿', '孙辈', '其他亲属'].map((r) => ({ value: r, label: r }));

interface Form {
  elderName: string;
  phoneTail: string;
  relation: string | null;
}
const EMPTY: Form = { elderName: '', phoneTail: '', relation: null };

/** One link: who, how related, where it stands; once verified, one big button to book for them. */
function LinkCard({ link }: { link: FamilyLinkDTO }) {
  return (
    <View className={`card fam__link fam__link--${link.status}`} role='listitem' data-testid={`link-${link.id}`}>
      <View className='fam__link-name' role='heading' aria-level={3}>
        {link.elder.name}
        {link.relationNote ? <View className='fam__relation'>（我是{link.relationNote}）</View> : null}
      </View>
      <View className={`fam__status fam__status--${link.status}`} data-testid={`link-status-${link.id}`}>
        {link.statusLabel}
      </View>
      {link.status === 'pending' ? (
        <View className='muted fam__explain'>日间照料中心的工作人员会打电话向老人核实，核实后您就可以为老人订餐。一般在一个工作日内完成。</View>
      ) : null}
      {link.status === 'rejected' ? <View className='muted fam__explain'>中心没能核实这次申请。如有疑问请致电中心，也可以重新申请。</View> : null}
      {link.status === 'verified' && link.elder.id !== null ? (
        <View
          className='btn btn--primary'
          role='button'
          {...FOCUSABLE}
          data-testid={`link-book-${link.id}`}
          onClick={() =>
            openPage(withQuery(ROUTES.bookingWeek, { centreId: link.centreId, elderId: link.elder.id ?? undefined, elderName: link.elder.name, family: 1 }))
          }
        >
          为{link.elder.name}订餐
        </View>
      ) : null}
    </View>
  );
}

/**
 * 家属关联 · 为家人订餐: a family member (who may live anywhere) asks the centre to link them to an
 * elder by the elder's name and the last 4 digits of the elder's phone; the centre verifies by
 * phone. Verified links open the elder's week menu, booked as 家属代订.
 */
export default function FamilyPage() {
  const { params } = useRouter();
  // Family may live anywhere: offer every centre of the city, not only those serving their own home.
  const centre = useCentre(queryId(params.centreId), { all: true });
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const links = useLoad(() => bookings.myLinks({}), [visit]);
  const [applying, setApplying] = useState(false);
  const f = useForm({
    initial: (): Form => EMPTY,
    schema: ZLinkFamilyRequest,
    toRequest: (v) => ({
      centreId: centre.centreId as number,
      elderName: v.elderName,
      phoneTail: v.phoneTail.trim(),
      ...(v.relation ? { relationNote: v.relation } : {}),
    }),
    // The schema says 请填写姓名; here the name asked for is the elder's, not the applicant's.
    check: (v) => (v.elderName.trim() ? {} : { elderName: '请填写老人姓名' }),
    blocked: () => (centre.centreId ? null : '请先选择日间照料中心'),
    before: () => requestSubscribe(['booking_update']),
    send: (request) => bookings.linkFamily(request),
    onSuccess: () => {
      f.reset();
      setApplying(false);
      links.reload();
    },
    errorText: (e) => (e.code === 'NOT_FOUND' ? '没有找到这位老人。请核对姓名和手机号后4位，或请老人先到日间照料中心建档。' : e.message),
  });
  const { values: form, errors, set } = f;

  const list = links.data ?? [];
  const showForm = applying || (links.data !== null && list.length === 0);

  return (
    <Page title='为家人订餐'>
      <StateView loading={links.loading && !links.data} error={links.error} onRetry={links.reload} />
      {list.length ? (
        <View role='list' aria-label='我关联的老人' data-testid='link-list'>
          {list.map((l) => (
            <LinkCard key={l.id} link={l} />
          ))}
        </View>
      ) : null}

      {showForm ? (
        <>
          <Section
            title='申请关联家里的老人'
            hint='老人在日间照料中心建档后，子女或亲属可以申请关联，为老人订餐、查看订餐。您不住在一起也可以申请。'
            className='fam__intro'
          />
          <CentrePicker centre={centre} emptyText='暂时没有日间照料中心开通助餐服务，请联系社区。' />
          {centre.centreId ? (
            <View className='card'>
              <Field
                id='fam-name'
                label='老人姓名'
                value={form.elderName}
                maxlength={LIMITS.nameMax}
                onChange={(v) => set('elderName', v)}
                error={errors.elderName}
              />
              <Field
                id='fam-tail'
                label='老人手机号后4位'
                type='number'
                maxlength={4}
                placeholder='例如 0001'
                value={form.phoneTail}
                onChange={(v) => set('phoneTail', v)}
                error={errors.phoneTail}
              />
              <ChoiceGroup id='fam-relation' label='您是老人的' options={RELATIONS} value={form.relation} onChange={(v) => set('relation', v)} />
              {f.formError ? (
                <View className='notice' role='alert' data-testid='link-error'>
                  {f.formError}
                </View>
              ) : null}
              <BusyButton label='提交申请' busy={f.busy} busyLabel='提交中…' onClick={f.submit} testId='link-submit' />
            </View>
          ) : null}
        </>
      ) : links.data ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='link-another' onClick={() => setApplying(true)}>
          关联另一位老人
        </View>
      ) : null}
    </Page>
  );
}

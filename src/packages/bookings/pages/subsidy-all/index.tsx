import { useRouter } from '@tarojs/taro';
import Page from '../../../../components/Page';
import SubsidyReport from '../../components/SubsidyReport';

/**
 * 辖区助餐补贴 (community / street staff): the month's subsidy over every day-care centre in the
 * caller's scope — per tier, per centre, elders' names masked — to check the centres' claims and
 * export them as one spreadsheet.
 */
export default function SubsidyRollUpPage() {
  const { params } = useRouter();
  return (
    <Page title='辖区助餐补贴' className='sub'>
      <SubsidyReport month={params.month} />
    </Page>
  );
}

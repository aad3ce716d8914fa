import { useRouter } from '@tarojs/taro';
import Page from '../../../../components/Page';
import CentrePicker from '../../components/CentrePicker';
import SubsidyReport from '../../components/SubsidyReport';
import { queryId, useCentre } from '../../use-centre';

/**
 * 补贴月报 (centre staff, and community / street staff over the centre): one centre's month of meals
 * per subsidy tier, for the claim to the civil-affairs office; exported as a spreadsheet, printable.
 */
export default function SubsidyPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  return (
    <Page title='助餐补贴月报' className='sub'>
      <CentrePicker centre={centre} emptyText='您不是日间照料中心的工作人员。' />
      {centre.centreId ? <SubsidyReport key={centre.centreId} centreId={centre.centreId} month={params.month} /> : null}
    </Page>
  );
}

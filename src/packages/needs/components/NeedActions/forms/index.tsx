import { needs } from '../../../../../services/needs';
import { reopenHint, type ButtonAction } from '../actions';
import DispatchForm from './DispatchForm';
import HoldForm from './HoldForm';
import MergeForm from './MergeForm';
import RateForm from './RateForm';
import ReasonForm from './ReasonForm';
import RejectForm from './RejectForm';
import ResolveForm from './ResolveForm';
import type { FormProps } from './types';

/** The form an action opens under the buttons; null for actions that run on tap. */
export default function ActionForm({ action, ...form }: FormProps & { action: ButtonAction }) {
  const { need, run } = form;
  switch (action) {
    case 'rate':
      return <RateForm {...form} />;
    case 'reopen':
      return (
        <ReasonForm
          {...form}
          label='重新打开的原因'
          confirm='确认重新打开'
          hint={reopenHint(need)}
          submit={(reason) => run(() => needs.reopen({ needId: need.id, reason }))}
        />
      );
    case 'decline':
      return <ReasonForm {...form} label='退单理由' confirm='确认退单' submit={(reason) => run(() => needs.decline({ needId: need.id, reason }))} />;
    case 'hold':
      return <HoldForm {...form} />;
    case 'resolve':
      return <ResolveForm {...form} />;
    case 'dispatch':
    case 'transfer':
      return <DispatchForm {...form} mode={action} />;
    case 'reject':
      return <RejectForm {...form} />;
    case 'merge':
      return <MergeForm {...form} />;
    default:
      return null;
  }
}

import ChoiceGroup from '../../../components/ChoiceGroup';
import { CLOSE_AT, OPEN_AT, dayLabel } from '../format';

/** How long a vote may run, in days (the last day closes at CLOSE_AT). */
export const VOTING_DAYS = [3, 7, 14];

/**
 * A vote's window as organisers choose it: the opening day (after the notice period: `days`) and
 * how many days it runs. Used when a matter is published and when a new version is published.
 */
export default function VotingWindow({
  idPrefix,
  days,
  value,
  error,
  onChange,
}: {
  idPrefix: string;
  days: string[];
  value: { day: string; votingDays: number };
  error?: string | null;
  onChange: (next: { day?: string; votingDays?: number }) => void;
}) {
  return (
    <>
      <ChoiceGroup
        id={`${idPrefix}-day`}
        label={`投票开始日（当天 ${OPEN_AT} 开始）`}
        options={days.map((d) => ({ value: d, label: dayLabel(d) }))}
        value={value.day}
        onChange={(v) => onChange({ day: v })}
        error={error}
      />
      <ChoiceGroup
        id={`${idPrefix}-length`}
        label={`投票天数（最后一天 ${CLOSE_AT} 截止）`}
        options={VOTING_DAYS.map((d) => ({ value: d, label: `${d} 天` }))}
        value={value.votingDays}
        onChange={(v) => onChange({ votingDays: v })}
      />
    </>
  );
}

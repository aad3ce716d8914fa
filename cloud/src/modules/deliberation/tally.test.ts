import { computeTally, type TallyInput } from './tally';

const rule = { quorumPercent: 50, approvalPercent: 50 };
const g = (optionIndex: number, n: number, channel: 'online' | 'meeting' | 'proxy' = 'online') => ({ optionIndex, channel, n });

/** Hand-computed: eligible, ballots per option (and channel), the rule → participation, quorum, leader, approved. */
const TABLE: [string, TallyInput, { ballots: number; participationPercent: number; counts: number[]; quorumMet: boolean; leadingOption: number | null; approved: boolean }][] = [
  ['no ballots', { eligible: 10, options: 2, groups: [], ...rule }, { ballots: 0, participationPercent: 0, counts: [0, 0], quorumMet: false, leadingOption: null, approved: false }],
  ['exactly the quorum, 3 of 5 for', { eligible: 10, options: 2, groups: [g(0, 3), g(1, 2)], ...rule }, { ballots: 5, participationPercent: 50, counts: [3, 2], quorumMet: true, leadingOption: 0, approved: true }],
  ['one short of the quorum', { eligible: 10, options: 2, groups: [g(0, 4)], ...rule }, { ballots: 4, participationPercent: 40, counts: [4, 0], quorumMet: false, leadingOption: 0, approved: false }],
  ['a tie is not approved', { eligible: 10, options: 2, groups: [g(0, 3), g(1, 3)], ...rule }, { ballots: 6, participationPercent: 60, counts: [3, 3], quorumMet: true, leadingOption: null, approved: false }],
  ['exactly half is not more than half', { eligible: 8, options: 3, groups: [g(0, 3), g(1, 2), g(2, 1)], ...rule }, { ballots: 6, participationPercent: 75, counts: [3, 2, 1], quorumMet: true, leadingOption: 0, approved: false }],
  [
    'channels add up; 7 of 12 for in 20 households',
    { eligible: 20, options: 3, groups: [g(0, 5), g(0, 2, 'meeting'), g(1, 3, 'proxy'), g(2, 2)], ...rule },
    { ballots: 12, participationPercent: 60, counts: [7, 3, 2], quorumMet: true, leadingOption: 0, approved: true },
  ],
  [
    'a two-thirds rule: 10 of 15 is not more than 2/3 at 66 %? it is (1000 > 990)',
    { eligible: 15, options: 2, groups: [g(0, 10), g(1, 5)], quorumPercent: 67, approvalPercent: 66 },
    { ballots: 15, participationPercent: 100, counts: [10, 5], quorumMet: true, leadingOption: 0, approved: true },
  ],
  ['participation rounds to one decimal: 1 of 3', { eligible: 3, options: 2, groups: [g(1, 1)], ...rule }, { ballots: 1, participationPercent: 33.3, counts: [0, 1], quorumMet: false, leadingOption: 1, approved: false }],
];

describe('the household-vote tally', () => {
  it.each(TABLE)('%s', (_name, input, expected) => {
    expect(computeTally(input)).toMatchObject(expected);
  });

  it('counts ballots by channel', () => {
    expect(computeTally({ eligible: 5, options: 2, groups: [g(0, 1), g(1, 2, 'meeting'), g(0, 1, 'proxy')], ...rule }).byChannel).toEqual({ online: 1, meeting: 2, proxy: 1 });
  });
});

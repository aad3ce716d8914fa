import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CompoundHomeDTO } from '@hg/types';
import { ROUTES } from '../../routes';
import { click, flush } from '../../test-utils';
import CompoundHome from './index';
import { compoundHome as baseCompoundHome } from './test-fixtures';

/** A compound home as `community.getCompound` answers it, with one day-care centre. */
const compoundHome = (over: Partial<CompoundHomeDTO> = {}): CompoundHomeDTO =>
  baseCompoundHome({
    careCentres: [
      {
        id: 7,
        name: '南街社区日间照料中心',
        hotline: '0817-0000301',
        nextSittings: [
          { slotId: 101, day: '2030-03-05', title: '午餐', dishes: ['番茄炒蛋', '冬瓜排骨汤'], seatsLeft: 12 },
          { slotId: 102, day: '2030-03-05', title: '晚餐', dishes: [], seatsLeft: 0 },
        ],
      },
    ],
    ...over,
  });

beforeEach(() => jest.clearAllMocks());

describe('CompoundHome', () => {
  it("shows the centres' next sittings with dishes and seats, and opens the centre's menu in one tap", async () => {
    render(<CompoundHome compound={compoundHome()} />);
    await flush();
    const card = within(screen.getByTestId('care-centre-7'));
    expect(card.getByText('日间照料中心 · 助餐')).toBeTruthy();
    expect(card.getByText('南街社区日间照料中心')).toBeTruthy();
    expect(card.getByText('3月5日 周二 午餐')).toBeTruthy();
    expect(card.getByText('番茄炒蛋、冬瓜排骨汤')).toBeTruthy();
    expect(card.getByText('剩 12 份')).toBeTruthy();
    expect(card.getByText('已满')).toBeTruthy();
    await click(card.getByTestId('care-order-7'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bookingWeek}?centreId=7` });
  });

  it('shows no meal card when no centre serves the compound', async () => {
    render(<CompoundHome compound={compoundHome({ careCentres: [] })} />);
    await flush();
    expect(screen.queryByText('日间照料中心 · 助餐')).toBeNull();
    expect(screen.getByText('锦屏花园')).toBeTruthy();
  });
});

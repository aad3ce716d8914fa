import { render, screen } from '@testing-library/react';
import { addMonths, localMonth } from '@hg/types/local-time';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush } from '../../../../test-utils';
import { subsidy } from '../../test-fixtures';
import SubsidyPage from './index';

jest.mock('../../../../services/bookings');

const svc = bookings as jest.Mocked<typeof bookings>;
const thisMonth = localMonth(new Date());

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingSubsidy, { centreId: '7' });
  svc.subsidyReport.mockImplementation(async ({ month }) => ({ ok: true, data: subsidy({ month }) }));
});

describe('助餐补贴月报', () => {
  it('shows this month per tier in 元 with totals, and steps back a month (never past this one)', async () => {
    render(<SubsidyPage />);
    await flush();
    expect(svc.subsidyReport).toHaveBeenCalledWith({ centreId: 7, month: thisMonth });
    expect(screen.queryByTestId('month-next')).toBeNull();
    expect(screen.getByTestId('tier-age80').textContent).toContain('80岁以上');
    expect(screen.getByTestId('tier-age80').textContent).toContain('160.00元');
    expect(screen.getByTestId('subsidy-total').textContent).toContain('57');
    expect(screen.getByTestId('subsidy-total').textContent).toContain('226.00元');
    await click(screen.getByTestId('month-prev'));
    await flush();
    expect(svc.subsidyReport).toHaveBeenLastCalledWith({ centreId: 7, month: addMonths(thisMonth, -1) });
    expect(screen.getByTestId('month-next')).toBeTruthy();
  });

  it('lists meals of unverified elders apart, outside the claim', async () => {
    svc.subsidyReport.mockResolvedValue({ ok: true, data: subsidy({ month: thisMonth, unverified: { meals: 3, elders: 1, subsidyFen: 1800 } }) });
    render(<SubsidyPage />);
    await flush();
    const note = screen.getByTestId('subsidy-unverified').textContent;
    expect(note).toContain('3 餐');
    expect(note).toContain('18.00元');
    expect(note).toContain('未计入申报');
  });

  it('steps across a year', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
  });
});

import { render, screen } from '@testing-library/react';
import { addMonths, localMonth } from '@hg/types/local-time';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { bookings } from '../../../../services/bookings';
import { ROUTES } from '../../../../routes';
import { click, flush } from '../../../../test-utils';
import { saveExport } from '../../../../services/export-file';
import { subsidy } from '../../test-fixtures';
import SubsidyRollUpPage from '../subsidy-all/index';
import SubsidyPage from './index';

jest.mock('../../../../services/bookings');
jest.mock('../../../../services/export-file');

const svc = bookings as jest.Mocked<typeof bookings>;
const thisMonth = localMonth(new Date());

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter(ROUTES.bookingSubsidy, { centreId: '7' });
  svc.subsidyReport.mockImplementation(async ({ month }) => ({ ok: true, data: subsidy({ month }) }));
  (saveExport as jest.Mock).mockResolvedValue(null);
});

const file = {
  filename: '南街社区日间照料中心助餐补贴_2030-03.xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  base64: 'UEsDBA==',
  url: null,
  fileId: null,
  bytes: 4,
  rows: 3,
};

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

  it('exports the month shown as a spreadsheet (.xlsx) and says so when the platform cannot save it', async () => {
    svc.exportSubsidyReport.mockResolvedValue({ ok: true, data: file });
    render(<SubsidyPage />);
    await flush();
    await click(screen.getByTestId('month-prev'));
    await flush();
    await click(screen.getByTestId('subsidy-export'));
    await flush();
    expect(svc.exportSubsidyReport).toHaveBeenCalledWith({ centreId: 7, month: addMonths(thisMonth, -1), format: 'xlsx' });
    expect(saveExport).toHaveBeenCalledWith(file);
    expect(screen.queryByTestId('subsidy-export-error')).toBeNull();
    (saveExport as jest.Mock).mockResolvedValue('当前平台不支持导出');
    await click(screen.getByTestId('subsidy-export'));
    await flush();
    expect(screen.getByTestId('subsidy-export-error').textContent).toBe('当前平台不支持导出');
  });

  it('辖区助餐补贴: community / street staff see every centre of their scope, per centre, with a month picker and the export — no centre asked for', async () => {
    __setRouter(ROUTES.bookingSubsidyAll);
    svc.subsidyReport.mockImplementation(async ({ month }) => ({
      ok: true,
      data: subsidy({
        month,
        centre: null,
        scopeLabel: '辖区 2 个日间照料中心',
        centres: [
          { id: 7, name: '南街社区日间照料中心', meals: 40, subsidyFen: 16000, payFen: 32000 },
          { id: 8, name: '书院街社区日间照料中心', meals: 17, subsidyFen: 6600, payFen: 13800 },
        ],
      }),
    }));
    svc.exportSubsidyReport.mockResolvedValue({ ok: true, data: { ...file, filename: '辖区 2 个日间照料中心助餐补贴_2030-03.xlsx' } });
    render(<SubsidyRollUpPage />);
    await flush();
    expect(svc.centres).not.toHaveBeenCalled();
    expect(svc.subsidyReport).toHaveBeenCalledWith({ month: thisMonth });
    expect(screen.getByTestId('subsidy-scope').textContent).toBe('辖区 2 个日间照料中心');
    expect(screen.getByTestId('subsidy-centres').textContent).toContain('书院街社区日间照料中心：17 餐，补贴 66.00元');
    await click(screen.getByTestId('month-prev'));
    await flush();
    expect(svc.subsidyReport).toHaveBeenLastCalledWith({ month: addMonths(thisMonth, -1) });
    await click(screen.getByTestId('subsidy-export'));
    await flush();
    expect(svc.exportSubsidyReport).toHaveBeenCalledWith({ month: addMonths(thisMonth, -1), format: 'xlsx' });
    expect(saveExport).toHaveBeenCalled();
  });

  it('steps across a year', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
  });
});

import { render, screen } from '@testing-library/react';
import { bookings } from '../../../../services/bookings';
import { click, typeInto } from '../../../../test-utils';
import { booking } from '../../test-fixtures';
import BookingRemark, { RemarkLine } from './index';

jest.mock('../../../../services/bookings');
const svc = bookings as jest.Mocked<typeof bookings>;

describe('备注 on a booking', () => {
  beforeEach(() => jest.clearAllMocks());

  it('adds a remark while the booking allows it, sends the whole remark, and shows what the server kept', async () => {
    const onChange = jest.fn();
    const open = booking(5, { can: ['cancel', 'remark'] });
    svc.remark.mockResolvedValue({ ok: true, data: { ...open, remark: { text: '少盐', voiceNote: null } } });
    render(<BookingRemark booking={open} onChange={onChange} />);
    expect(screen.getByTestId('remark-open-5').textContent).toContain('添加备注');
    await click(screen.getByTestId('remark-open-5'));
    await typeInto(await screen.findByLabelText('备注'), ' 少盐 ');
    await click(screen.getByTestId('remark-save-5'));
    expect(svc.remark).toHaveBeenCalledWith({ bookingId: 5, remark: '少盐' });
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ remark: { text: '少盐', voiceNote: null } }));
  });

  it('refuses more than 50 characters beside the field, and shows a server refusal', async () => {
    render(<BookingRemark booking={booking(6, { can: ['remark'] })} onChange={jest.fn()} />);
    await click(screen.getByTestId('remark-open-6'));
    await typeInto(await screen.findByLabelText('备注'), '软'.repeat(51));
    await click(screen.getByTestId('remark-save-6'));
    expect(svc.remark).not.toHaveBeenCalled();
    expect(screen.getByTestId('remark-text-6-error').textContent).toContain('50');

    svc.remark.mockResolvedValue({ ok: false, error: { code: 'INVALID_TRANSITION', message: '已过截止时间或预订已结束，备注请电话告诉中心' } });
    await typeInto(await screen.findByLabelText('备注'), '软一点');
    await click(screen.getByTestId('remark-save-6'));
    expect(screen.getByTestId('remark-error-6').textContent).toContain('请电话告诉中心');
  });

  it('shows a remark read-only once the booking no longer takes one, with its voice note to play', () => {
    const remark = { text: null, voiceNote: { fileId: 'local/x.wav', url: '/uploads/x.wav', durationSec: 7 } };
    render(<BookingRemark booking={booking(7, { can: [], remark })} onChange={jest.fn()} />);
    expect(screen.queryByTestId('remark-open-7')).toBeNull();
    expect(screen.getByTestId('remark-7').textContent).toContain('（语音）');
    expect(screen.getByTestId('remark-7-voice')).toBeTruthy();
  });

  it('renders nothing without a remark when none may be added', () => {
    const { container } = render(<BookingRemark booking={booking(8, { can: [] })} onChange={jest.fn()} />);
    expect(container.textContent).toBe('');
  });

  it('reads a remark for the kitchen and the round: words and the voice note', () => {
    render(<RemarkLine remark={{ text: '送餐请敲门', voiceNote: { fileId: 'local/y.wav', url: '/uploads/y.wav', durationSec: 4 } }} testId='r' />);
    expect(screen.getByTestId('r').textContent).toContain('备注：送餐请敲门');
    expect(screen.getByTestId('r-voice')).toBeTruthy();
  });
});

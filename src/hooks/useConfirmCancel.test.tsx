import { act, render, screen } from '@testing-library/react';
import type { Envelope } from '@hg/types';
import { click, flush } from '../test-utils';
import { useConfirmCancel } from './useConfirmCancel';

type Send = (action: 'accept' | 'cancel') => Promise<Envelope<string>>;

/** A ticket wired the way BookingTicket and ReservationTicket wire it. */
function Ticket({ send, onDone }: { send: Send; onDone: (status: string, action: string) => void }) {
  const t = useConfirmCancel<'accept', string>(send, onDone);
  return (
    <>
      <button onClick={t.ask}>{t.busy === 'cancel' ? '取消中…' : '取消预约'}</button>
      <button onClick={() => void t.run('accept')}>{t.busy === 'accept' ? '确认中…' : '确认候补'}</button>
      {t.error ? <p role='alert'>{t.error}</p> : null}
      {t.asking ? (
        <div role='alertdialog'>
          <button onClick={() => void t.run('cancel')}>是，取消</button>
          <button onClick={t.dismiss}>不取消</button>
        </div>
      ) : null}
    </>
  );
}

describe('useConfirmCancel', () => {
  it('asks first; 不取消 changes nothing; yes sends once however many taps, then hands back the record', async () => {
    let answer: (e: Envelope<string>) => void = () => undefined;
    const send = jest.fn<ReturnType<Send>, Parameters<Send>>(() => new Promise((resolve) => (answer = resolve)));
    const onDone = jest.fn();
    render(<Ticket send={send} onDone={onDone} />);
    await click(screen.getByText('取消预约'));
    await click(screen.getByText('不取消'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();

    await click(screen.getByText('取消预约'));
    await click(screen.getByText('是，取消'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByText('取消中…')).toBeTruthy();
    // Taps while the first is under way: no second request, no second question.
    await click(screen.getByText('确认候补'));
    await click(screen.getByText('取消中…'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
    await act(async () => answer({ ok: true, data: 'cancelled' }));
    await flush(0);
    expect(onDone).toHaveBeenCalledWith('cancelled', 'cancel');
    expect(screen.getByText('取消预约')).toBeTruthy();
  });

  it("shows the server's refusal and lets the person try again", async () => {
    const send = jest
      .fn<ReturnType<Send>, Parameters<Send>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_TRANSITION', message: '已过截止时间，不能取消' } })
      .mockResolvedValueOnce({ ok: true, data: 'booked' });
    const onDone = jest.fn();
    render(<Ticket send={send} onDone={onDone} />);
    await click(screen.getByText('确认候补'));
    await flush(0);
    expect(screen.getByRole('alert').textContent).toBe('已过截止时间，不能取消');
    expect(onDone).not.toHaveBeenCalled();
    await click(screen.getByText('确认候补'));
    await flush(0);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onDone).toHaveBeenCalledWith('booked', 'accept');
  });
});

import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Envelope } from '@hg/types';
import { ZLookupHouseholdRequest, type TLookupHouseholdRequest } from '@hg/types/schemas';
import { __storage } from '../../test/mocks/taro';
import BusyButton from '../components/BusyButton';
import { click, flush } from '../test-utils';
import { type FieldErrors, useForm } from './useForm';

interface Values {
  unitId: number | null;
  room: string;
}
type Sent = Envelope<{ address: string }>;

/** 代办's room lookup, wired the way a page wires the kit: a picker, a text input, one button. */
function Lookup({
  send,
  check,
  draft = false,
  onDone = () => undefined,
}: {
  send: (req: TLookupHouseholdRequest) => Promise<Sent>;
  check?: (v: Values) => FieldErrors<keyof Values>;
  draft?: boolean;
  onDone?: (address: string) => void;
}) {
  const f = useForm({
    initial: (): Values => ({ unitId: null, room: '' }),
    schema: ZLookupHouseholdRequest,
    toRequest: (v) => ({ unitId: v.unitId as number, room: v.room }),
    required: { unitId: '请选择单元' },
    check,
    ...(draft ? { draft: { key: 'lookup', worth: (v: Values) => !!v.room.trim() } } : {}),
    send,
    onSuccess: (data) => onDone(data.address),
    errorText: (e) => (e.code === 'NOT_FOUND' ? '没有找到这户，请核对房号' : e.message),
  });
  return (
    <>
      {f.restored ? <p>已恢复</p> : null}
      <button aria-pressed={f.values.unitId === 7} onClick={() => f.set('unitId', 7)}>
        1单元
      </button>
      {f.errors.unitId ? <p data-testid='unit-error'>{f.errors.unitId}</p> : null}
      <input aria-label='房号' value={f.values.room} onChange={(e) => f.set('room', e.target.value)} />
      {f.errors.room ? <p data-testid='room-error'>{f.errors.room}</p> : null}
      {f.formError ? <p role='alert'>{f.formError}</p> : null}
      <BusyButton label='查询' busyLabel='查询中…' busy={f.busy} onClick={f.submit} />
    </>
  );
}

const typeRoom = async (value: string) => {
  await act(async () => {
    fireEvent.change(screen.getByLabelText('房号'), { target: { value } });
  });
};
const ok = (address = '2栋1单元502'): Sent => ({ ok: true, data: { address } });
const drafts = () => [...__storage.keys()].filter((k) => k.startsWith('hg.draft.'));

beforeEach(() => {
  __storage.clear();
  __storage.set('hg.session.user', { id: 5, name: '王秀兰' });
});

describe('useForm', () => {
  it('checks the values with the request schema from types/: every problem at once, beside its field, in plain words', async () => {
    const send = jest.fn(async () => ok());
    render(<Lookup send={send} />);
    await click(screen.getByRole('button', { name: '查询' }));
    // A picker left empty reads as the page's words, not the schema's 「必须是数字编号」.
    expect(screen.getByTestId('unit-error').textContent).toBe('请选择单元');
    expect(screen.getByTestId('room-error').textContent).toBe('请填写房号');
    expect(send).not.toHaveBeenCalled();

    await typeRoom('5#02');
    expect(screen.queryByTestId('room-error')).toBeNull();
    await click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByTestId('room-error').textContent).toBe('房号只能包含数字、字母和-');
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the request as the schema parsed it (trimmed), and runs the page rule the schema cannot know first', async () => {
    const send = jest.fn(async () => ok());
    const done = jest.fn();
    const check = (v: Values) => (v.room.trim() === '0' ? { room: '没有0号房' } : {});
    render(<Lookup send={send} check={check} onDone={done} />);
    await click(screen.getByRole('button', { name: '1单元' }));
    await typeRoom('0');
    await click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByTestId('room-error').textContent).toBe('没有0号房');
    expect(send).not.toHaveBeenCalled();

    await typeRoom('  502 ');
    await click(screen.getByRole('button', { name: '查询' }));
    expect(send).toHaveBeenCalledWith({ unitId: 7, room: '502' });
    expect(done).toHaveBeenCalledWith('2栋1单元502');
  });

  it('puts the server INVALID_INPUT error beside the field its details name, and any other error above the button', async () => {
    const send = jest
      .fn<Promise<Sent>, [TLookupHouseholdRequest]>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: '房号不存在于该单元', details: { field: 'room' } } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: '请求格式错误', details: { field: 'action' } } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'not found' } });
    render(<Lookup send={send} />);
    await click(screen.getByRole('button', { name: '1单元' }));
    await typeRoom('502');

    await click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByTestId('room-error').textContent).toBe('房号不存在于该单元');
    expect(screen.queryByRole('alert')).toBeNull();

    await click(screen.getByRole('button', { name: '查询' }));
    expect(screen.queryByTestId('room-error')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('请求格式错误');

    await click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByRole('alert').textContent).toBe('没有找到这户，请核对房号');
  });

  it('keeps a draft per person that survives leaving the page, and clears it once the server took the form', async () => {
    const send = jest.fn(async () => ok());
    const first = render(<Lookup send={send} draft />);
    await flush(0);
    expect(drafts()).toEqual([]);
    await typeRoom('502');
    expect(drafts()).toEqual(['hg.draft.u5.lookup']);
    first.unmount();

    const again = render(<Lookup send={send} draft />);
    expect((screen.getByLabelText('房号') as HTMLInputElement).value).toBe('502');
    expect(screen.getByText('已恢复')).toBeTruthy();
    await click(screen.getByRole('button', { name: '1单元' }));
    await click(screen.getByRole('button', { name: '查询' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(drafts()).toEqual([]);
    expect(screen.queryByText('已恢复')).toBeNull();
    again.unmount();

    render(<Lookup send={send} draft />);
    expect((screen.getByLabelText('房号') as HTMLInputElement).value).toBe('');
  });

  it('submits once however fast the taps come, shows it is busy, and can send again after the answer', async () => {
    let answer: (r: Sent) => void = () => undefined;
    const send = jest.fn(() => new Promise<Sent>((resolve) => (answer = resolve)));
    render(<Lookup send={send} />);
    await click(screen.getByRole('button', { name: '1单元' }));
    await typeRoom('502');

    const button = screen.getByRole('button', { name: '查询' });
    // Two taps in the same frame: the second one sees the state from before the first.
    await act(async () => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    await click(button);
    expect(send).toHaveBeenCalledTimes(1);
    expect(button.textContent).toBe('查询中…');
    expect(button.getAttribute('aria-disabled')).toBe('true');

    await act(async () => answer({ ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后再试' } }));
    expect(button.textContent).toBe('查询');
    expect(screen.getByRole('alert').textContent).toBe('网络异常，请稍后再试');
    await click(button);
    expect(send).toHaveBeenCalledTimes(2);
  });
});

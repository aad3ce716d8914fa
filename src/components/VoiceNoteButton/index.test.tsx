import { act, fireEvent, render, screen } from '@testing-library/react';
import type { VoiceNoteDTO } from '@hg/types';
import type { RecorderEngine, VoiceClip } from '../../hooks/useRecorder.core';
import VoiceNoteButton from '.';

/** A recorder that captures whatever the test says: the platform engines are tested on their own. */
const engine = {
  start: jest.fn(async () => undefined),
  stop: jest.fn(async (): Promise<VoiceClip | string> => clip),
  cancel: jest.fn(),
};
const note: VoiceNoteDTO = { fileId: 'local/abc.wav', url: '/uploads/abc.wav', durationSec: 4 };
let clip: VoiceClip;

jest.mock('../../hooks/useRecorder', () => {
  const core = jest.requireActual('../../hooks/useRecorder.core');
  return { ...core, useRecorder: (onClip: (c: VoiceClip) => void) => core.useRecorderWith((): RecorderEngine => engine, onClip) };
});

const touch = (y: number) => ({ touches: [{ clientX: 100, clientY: y }] });

describe('VoiceNoteButton', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    clip = { durationSec: 4, upload: jest.fn(async () => ({ ok: true as const, data: note })) };
  });

  it('hold to speak: the seconds run while held, release uploads the note and hands it over', async () => {
    jest.useFakeTimers();
    const onChange = jest.fn();
    const onBusy = jest.fn();
    render(<VoiceNoteButton value={null} onChange={onChange} onBusy={onBusy} testId='v' />);
    const hold = screen.getByTestId('v-hold');
    await act(async () => {
      fireEvent.touchStart(hold, touch(400));
    });
    expect(engine.start).toHaveBeenCalledTimes(1);
    act(() => jest.advanceTimersByTime(3_100));
    expect(hold.textContent).toContain('正在录音 3秒 / 60秒，松开结束');
    expect(screen.getByTestId('v-cancel')).toBeTruthy();
    await act(async () => {
      fireEvent.touchEnd(hold);
    });
    expect(engine.stop).toHaveBeenCalledTimes(1);
    expect(clip.upload).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(note);
    expect(onBusy.mock.calls.map((c) => c[0])).toEqual([true, false]);
    jest.useRealTimers();
  });

  it('sliding the finger up off the button and letting go cancels; so does 取消', async () => {
    const onChange = jest.fn();
    render(<VoiceNoteButton value={null} onChange={onChange} testId='v' />);
    const hold = screen.getByTestId('v-hold');
    await act(async () => {
      fireEvent.touchStart(hold, touch(400));
    });
    fireEvent.touchMove(hold, touch(300));
    expect(hold.textContent).toContain('松开手指，取消录音');
    await act(async () => {
      fireEvent.touchEnd(hold);
    });
    expect(engine.cancel).toHaveBeenCalledTimes(1);
    expect(engine.stop).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.touchStart(hold, touch(400));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('v-cancel'));
    });
    expect(engine.cancel).toHaveBeenCalledTimes(2);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('an upload refused by the server is said under the button; a recorded note plays and can be removed', async () => {
    clip.upload = jest.fn(async () => ({ ok: false as const, error: { code: 'PAYLOAD_TOO_LARGE' as const, message: '语音不能超过 60 秒' } }));
    const onChange = jest.fn();
    const { rerender } = render(<VoiceNoteButton value={null} onChange={onChange} testId='v' />);
    const hold = screen.getByTestId('v-hold');
    await act(async () => {
      fireEvent.touchStart(hold, touch(400));
    });
    await act(async () => {
      fireEvent.touchEnd(hold);
    });
    expect(screen.getByTestId('v-error').textContent).toBe('语音不能超过 60 秒');
    expect(onChange).not.toHaveBeenCalled();

    rerender(<VoiceNoteButton value={note} onChange={onChange} testId='v' />);
    expect(screen.getByTestId('v-player-time').textContent).toBe('0:04');
    fireEvent.click(screen.getByTestId('v-remove'));
    expect(onChange).toHaveBeenCalledWith(null);
  });

  it('is a large target: at least 60×60 px in any design width (160 design px)', () => {
    const scss = require('node:fs').readFileSync(require('node:path').join(__dirname, 'index.scss'), 'utf8') as string;
    const rule = /\.vnote__hold \{([^}]*)\}/.exec(scss)?.[1] ?? '';
    expect(Number(/min-height: (\d+)px/.exec(rule)?.[1])).toBeGreaterThanOrEqual(120);
    expect(Number(/min-width: (\d+)px/.exec(rule)?.[1])).toBeGreaterThanOrEqual(120);
  });
});

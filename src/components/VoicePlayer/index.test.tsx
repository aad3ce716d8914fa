import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VoicePlayer, { clock } from '.';

/** WeChat's InnerAudioContext (Taro's <audio> wrapper on H5): the test fires its events. */
function mockAudio() {
  const on: Record<string, () => void> = {};
  const audio = {
    src: '',
    currentTime: 0,
    play: jest.fn(),
    pause: jest.fn(),
    destroy: jest.fn(),
    ...Object.fromEntries(['onPlay', 'onTimeUpdate', 'onPause', 'onStop', 'onEnded', 'onError'].map((k) => [k, jest.fn((cb: () => void) => (on[k] = cb))])),
  };
  (Taro as unknown as Record<string, unknown>).createInnerAudioContext = jest.fn(() => audio);
  return { audio, fire: (k: string) => act(() => on[k]()) };
}

describe('VoicePlayer', () => {
  it('shows the length, plays on a tap with the position, pauses on the next, and is destroyed with the page', () => {
    const { audio, fire } = mockAudio();
    const { unmount } = render(<VoicePlayer url='/uploads/abc.wav' durationSec={7} label='居民语音' testId='p' />);
    const toggle = screen.getByTestId('p-toggle');
    expect(screen.getByTestId('p-time').textContent).toBe('0:07');
    expect(toggle.textContent).toBe('▶播放居民语音0:07');

    fireEvent.click(toggle);
    expect(audio.src).toBe('/uploads/abc.wav');
    expect(audio.play).toHaveBeenCalledTimes(1);
    fire('onPlay');
    audio.currentTime = 2.4;
    fire('onTimeUpdate');
    expect(screen.getByTestId('p').getAttribute('data-state')).toBe('playing');
    expect(screen.getByTestId('p-time').textContent).toBe('0:02 / 0:07');

    fireEvent.click(toggle);
    expect(audio.pause).toHaveBeenCalledTimes(1);
    fire('onPause');
    expect(screen.getByTestId('p').getAttribute('data-state')).toBe('idle');
    unmount();
    expect(audio.destroy).toHaveBeenCalled();
  });

  it('says so when the note cannot be played', () => {
    const { fire } = mockAudio();
    render(<VoicePlayer url='/uploads/abc.wav' durationSec={3} testId='p' />);
    fireEvent.click(screen.getByTestId('p-toggle'));
    fire('onError');
    expect(screen.getByRole('alert').textContent).toBe('语音无法播放，请稍后再试');
  });

  it('reads minutes and seconds', () => {
    expect([0, 9, 60, 61.9].map(clock)).toEqual(['0:00', '0:09', '1:00', '1:01']);
  });
});

import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import { photoSrc } from '../../services/upload';
import './index.scss';

export interface VoicePlayerProps {
  /** The stored note's URL (gateway path on H5, cloud fileID on weapp) or a local recording. */
  url: string;
  durationSec: number;
  /** What the note is, for the button's accessible name (「需求语音」, 「留言语音」). */
  label?: string;
  testId?: string;
}

const defaults = { label: '语音', testId: 'voice-player' } satisfies Partial<VoicePlayerProps>;

export type PlayerState = 'idle' | 'loading' | 'playing' | 'error';

/** 0:07 — minutes and seconds, as a phone shows a voice message. */
export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/**
 * Play / pause for a voice note (语音留言), with its length and, while playing, the position. One
 * InnerAudioContext per player (an <audio> on H5, WeChat's player in the mini-program, which plays
 * the WAV the recorder made and cloud fileIDs directly), made on the first tap and destroyed with
 * the player. The button's words are its name (播放居民语音 0:07; axe's label-content rule).
 * `data-state` and `data-position` tell tests what a listener hears.
 */
export default function VoicePlayer(props: VoicePlayerProps) {
  const { url, durationSec, label, testId } = withDefaults(props, defaults);
  const [state, setState] = useState<PlayerState>('idle');
  const [position, setPosition] = useState(0);
  const audio = useRef<Taro.InnerAudioContext | null>(null);

  useEffect(
    () => () => {
      audio.current?.destroy();
      audio.current = null;
    },
    [url],
  );

  const contextFor = () => {
    if (audio.current) return audio.current;
    const a = Taro.createInnerAudioContext();
    a.src = photoSrc(url);
    a.onPlay(() => setState('playing'));
    a.onTimeUpdate(() => setPosition(a.currentTime));
    a.onPause(() => setState('idle'));
    a.onStop(() => setState('idle'));
    a.onEnded(() => {
      setState('idle');
      setPosition(0);
    });
    a.onError(() => setState('error'));
    audio.current = a;
    return a;
  };

  const toggle = () => {
    const a = contextFor();
    if (state === 'playing') {
      a.pause();
      return;
    }
    setState('loading');
    const played = a.play() as unknown;
    // H5 returns the <audio>'s play() promise: a refusal (autoplay, format) is an error, not silence.
    if (played && typeof (played as Promise<void>).catch === 'function') (played as Promise<void>).catch(() => setState('error'));
  };

  const playing = state === 'playing';
  return (
    <View className={`voice voice--${state}`} data-testid={testId} data-state={state} data-position={position.toFixed(2)}>
      <View className='voice__button' role='button' {...FOCUSABLE} onClick={toggle} data-testid={`${testId}-toggle`}>
        <View className='voice__icon' aria-hidden='true'>
          {playing ? '❚❚' : '▶'}
        </View>
        <View className='voice__text'>{playing ? '暂停' : state === 'loading' ? '加载中…' : `播放${label}`}</View>
        <View className='voice__time' data-testid={`${testId}-time`}>
          {playing || position > 0 ? `${clock(position)} / ` : ''}
          {clock(durationSec)}
        </View>
      </View>
      {state === 'error' ? (
        <View className='voice__error' role='alert'>
          语音无法播放，请稍后再试
        </View>
      ) : null}
    </View>
  );
}

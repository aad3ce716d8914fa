import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import type { CommonEvent } from '@tarojs/components';
import type { VoiceNoteDTO } from '@hg/types';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import VoicePlayer from '../VoicePlayer';
import { MAX_SECONDS, useRecorder, type VoiceClip } from '../../hooks/useRecorder';
import './index.scss';

export interface VoiceNoteButtonProps {
  /** The uploaded note, or null. */
  value: VoiceNoteDTO | null;
  onChange: (note: VoiceNoteDTO | null) => void;
  /** Reports whether an upload is running, so the form can wait before submitting. */
  onBusy?: (busy: boolean) => void;
  /** What the note is for: 「说出您的需求」, 「语音留言」. */
  label?: string;
  error?: string | null;
  testId?: string;
}

const defaults = {
  onBusy: (_busy: boolean) => {},
  label: '按住 说话',
  error: null,
  testId: 'voice-note',
} satisfies Partial<VoiceNoteButtonProps>;

/** How far (design-independent CSS px) a finger slides up off the button before letting go cancels. */
export const CANCEL_SLIDE_PX = 60;
/** Where the first finger is (a touch event on both platforms; Taro types the handlers loosely). */
const yOf = (e: CommonEvent): number | null => {
  const y = (e as unknown as { touches?: { clientY?: number }[] }).touches?.[0]?.clientY;
  return typeof y === 'number' ? y : null;
};
/** A click within this long after a touch is the touch's own click, not a mouse or keyboard press. */
const TOUCH_CLICK_MS = 800;

/**
 * 按住说话: hold to record a voice note of up to 60 s, release to stop; slide the finger away (up)
 * or press 取消 to drop it. The seconds run on the button; at 60 s it stops by itself. The note is
 * uploaded at once (like PhotoPicker's photos), then played back here with 删除 to record again.
 * Without touch (mouse, keyboard, screen reader) a press starts and 完成 stops. The button is
 * far larger than the 60×60 px the 适老化 guidance asks for.
 */
export default function VoiceNoteButton(props: VoiceNoteButtonProps) {
  const { value, onChange, onBusy, label, error, testId } = withDefaults(props, defaults);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [away, setAway] = useState(false);
  const touchY = useRef<number | null>(null);
  const lastTouch = useRef(0);

  const keep = async (clip: VoiceClip) => {
    setUploading(true);
    onBusy(true);
    const res = await clip.upload();
    setUploading(false);
    onBusy(false);
    if (res.ok) onChange(res.data);
    else setProblem(res.error.message);
  };
  const rec = useRecorder((clip) => void keep(clip));
  const active = rec.state === 'starting' || rec.state === 'recording';

  const begin = () => {
    setProblem(null);
    setAway(false);
    void rec.start();
  };
  const onTouchStart = (e: CommonEvent) => {
    lastTouch.current = Date.now();
    touchY.current = yOf(e);
    begin();
  };
  const onTouchMove = (e: CommonEvent) => {
    const y = yOf(e);
    if (touchY.current !== null && typeof y === 'number') setAway(touchY.current - y > CANCEL_SLIDE_PX);
  };
  const onTouchEnd = () => {
    lastTouch.current = Date.now();
    touchY.current = null;
    if (away) rec.cancel();
    else void rec.stop();
    setAway(false);
  };
  const onClick = () => {
    if (Date.now() - lastTouch.current < TOUCH_CLICK_MS) return;
    if (rec.state === 'idle') begin();
  };

  const shown = problem ?? rec.error ?? error;
  if (value)
    return (
      <View className='vnote' data-testid={testId}>
        <VoicePlayer url={value.url} durationSec={value.durationSec} label='录音' testId={`${testId}-player`} />
        <View className='vnote__remove' role='button' {...FOCUSABLE} onClick={() => onChange(null)} data-testid={`${testId}-remove`}>
          删除录音，重新录
        </View>
      </View>
    );

  return (
    <View className='vnote' data-testid={testId}>
      <View
        className={`vnote__hold ${active ? 'vnote__hold--on' : ''} ${away ? 'vnote__hold--away' : ''}`}
        role='button'
        {...FOCUSABLE}
        aria-busy={uploading}
        onTouchStart={onTouchStart}
        onTouchMove={onTouchMove}
        onTouchEnd={onTouchEnd}
        onTouchCancel={() => rec.cancel()}
        onClick={onClick}
        data-testid={`${testId}-hold`}
        data-state={uploading ? 'uploading' : rec.state}
      >
        <View className='vnote__mic' aria-hidden='true'>
          🎤
        </View>
        <View className='vnote__words'>
          {uploading ? '语音上传中…' : active ? (away ? '松开手指，取消录音' : `正在录音 ${rec.seconds}秒 / ${MAX_SECONDS}秒，松开结束`) : label}
        </View>
      </View>
      {active ? (
        <View className='vnote__actions'>
          <View className='vnote__cancel' role='button' {...FOCUSABLE} onClick={() => rec.cancel()} data-testid={`${testId}-cancel`}>
            取消
          </View>
          <View className='vnote__done' role='button' {...FOCUSABLE} onClick={() => void rec.stop()} data-testid={`${testId}-done`}>
            完成
          </View>
        </View>
      ) : (
        <View className='muted vnote__hint'>不方便打字可以按住按钮说话，最长{MAX_SECONDS}秒，松开结束；手指上滑可取消。</View>
      )}
      {shown ? (
        <View className='vnote__error' role='alert' data-testid={`${testId}-error`}>
          {shown}
        </View>
      ) : null}
    </View>
  );
}

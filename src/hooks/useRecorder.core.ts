import { useEffect, useRef, useState } from 'react';
import type { Envelope, VoiceNoteDTO } from '@hg/types';
import { VOICE_RULES } from '@hg/types/needs';

/**
 * The platform-free half of `useRecorder` (see useRecorder.ts): the clip and engine types and the
 * hook's state machine (idle → starting → recording → stopping), its seconds and the stop at 60 s.
 */

/** A finished recording, not yet uploaded. */
export interface VoiceClip {
  /** Whole seconds, 1–60 (VOICE_RULES), as the server takes it. */
  durationSec: number;
  upload(): Promise<Envelope<VoiceNoteDTO>>;
}

/** What each platform provides: start capturing, then stop (keep) or cancel (drop). */
export interface RecorderEngine {
  /** Resolves once capturing runs; rejects with a message a person can read (no microphone, refused). */
  start(): Promise<void>;
  /** Ends the recording: the clip, or an error message (too short, failed). */
  stop(): Promise<VoiceClip | string>;
  cancel(): void;
}

export type RecorderState = 'idle' | 'starting' | 'recording' | 'stopping';

/** The seconds shown while recording and the limit it stops at. */
export const MAX_SECONDS = VOICE_RULES.maxSeconds;

/** Whole seconds as the server takes them (1–60); null when shorter than most of a second. */
export function wholeSeconds(seconds: number): number | null {
  if (!(seconds >= 0.6)) return null;
  return Math.min(VOICE_RULES.maxSeconds, Math.max(VOICE_RULES.minSeconds, Math.round(seconds)));
}

export const TOO_SHORT = '说话时间太短，请按住按钮说话';

/**
 * The hook over a platform engine: state, elapsed seconds, and an automatic stop at 60 s. `onClip`
 * receives each finished recording; a cancelled one never arrives.
 */
export function useRecorderWith(engine: () => RecorderEngine, onClip: (clip: VoiceClip) => void) {
  const [state, setState] = useState<RecorderState>('idle');
  const [seconds, setSeconds] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<RecorderEngine | null>(null);
  const startedAt = useRef(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stateRef = useRef<RecorderState>('idle');
  const clipRef = useRef(onClip);
  clipRef.current = onClip;

  const move = (s: RecorderState) => {
    stateRef.current = s;
    setState(s);
  };
  const clearTimer = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };

  const stop = async () => {
    const rec = current.current;
    if (!rec || stateRef.current !== 'recording') {
      // Released before capturing began: drop it when it starts.
      if (rec && stateRef.current === 'starting') {
        rec.cancel();
        current.current = null;
        move('idle');
        setError(TOO_SHORT);
      }
      return;
    }
    clearTimer();
    move('stopping');
    current.current = null;
    const result = await rec.stop();
    move('idle');
    if (typeof result === 'string') setError(result);
    else clipRef.current(result);
  };

  const start = async () => {
    if (stateRef.current !== 'idle') return;
    setError(null);
    setSeconds(0);
    const rec = engine();
    current.current = rec;
    move('starting');
    try {
      await rec.start();
    } catch (e) {
      current.current = null;
      move('idle');
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    if (current.current !== rec) return; // cancelled while starting
    move('recording');
    startedAt.current = Date.now();
    timer.current = setInterval(() => {
      const s = (Date.now() - startedAt.current) / 1000;
      setSeconds(Math.min(MAX_SECONDS, Math.floor(s)));
      if (s >= MAX_SECONDS) void stop();
    }, 200);
  };

  const cancel = () => {
    clearTimer();
    current.current?.cancel();
    current.current = null;
    move('idle');
    setSeconds(0);
  };

  useEffect(
    () => () => {
      clearTimer();
      current.current?.cancel();
    },
    [],
  );

  return { state, seconds, error, start, stop, cancel, clearError: () => setError(null) };
}

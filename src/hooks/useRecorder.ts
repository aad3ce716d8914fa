import { useRecorderWith, type RecorderEngine, type VoiceClip } from './useRecorder.core';

export * from './useRecorder.core';

/**
 * Hold-to-record voice notes (语音留言). Taro swaps in `useRecorder.weapp.ts` (RecorderManager,
 * WAV 16 kHz mono → cloud storage) or `useRecorder.h5.ts` (getUserMedia + PCM capture, WAV
 * encoded in the page → the gateway's upload). This neutral file serves the type checker and jest;
 * it records nothing (there is no platform to record on).
 */
export function createEngine(): RecorderEngine {
  return {
    start: () => Promise.reject(new Error('当前环境不支持录音')),
    stop: async () => '当前环境不支持录音',
    cancel: () => undefined,
  };
}

export function useRecorder(onClip: (clip: VoiceClip) => void) {
  return useRecorderWith(createEngine, onClip);
}

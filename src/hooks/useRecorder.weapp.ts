import Taro from '@tarojs/taro';
import type { Envelope, VoiceNoteDTO } from '@hg/types';
import { VOICE_RULES } from '@hg/types/needs';
import { TOO_SHORT, useRecorderWith, wholeSeconds, type RecorderEngine, type VoiceClip } from './useRecorder.core';

export * from './useRecorder.core';

/** Into the cloud environment's storage; the fileID is what the need keeps and the player plays. */
async function uploadVoice(filePath: string, durationSec: number): Promise<Envelope<VoiceNoteDTO>> {
  const random = Math.random().toString(36).slice(2, 10);
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `needs/voice/${Date.now()}-${random}.wav`, filePath });
    if (!res.fileID) return { ok: false, error: { code: 'INTERNAL', message: '语音上传失败，请重试' } };
    return { ok: true, data: { fileId: res.fileID, url: res.fileID, durationSec } };
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '语音上传失败，请重试' } };
  }
}

/**
 * WeChat's RecorderManager (one per mini-program) recording WAV, 16 kHz, mono — the format the
 * server takes and InnerAudioContext plays — stopping by itself at 60 s. Its callbacks are set
 * for each recording, so only the live one answers.
 */
export function createEngine(): RecorderEngine {
  const rm = Taro.getRecorderManager();
  let cancelled = false;
  let stopped: ((r: VoiceClip | string) => void) | null = null;
  let lastStop: VoiceClip | string | null = null;
  rm.onStop((res) => {
    if (cancelled) return;
    const seconds = wholeSeconds(res.duration / 1000);
    lastStop = seconds ? { durationSec: seconds, upload: () => uploadVoice(res.tempFilePath, seconds) } : TOO_SHORT;
    stopped?.(lastStop);
  });
  return {
    start: () =>
      new Promise<void>((resolve, reject) => {
        rm.onStart(() => resolve());
        rm.onError((err) => reject(new Error(/auth|permission/i.test(err.errMsg ?? '') ? '请在设置中允许使用麦克风' : '无法录音，请稍后再试')));
        rm.start({
          format: 'wav',
          sampleRate: VOICE_RULES.sampleRate,
          numberOfChannels: VOICE_RULES.channels,
          duration: VOICE_RULES.maxSeconds * 1000,
        } as Taro.RecorderManager.StartOption);
      }),
    // The 60 s limit stops the recorder on its own; then onStop has already answered.
    stop: () =>
      new Promise<VoiceClip | string>((resolve) => {
        if (lastStop) return resolve(lastStop);
        stopped = resolve;
        rm.stop();
        return undefined;
      }),
    cancel: () => {
      cancelled = true;
      rm.stop();
    },
  };
}

export function useRecorder(onClip: (clip: VoiceClip) => void) {
  return useRecorderWith(createEngine, onClip);
}

import type { Envelope, VoiceNoteDTO } from '@hg/types';
import { VOICE_RULES } from '@hg/types/needs';
import { NETWORK_ERROR, isEnvelope, readable } from '../services/call';
import { API_BASE, getToken, signInNeeded } from '../services/session';
import { TOO_SHORT, useRecorderWith, wholeSeconds, type RecorderEngine, type VoiceClip } from './useRecorder.core';
import { encodeWav, joinChunks, resample } from './useRecorder.wav';

export * from './useRecorder.core';

/** `POST /api/_upload` with the WAV bytes; the gateway checks the header and stores it by content hash. */
async function uploadVoice(blob: Blob, durationSec: number): Promise<Envelope<VoiceNoteDTO>> {
  try {
    const token = getToken();
    const res = await fetch(`${API_BASE}/api/_upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'audio/wav', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: blob,
    });
    const body: unknown = await res.json().catch(() => null);
    if (!isEnvelope(body)) return { ok: false, error: NETWORK_ERROR };
    if (!body.ok && body.error.code === 'UNAUTHENTICATED') signInNeeded();
    const env = readable(body as Envelope<{ fileId: string; url: string }>);
    return env.ok ? { ok: true, data: { ...env.data, durationSec } } : env;
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}

type AudioContextClass = typeof AudioContext;

/**
 * The browser's microphone through Web Audio: a ScriptProcessor copies the PCM frames (an
 * AudioWorklet would need a separate module file in the build for no gain at this size), and
 * stopping encodes 16 kHz mono WAV. MediaRecorder is not used: it gives webm/opus, which the
 * mini-program cannot play.
 */
export function createEngine(): RecorderEngine {
  let stream: MediaStream | null = null;
  let ctx: AudioContext | null = null;
  let node: ScriptProcessorNode | null = null;
  const chunks: Float32Array[] = [];
  const release = () => {
    node?.disconnect();
    stream?.getTracks().forEach((t) => t.stop());
    void ctx?.close().catch(() => undefined);
    node = null;
    stream = null;
  };
  return {
    async start() {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('此浏览器不支持录音，请用微信小程序');
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
      } catch {
        throw new Error('无法使用麦克风，请允许浏览器使用麦克风后再试');
      }
      const Ctx = (window.AudioContext ?? (window as unknown as { webkitAudioContext: AudioContextClass }).webkitAudioContext) as AudioContextClass;
      ctx = new Ctx();
      const source = ctx.createMediaStreamSource(stream);
      node = ctx.createScriptProcessor(4096, 1, 1);
      node.onaudioprocess = (e) => chunks.push(new Float32Array(e.inputBuffer.getChannelData(0)));
      source.connect(node);
      // A processor only runs while connected onward; its output stays silent (nothing is copied to it).
      node.connect(ctx.destination);
      if (ctx.state === 'suspended') await ctx.resume();
    },
    async stop() {
      const rate = ctx?.sampleRate ?? VOICE_RULES.sampleRate;
      release();
      const pcm = resample(joinChunks(chunks), rate, VOICE_RULES.sampleRate);
      const limit = VOICE_RULES.maxSeconds * VOICE_RULES.sampleRate;
      const samples = pcm.length > limit ? pcm.subarray(0, limit) : pcm;
      const seconds = wholeSeconds(samples.length / VOICE_RULES.sampleRate);
      if (!seconds) return TOO_SHORT;
      const blob = new Blob([encodeWav(samples, VOICE_RULES.sampleRate)], { type: 'audio/wav' });
      return { durationSec: seconds, upload: () => uploadVoice(blob, seconds) };
    },
    cancel: release,
  };
}

export function useRecorder(onClip: (clip: VoiceClip) => void) {
  return useRecorderWith(createEngine, onClip);
}

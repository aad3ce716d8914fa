import { VOICE_RULES } from '@hg/types/needs';
import { encodeWav, joinChunks, resample } from './useRecorder.wav';

const text = (view: DataView, at: number, n: number) => String.fromCharCode(...Array.from({ length: n }, (_, i) => view.getUint8(at + i)));

describe('the H5 WAV encoder', () => {
  it('writes a RIFF/WAVE header for 16 kHz, mono, 16-bit PCM, and two bytes per sample', () => {
    const seconds = 2;
    const samples = new Float32Array(seconds * VOICE_RULES.sampleRate).map((_, i) => Math.sin(i / 10));
    const buf = encodeWav(samples, VOICE_RULES.sampleRate);
    const view = new DataView(buf);
    expect(buf.byteLength).toBe(44 + samples.length * 2);
    expect(text(view, 0, 4)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(buf.byteLength - 8);
    expect(text(view, 8, 8)).toBe('WAVEfmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(1); // mono
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint32(28, true)).toBe(32000); // bytes a second
    expect(view.getUint16(32, true)).toBe(2);
    expect(view.getUint16(34, true)).toBe(16);
    expect(text(view, 36, 4)).toBe('data');
    expect(view.getUint32(40, true)).toBe(samples.length * 2);
    // The length the server reads back from the header.
    expect(view.getUint32(40, true) / view.getUint32(28, true)).toBe(seconds);
  });

  it('a full minute stays under the upload limit', () => {
    const minute = encodeWav(new Float32Array(VOICE_RULES.maxSeconds * VOICE_RULES.sampleRate), VOICE_RULES.sampleRate);
    expect(minute.byteLength).toBe(1_920_044);
    expect(minute.byteLength).toBeLessThanOrEqual(VOICE_RULES.bytesMax);
  });

  it('clips samples to full scale and keeps their sign', () => {
    const view = new DataView(encodeWav(Float32Array.from([0, 1, -1, 2, -2, 0.5]), 16000));
    expect([0, 1, 2, 3, 4, 5].map((i) => view.getInt16(44 + i * 2, true))).toEqual([0, 32767, -32768, 32767, -32768, 16383]);
  });

  it('resamples the microphone rate (48 kHz) to 16 kHz and joins the captured chunks in order', () => {
    const joined = joinChunks([Float32Array.from([1, 2]), Float32Array.from([3]), new Float32Array(0)]);
    expect(Array.from(joined)).toEqual([1, 2, 3]);
    const second = new Float32Array(48000).map((_, i) => i / 48000);
    const down = resample(second, 48000, 16000);
    expect(down.length).toBe(16000);
    expect(down[100]).toBeCloseTo(second[300], 6);
    expect(resample(second, 16000, 16000)).toBe(second);
  });
});

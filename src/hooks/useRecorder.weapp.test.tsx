import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { VoiceClip } from './useRecorder.core';

type Seam = typeof import('./useRecorder.weapp');

/** A stand-in for WeChat's RecorderManager: records calls, and lets the test fire its callbacks. */
function mockRecorderManager() {
  const handlers: Record<string, (res?: unknown) => void> = {};
  const rm = {
    start: jest.fn(),
    stop: jest.fn(),
    onStart: jest.fn((cb: () => void) => (handlers.start = cb)),
    onStop: jest.fn((cb: (res: unknown) => void) => (handlers.stop = cb as (res?: unknown) => void)),
    onError: jest.fn((cb: (res: unknown) => void) => (handlers.error = cb as (res?: unknown) => void)),
  };
  const taro = Taro as unknown as Record<string, unknown> & { cloud: Record<string, unknown> };
  taro.getRecorderManager = jest.fn(() => rm);
  taro.cloud.uploadFile = jest.fn(async (opt: { cloudPath: string }) => ({ fileID: `cloud://env-1.6865/${opt.cloudPath}` }));
  return { rm, fire: (event: string, res?: unknown) => handlers[event]?.(res) };
}

function load(): Seam {
  return jest.requireActual<Seam>('./useRecorder.weapp');
}

describe('useRecorder (weapp, RecorderManager)', () => {
  afterEach(() => jest.useRealTimers());

  it('records WAV 16 kHz mono up to 60 s, and release gives a clip that uploads to cloud storage', async () => {
    const { rm, fire } = mockRecorderManager();
    const clips: VoiceClip[] = [];
    const { result } = renderHook(() => load().useRecorder((c) => clips.push(c)));

    let started!: Promise<void>;
    act(() => {
      started = result.current.start();
    });
    expect(rm.start).toHaveBeenCalledWith({ format: 'wav', sampleRate: 16000, numberOfChannels: 1, duration: 60000 });
    expect(result.current.state).toBe('starting');
    await act(async () => {
      fire('start');
      await started;
    });
    expect(result.current.state).toBe('recording');

    let stopped!: Promise<void>;
    act(() => {
      stopped = result.current.stop();
    });
    expect(rm.stop).toHaveBeenCalledTimes(1);
    await act(async () => {
      fire('stop', { tempFilePath: 'wxfile://tmp/voice.wav', duration: 3400, fileSize: 108844 });
      await stopped;
    });
    expect(result.current.state).toBe('idle');
    expect(clips).toHaveLength(1);
    expect(clips[0]).toMatchObject({ durationSec: 3 });

    const uploaded = await clips[0].upload();
    const upload = (Taro as unknown as { cloud: { uploadFile: jest.Mock } }).cloud.uploadFile;
    expect(upload).toHaveBeenCalledWith({ cloudPath: expect.stringMatching(/^needs\/voice\/\d+-[a-z0-9]+\.wav$/), filePath: 'wxfile://tmp/voice.wav' });
    expect(uploaded).toEqual({
      ok: true,
      data: { fileId: expect.stringMatching(/^cloud:\/\/.+\.wav$/), url: expect.stringMatching(/^cloud:\/\//), durationSec: 3 },
    });
  });

  it('a cancelled recording never becomes a clip', async () => {
    const { rm, fire } = mockRecorderManager();
    const clips: VoiceClip[] = [];
    const { result } = renderHook(() => load().useRecorder((c) => clips.push(c)));
    await act(async () => {
      const started = result.current.start();
      fire('start');
      await started;
    });
    act(() => result.current.cancel());
    expect(rm.stop).toHaveBeenCalledTimes(1);
    act(() => fire('stop', { tempFilePath: 'wxfile://tmp/dropped.wav', duration: 5000, fileSize: 160044 }));
    expect(clips).toEqual([]);
    expect(result.current.state).toBe('idle');
  });

  it('a tap shorter than a second is refused with words, not sent', async () => {
    const { fire } = mockRecorderManager();
    const clips: VoiceClip[] = [];
    const { result } = renderHook(() => load().useRecorder((c) => clips.push(c)));
    await act(async () => {
      const started = result.current.start();
      fire('start');
      await started;
    });
    await act(async () => {
      const stopped = result.current.stop();
      fire('stop', { tempFilePath: 'wxfile://tmp/short.wav', duration: 300, fileSize: 9644 });
      await stopped;
    });
    expect(clips).toEqual([]);
    expect(result.current.error).toBe('说话时间太短，请按住按钮说话');
  });

  it('stops by itself at 60 s, counting the seconds on the way', async () => {
    jest.useFakeTimers();
    const { rm, fire } = mockRecorderManager();
    const clips: VoiceClip[] = [];
    const { result } = renderHook(() => load().useRecorder((c) => clips.push(c)));
    await act(async () => {
      const started = result.current.start();
      fire('start');
      await started;
    });
    act(() => jest.advanceTimersByTime(12_100));
    expect(result.current.seconds).toBe(12);
    await act(async () => {
      jest.advanceTimersByTime(48_000);
    });
    expect(rm.stop).toHaveBeenCalledTimes(1);
    await act(async () => {
      fire('stop', { tempFilePath: 'wxfile://tmp/full.wav', duration: 60000, fileSize: 1920044 });
    });
    expect(result.current.seconds).toBe(60);
    expect(clips.map((c) => c.durationSec)).toEqual([60]);
  });

  it('a refused microphone is explained', async () => {
    const { fire } = mockRecorderManager();
    const { result } = renderHook(() => load().useRecorder(() => undefined));
    await act(async () => {
      const started = result.current.start();
      fire('error', { errMsg: 'operateRecorder:fail auth deny' });
      await started;
    });
    expect(result.current.error).toBe('请在设置中允许使用麦克风');
    expect(result.current.state).toBe('idle');
  });
});

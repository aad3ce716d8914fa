/** What a WAV file's header says: the format of its samples and how long it plays. */
export interface WavInfo {
  /** 1 = integer PCM. */
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataBytes: number;
  seconds: number;
}

/**
 * Reads a RIFF/WAVE header (the `fmt ` and `data` chunks, skipping any others such as `LIST`).
 * null: not a WAV file, or one whose chunks do not add up.
 */
export function readWav(buf: Buffer): WavInfo | null {
  if (buf.length < 44 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') return null;
  let fmt: Omit<WavInfo, 'dataBytes' | 'seconds'> | null = null;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= buf.length) {
      fmt = { format: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bitsPerSample: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt || !fmt.channels || !fmt.sampleRate || !fmt.bitsPerSample) return null;
      const dataBytes = Math.min(size, buf.length - body);
      const bytesPerSecond = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, dataBytes, seconds: dataBytes / bytesPerSecond };
    }
    at = body + size + (size % 2);
  }
  return null;
}

import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { create } from 'qrcode';
import './index.scss';

export interface CodeQrProps {
  /** The text to encode: a booking's counter code. */
  value: string;
  /** Accessible name, e.g. 「核销二维码」. */
  label: string;
}

/** Runs of equal modules in one row: [dark, length][] so a row is a handful of views, not one per module. */
function runsOf(row: boolean[]): [boolean, number][] {
  const runs: [boolean, number][] = [];
  for (const dark of row) {
    const last = runs[runs.length - 1];
    if (last && last[0] === dark) last[1] += 1;
    else runs.push([dark, 1]);
  }
  return runs;
}

/**
 * The booking code as a QR code for the counter's scanner, drawn with plain views (no canvas: the
 * same markup on weapp and H5, and no image to generate). A 6-character code is a 21×21 symbol.
 */
export default function CodeQr({ value, label }: CodeQrProps) {
  const rows = useMemo(() => {
    const { size, data } = create(value, { errorCorrectionLevel: 'M' }).modules;
    return Array.from({ length: size }, (_, r) => runsOf(Array.from({ length: size }, (_, c) => !!data[r * size + c])));
  }, [value]);
  const size = rows.length;
  return (
    <View className='qr' role='img' aria-label={label} data-testid='code-qr'>
      {rows.map((runs, r) => (
        <View key={r} className='qr__row' style={{ height: `${100 / size}%` }}>
          {runs.map(([dark, n], i) => (
            <View key={i} className={dark ? 'qr__on' : 'qr__off'} style={{ width: `${(n / size) * 100}%` }} />
          ))}
        </View>
      ))}
    </View>
  );
}

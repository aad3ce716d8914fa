import { ITEM_KIND_UNITS, type ItemKind } from '@hg/types/cobuilding';

/** 分 → "20000元", "12.5元": yuan with at most two decimals, trailing zeros dropped. */
export function yuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents ? `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}元` : `${whole}元`;
}

/** A quantity in its unit: money in 元, the rest counted ("8人次", "2天"). */
export function quantityText(kind: ItemKind, n: number): string {
  return kind === 'money' ? yuan(n) : `${n}${ITEM_KIND_UNITS[kind]}`;
}

/** "20000" or "12.5" 元 as typed → 分, or null when it is not an amount with at most two decimals. */
export function fenOf(text: string): number | null {
  const m = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

import { formatLocalTime } from '@hg/types/local-time';

/** Display helpers shared by the pages. */

/**
 * `2025-03-01T08:30:00Z` → `3月1日 16:30` (this year) or `2024年3月1日 16:30`, always in Beijing
 * time: the community's clock, not the device's zone (a phone abroad or a UTC test browser would
 * otherwise show another hour). One formatter for every page, the same one the server's messages use.
 */
export function formatTime(iso: string | null | undefined, now: Date = new Date()): string {
  return formatLocalTime(iso, now);
}

/** Minutes → `3.5 小时`; `—` when there is no sample. */
export function formatHours(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  const h = minutes / 60;
  return `${h >= 10 ? Math.round(h) : Math.round(h * 10) / 10} 小时`;
}

/** 0.4567 → `46%`; `—` when the share is undefined (nothing to divide by). */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

/** Milliseconds left → `2天5小时` / `3小时` / `不足1小时`. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return '已过期';
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days}天${hours % 24 ? `${hours % 24}小时` : ''}`;
  return hours > 0 ? `${hours}小时` : '不足1小时';
}

/** Centres run on Beijing time (UTC+8, no daylight saving): days and cut-offs are local. */
const OFFSET_MS = 8 * 3600 * 1000;

/** "2026-12-01" of an instant in Beijing time. */
export const localDay = (at: Date) => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

export const localYear = (at: Date) => Number(localDay(at).slice(0, 4));

/** The instant of `hh:mm` Beijing time on a local day. */
export const localTime = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00.000+08:00`);

/** The local day `n` days after `day` ("2026-12-01" + 7 → "2026-12-08"). */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 24 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * Time source of the cloud layer. Tests and the escalation timer replace it to move time forward
 * without sleeping; production code never calls `new Date()` directly.
 */
let offsetMs = 0;

export const clock = {
  now(): Date {
    return new Date(Date.now() + offsetMs);
  },
  /** Test helper: shift "now" forward by `ms`. */
  advance(ms: number): void {
    offsetMs += ms;
  },
  reset(): void {
    offsetMs = 0;
  },
};

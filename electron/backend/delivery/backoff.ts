/** First wait after a failed attempt (exports.md: 30 s, 1 min, 2 min … up to 30 min). */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 30 * 60_000;

/** How long a job waits after its n-th failure in a row (n ≥ 1): doubling from 30 s, never more than 30 min. */
export function backoffMs(failures: number): number {
  const n = Math.max(1, Math.floor(failures));
  // 2^6 × 30 s already passes 30 min; capping the exponent keeps the arithmetic finite for any count.
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(n - 1, 16));
}

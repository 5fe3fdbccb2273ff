// Deadlines are calendar dates in China Standard Time (UTC+8, no daylight saving): a
// deadline of 2025-06-30 is met until midnight in Beijing, wherever the server runs.
const chinaOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

/** Today's date in China, `YYYY-MM-DD`. */
export const chinaToday = (now: Date): string =>
  new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);

/** Whole days from `from` to `to`, both `YYYY-MM-DD`; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

// Deadlines are calendar dates in China Standard Time (UTC+8, no daylight saving): a
// deadline of 2025-06-30 is met until midnight in Beijing, wherever the server runs.
const chinaOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

/** The calendar date in China at `at`, as text: `YYYY-MM-DD`. */
export const chinaDate = (at: Date): string =>
  new Date(at.getTime() + chinaOffsetMs).toISOString().slice(0, 10);

/**
 * The calendar date in China at `at`, as a PostgreSQL `date` column holds it through
 * Prisma (and deadlines are stored): that date at 00:00 UTC.
 */
export const chinaDateAtUtcMidnight = (at: Date): Date => new Date(`${chinaDate(at)}T00:00:00Z`);

/** Whole days from `from` to `to`, both `YYYY-MM-DD`; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * The deadline a time limit sets from the day `at` happens in China: days, or calendar
 * months (a month after 31 January is the last day of February), as a date at UTC midnight.
 */
export function deadlineAfter(at: Date, limit: { days?: number; months?: number }): Date {
  const [year, month, day] = chinaDate(at).split('-').map(Number) as [number, number, number];
  const months = month - 1 + (limit.months ?? 0);
  const lastDay = new Date(Date.UTC(year, months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, months, Math.min(day, lastDay) + (limit.days ?? 0)));
}

export type Colour = 'GREEN' | 'YELLOW' | 'RED';

export interface ColourThresholds {
  /** YELLOW from this many days before the deadline. @default 7 */
  yellowWithinDays: number;
}

export const defaultThresholds: ColourThresholds = { yellowWithinDays: 7 };

/**
 * 三色督办: GREEN on track, YELLOW within the threshold of the deadline (the deadline
 * day included), RED once the deadline day has passed in China. Null without a deadline.
 */
export function deadlineColour(
  deadline: Date | null,
  now: Date,
  thresholds: ColourThresholds = defaultThresholds,
): Colour | null {
  if (!deadline) return null;
  const daysLeft = daysBetween(chinaDate(now), deadline.toISOString().slice(0, 10));
  if (daysLeft < 0) return 'RED';
  return daysLeft <= thresholds.yellowWithinDays ? 'YELLOW' : 'GREEN';
}

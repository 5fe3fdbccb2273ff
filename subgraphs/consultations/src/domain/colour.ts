import type { SupervisionStatus } from '../generated/prisma/enums.js';

export type Colour = 'GREEN' | 'YELLOW' | 'RED';

/** YELLOW from this many days before the deadline, the deadline day included. */
export const yellowWithinDays = 7;

// Deadlines are calendar dates in China Standard Time (UTC+8, no daylight saving): a
// deadline of 2025-06-30 is met until midnight in Beijing, wherever the server runs.
const chinaOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;
const chinaToday = (now: Date): string =>
  new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);

/**
 * 三色督办 for a supervision task: GREEN on track, YELLOW within seven days of the
 * deadline, RED once the deadline day has passed in China; none once closed or without
 * a deadline.
 */
export function supervisionColour(
  task: { status: SupervisionStatus; deadline: Date | null },
  now: Date,
): Colour | null {
  if (task.status === 'CLOSED' || !task.deadline) return null;
  const today = Date.parse(`${chinaToday(now)}T00:00:00Z`);
  const daysLeft = Math.round((task.deadline.getTime() - today) / dayMs);
  if (daysLeft < 0) return 'RED';
  return daysLeft <= yellowWithinDays ? 'YELLOW' : 'GREEN';
}

import type { OpinionStatus, SupervisionStatus } from '../generated/prisma/enums.js';

export type Colour = 'GREEN' | 'YELLOW' | 'RED';

/** YELLOW from this many days before the deadline, the deadline day included. */
export const yellowWithinDays = 7;

// Deadlines are calendar dates in China Standard Time (UTC+8, no daylight saving): a
// deadline of 2025-06-30 is met until midnight in Beijing, wherever the server runs.
const chinaOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

/** Today's date in Beijing, as a deadline column stores it (midnight UTC of that date). */
export const chinaToday = (now: Date): Date =>
  new Date(`${new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10)}T00:00:00Z`);

/**
 * 三色督办: GREEN on track, YELLOW within seven days of the deadline, RED once the
 * deadline day has passed in China; none without a deadline.
 */
export function deadlineColour(deadline: Date | null, now: Date): Colour | null {
  if (!deadline) return null;
  const daysLeft = Math.round((deadline.getTime() - chinaToday(now).getTime()) / dayMs);
  if (daysLeft < 0) return 'RED';
  return daysLeft <= yellowWithinDays ? 'YELLOW' : 'GREEN';
}

/** A supervision task's colour: until it is closed. */
export const supervisionColour = (
  task: { status: SupervisionStatus; deadline: Date | null },
  now: Date,
): Colour | null => (task.status === 'CLOSED' ? null : deadlineColour(task.deadline, now));

/** Opinion item states in which the handling department works against the deadline. */
export const opinionHandlingStates: readonly OpinionStatus[] = ['DISPATCHED', 'HANDLED'];

/** An opinion item's colour (超期预警): from dispatch until it is answered. */
export const opinionColour = (
  item: { status: OpinionStatus; deadline: Date | null },
  now: Date,
): Colour | null =>
  opinionHandlingStates.includes(item.status) ? deadlineColour(item.deadline, now) : null;

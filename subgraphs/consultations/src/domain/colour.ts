import {
  type Colour,
  chinaDate,
  chinaDateAtUtcMidnight,
  deadlineColour,
  defaultThresholds,
  InvalidInputError,
  requireDate,
} from '@huishang/subgraph-kit';
import type { OpinionStatus, SupervisionStatus } from '../generated/prisma/enums.js';

export type { Colour };

/** A deadline being set now: today in Beijing at the earliest. */
export function requireDeadline(field: string, value: string, now: Date): Date {
  const deadline = requireDate(field, value);
  if (value < chinaDate(now))
    throw new InvalidInputError(
      field,
      `期限 ${value} 早于今天 ${chinaDate(now)} / the deadline is before today`,
    );
  return deadline;
}

// 三色督办 by the kit's deadlineColour, as proposals and minutes colour theirs.
/** A supervision task's colour: until it is closed. */
export const supervisionColour = (
  task: { status: SupervisionStatus; deadline: Date | null },
  now: Date,
): Colour | null => (task.status === 'CLOSED' ? null : deadlineColour(task.deadline, now));

/**
 * The deadlines that colour an open task on `now`'s day as `supervisionColour` does, for
 * counting in SQL: RED before `redBefore` (today in Beijing), YELLOW up to `yellowUntil`
 * inclusive, GREEN after; no colour without a deadline or once closed.
 */
export function colourDeadlines(now: Date) {
  const redBefore = chinaDateAtUtcMidnight(now);
  const yellowUntil = new Date(
    redBefore.getTime() + defaultThresholds.yellowWithinDays * 86_400_000,
  );
  return { redBefore, yellowUntil };
}

/** Opinion item states in which the handling department works against the deadline. */
export const opinionHandlingStates: readonly OpinionStatus[] = ['DISPATCHED', 'HANDLED'];

/** An opinion item's colour (超期预警): from dispatch until it is answered. */
export const opinionColour = (
  item: { status: OpinionStatus; deadline: Date | null },
  now: Date,
): Colour | null =>
  opinionHandlingStates.includes(item.status) ? deadlineColour(item.deadline, now) : null;

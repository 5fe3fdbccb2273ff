import type { ProposalStatus } from '../generated/prisma/enums.js';
import { chinaToday, daysBetween } from './calendar.js';
import { isHandling } from './proposal-lifecycle.js';

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
  const daysLeft = daysBetween(chinaToday(now), deadline.toISOString().slice(0, 10));
  if (daysLeft < 0) return 'RED';
  return daysLeft <= thresholds.yellowWithinDays ? 'YELLOW' : 'GREEN';
}

/** A proposal's colour: only while units are handling it, not before assignment or after the reply. */
export const proposalColour = (
  proposal: { status: ProposalStatus; deadline: Date | null },
  now: Date,
  thresholds: ColourThresholds = defaultThresholds,
): Colour | null =>
  isHandling(proposal.status) ? deadlineColour(proposal.deadline, now, thresholds) : null;

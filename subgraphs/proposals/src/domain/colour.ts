import {
  type Colour,
  daysBetween,
  deadlineColour,
  defaultThresholds,
  isoDate,
} from '@huishang/subgraph-kit';
import type { ProposalStatus } from '../generated/prisma/enums.js';
import { isHandling } from './proposal-lifecycle.js';

const dayMs = 86_400_000;

/** The day a deadline turns YELLOW under a threshold: stored at assignment, so replicas colour alike. */
export const yellowFromOf = (deadline: Date, yellowWithinDays: number): Date =>
  new Date(deadline.getTime() - yellowWithinDays * dayMs);

/**
 * A proposal's colour: only while units are handling it, not before assignment or after
 * the reply, under the threshold its committee had when it was assigned (the default
 * when it carries none).
 */
export function proposalColour(
  proposal: { status: ProposalStatus; deadline: Date | null; yellowFrom?: Date | null },
  now: Date,
): Colour | null {
  if (!isHandling(proposal.status) || !proposal.deadline) return null;
  const thresholds = proposal.yellowFrom
    ? {
        yellowWithinDays: daysBetween(
          isoDate(proposal.yellowFrom) as string,
          isoDate(proposal.deadline) as string,
        ),
      }
    : defaultThresholds;
  return deadlineColour(proposal.deadline, now, thresholds);
}

import { type Colour, chinaDateAtUtcMidnight } from '@huishang/subgraph-kit';
import type { ProposalStatus } from '../generated/prisma/enums.js';
import { handlingStatuses } from './proposal-lifecycle.js';

/**
 * A colour as conditions on `deadline` and `yellow_from` (the day the proposal turns
 * YELLOW, stored at assignment and import). Colour is computed at read (colour.ts), so a
 * filter on it compares those dates with today; search (SQL) and proposalsByColour
 * (Prisma) both render this one predicate.
 */
export interface ColourCondition {
  statuses: readonly ProposalStatus[];
  /** RED: the deadline is before this day. */
  deadlineBefore: Date | null;
  /** YELLOW: the deadline is this day or later … */
  deadlineFrom: Date | null;
  /** … and the yellow-from day is this day or earlier. */
  yellowFromUntil: Date | null;
  /** GREEN: the yellow-from day is after this day. */
  yellowFromAfter: Date | null;
}

export function colourCondition(colour: Colour, now: Date): ColourCondition {
  const today = chinaDateAtUtcMidnight(now);
  return {
    statuses: handlingStatuses,
    deadlineBefore: colour === 'RED' ? today : null,
    deadlineFrom: colour === 'YELLOW' ? today : null,
    yellowFromUntil: colour === 'YELLOW' ? today : null,
    yellowFromAfter: colour === 'GREEN' ? today : null,
  };
}

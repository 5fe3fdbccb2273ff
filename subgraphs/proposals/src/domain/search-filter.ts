import { type Colour, defaultThresholds } from '@huishang/subgraph-kit';
import type { ProposalStatus } from '../generated/prisma/enums.js';
import { colourDay } from './colour.js';
import { isHandling, statusLabels } from './proposal-lifecycle.js';

/**
 * A colour as SQL conditions on `deadline` and `yellow_from` (the day the proposal turns
 * YELLOW, stored at assignment; `deadline − defaultYellowWithinDays` when absent). Colour
 * is computed at read (colour.ts), so a search for it compares those dates with today.
 */
export interface ColourCondition {
  statuses: ProposalStatus[];
  /** RED: the deadline is before this day. */
  deadlineBefore: Date | null;
  /** YELLOW: the deadline is this day or later … */
  deadlineFrom: Date | null;
  /** … and the yellow-from day is this day or earlier. */
  yellowFromUntil: Date | null;
  /** GREEN: the yellow-from day is after this day. */
  yellowFromAfter: Date | null;
  defaultYellowWithinDays: number;
}

export function colourCondition(colour: Colour, now: Date): ColourCondition {
  const today = colourDay(now);
  return {
    statuses: (Object.keys(statusLabels) as ProposalStatus[]).filter(isHandling),
    deadlineBefore: colour === 'RED' ? today : null,
    deadlineFrom: colour === 'YELLOW' ? today : null,
    yellowFromUntil: colour === 'YELLOW' ? today : null,
    yellowFromAfter: colour === 'GREEN' ? today : null,
    defaultYellowWithinDays: defaultThresholds.yellowWithinDays,
  };
}

import { type Colour, type ColourThresholds, deadlineColour } from '@huishang/subgraph-kit';
import type { ProposalStatus } from '../generated/prisma/enums.js';
import { isHandling } from './proposal-lifecycle.js';

export type { Colour };

/** A proposal's colour: only while units are handling it, not before assignment or after the reply. */
export const proposalColour = (
  proposal: { status: ProposalStatus; deadline: Date | null },
  now: Date,
  thresholds?: ColourThresholds,
): Colour | null =>
  isHandling(proposal.status) ? deadlineColour(proposal.deadline, now, thresholds) : null;

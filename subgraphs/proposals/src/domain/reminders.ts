import {
  type Inbox,
  inboxesFor,
  type ReminderColour,
  reminderColourOf,
  reminderReason,
  schedulerName,
} from '@huishang/subgraph-kit';
import { proposalColour } from './colour.js';
import type { Urge } from './urge.js';

export interface ReminderPlan {
  colour: ReminderColour;
  reason: string;
  /** The staff's inbox first, then each handling unit's, without repeats. */
  inboxes: Inbox[];
  /** What is recorded on the proposal, as a manual 催办 is. */
  urge: Urge;
}

/**
 * The automatic reminder of a proposal at `now`, or null when none is due: the colour
 * is the one the proposal shows (`proposalColour`), checked again here whatever the sweep's
 * SQL found. It goes to the committee's staff and to every handling unit, and is
 * recorded on the proposal as a 催办 by the scheduler, with the reason as its note.
 */
export function planProposalReminder(
  proposal: Parameters<typeof proposalColour>[0] & {
    title: string;
    handlingUnits: readonly { name: string }[];
  },
  lastReminded: ReminderColour | null,
  now: Date,
): ReminderPlan | null {
  const colour = reminderColourOf(proposalColour(proposal, now), lastReminded);
  if (!colour) return null;
  const reason = reminderReason('PROPOSAL', proposal.title, colour);
  return {
    colour,
    reason,
    inboxes: inboxesFor(proposal.handlingUnits.map((u) => u.name)),
    urge: { kind: 'REMIND', by: schedulerName, note: reason.slice(0, 500) },
  };
}

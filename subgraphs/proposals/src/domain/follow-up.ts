import type { HandlingRole, ProposalStatus, ReplyOutcome } from '../generated/prisma/enums.js';

/** Statuses in which handling is over, so what was not adopted is left for 回头看. */
export const handlingDone: readonly ProposalStatus[] = ['EVALUATED', 'CLOSED'];

export interface FollowUpSource<R> {
  status: ProposalStatus;
  round: number;
  handlingUnits: { name: string; role: HandlingRole }[];
  replies: R[];
}

/**
 * 回头看: the items the lead unit did not adopt in the proposal's last round, once handling
 * is over; the committee returns to them later.
 */
export function openFollowUpItems<R extends { unit: string; round: number; outcome: ReplyOutcome }>(
  proposal: FollowUpSource<R>,
): R[] {
  if (!handlingDone.includes(proposal.status)) return [];
  const lead = proposal.handlingUnits.find((u) => u.role === 'LEAD')?.name;
  return proposal.replies.filter(
    (r) => r.unit === lead && r.round === proposal.round && r.outcome === 'NOT_ADOPTED',
  );
}

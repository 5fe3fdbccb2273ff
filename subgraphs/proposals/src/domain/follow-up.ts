import { requireText } from '@huishang/subgraph-kit';
import { NotOpenForFollowUpError } from '../errors.js';
import type { HandlingRole, ProposalStatus, ReplyOutcome } from '../generated/prisma/enums.js';

/** Statuses in which handling is over, so what was not adopted is left for 回头看. */
export const handlingDone: readonly ProposalStatus[] = ['EVALUATED', 'CLOSED'];

export interface FollowUpSource<R> {
  status: ProposalStatus;
  round: number;
  handlingUnits: { name: string; role: HandlingRole }[];
  replies: R[];
  followUps: { suggestionSeq: number }[];
}

/**
 * 回头看: the items the lead unit did not adopt in the proposal's last round, once handling
 * is over, until the committee has followed each up.
 */
export function openFollowUpItems<
  R extends { suggestionSeq: number; unit: string; round: number; outcome: ReplyOutcome },
>(proposal: FollowUpSource<R>): R[] {
  if (!handlingDone.includes(proposal.status)) return [];
  const lead = proposal.handlingUnits.find((u) => u.role === 'LEAD')?.name;
  return proposal.replies.filter(
    (r) =>
      r.unit === lead &&
      r.round === proposal.round &&
      r.outcome === 'NOT_ADOPTED' &&
      !proposal.followUps.some((f) => f.suggestionSeq === r.suggestionSeq),
  );
}

export interface FollowUp {
  suggestionSeq: number;
  by: string;
  note: string;
}

/** Records the committee's return to an open item, closing it; any other item is refused. */
export function planFollowUp<
  R extends { suggestionSeq: number; unit: string; round: number; outcome: ReplyOutcome },
>(proposal: FollowUpSource<R>, suggestionSeq: number, by: string, note: string): FollowUp {
  if (!openFollowUpItems(proposal).some((r) => r.suggestionSeq === suggestionSeq))
    throw new NotOpenForFollowUpError(suggestionSeq, proposal.status);
  return { suggestionSeq, by, note: requireText('note', note, 1000) };
}

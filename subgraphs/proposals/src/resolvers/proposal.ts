import { canRead, ForbiddenError, isoDate, isoTime, requireIdentity } from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import type { ItemReply, Proposal, ProposalDetail, ProposalEvaluation } from '../data/proposals.js';
import { proposalColour } from '../domain/colour.js';
import { formatProposalNumber } from '../domain/proposal-number.js';

/** A proposal row; mutations return it with its child rows already loaded. */
type ProposalParent = Proposal & Partial<ProposalDetail>;

/** Loads a proposal by id, batched; one the caller may not read is refused. */
export async function loadReadableProposal(
  id: string,
  context: ProposalsContext,
): Promise<Proposal | null> {
  const caller = requireIdentity(context.identity);
  const proposal = await context.proposalById.load(id);
  // the public reads published proposals only, through publishedProposal
  if (proposal && !canRead(caller, proposal.region))
    throw new ForbiddenError('read', proposal.region, caller.region);
  return proposal;
}

const member = (id: string) => ({ __typename: 'Member', id });
export const proposalResolvers = {
  __resolveReference: (reference: { id: string }, context: ProposalsContext) =>
    loadReadableProposal(reference.id, context),
  region: (proposal: Proposal) => ({ code: proposal.region }),
  number: formatProposalNumber,
  proposer: (proposal: Proposal) => (proposal.proposerId ? member(proposal.proposerId) : null),
  coProposers: (proposal: Proposal) => proposal.coProposerIds.map(member),
  suggestions: async (proposal: ProposalParent, _: unknown, context: ProposalsContext) =>
    proposal.suggestions ?? (await context.suggestionsOf.load(proposal.id))?.rows ?? [],
  handlingUnits: async (proposal: ProposalParent, _: unknown, context: ProposalsContext) =>
    proposal.handlingUnits ?? (await context.handlingUnitsOf.load(proposal.id))?.rows ?? [],
  replies: async (proposal: ProposalParent, _: unknown, context: ProposalsContext) =>
    proposal.replies ?? (await context.repliesOf.load(proposal.id))?.rows ?? [],
  evaluations: async (proposal: ProposalParent, _: unknown, context: ProposalsContext) =>
    proposal.evaluations ?? (await context.evaluationsOf.load(proposal.id))?.rows ?? [],
  reviews: async (proposal: ProposalParent, _: unknown, context: ProposalsContext) =>
    proposal.reviews ?? (await context.reviewsOf.load(proposal.id))?.rows ?? [],
  leaders: async (proposal: ProposalParent, _: unknown, context: ProposalsContext) =>
    proposal.leaders ?? (await context.leadersOf.load(proposal.id))?.rows ?? [],
  urges: async (proposal: ProposalParent, _: unknown, context: ProposalsContext) =>
    proposal.urges ?? (await context.urgesOf.load(proposal.id))?.rows ?? [],
  followUps: async (proposal: ProposalParent, _: unknown, context: ProposalsContext) =>
    proposal.followUps ?? (await context.followUpsOf.load(proposal.id))?.rows ?? [],
  deadline: (proposal: Proposal) => isoDate(proposal.deadline),
  // computed at read: the colour changes with the clock, not with the record
  colour: (proposal: Proposal) => proposalColour(proposal, new Date()),
  submittedAt: (proposal: Proposal) => isoTime(proposal.submittedAt),
  registeredAt: (proposal: Proposal) => isoTime(proposal.registeredAt),
  assignedAt: (proposal: Proposal) => isoTime(proposal.assignedAt),
  repliedAt: (proposal: Proposal) => isoTime(proposal.repliedAt),
  createdAt: (proposal: Proposal) => isoTime(proposal.createdAt),
  updatedAt: (proposal: Proposal) => isoTime(proposal.updatedAt),
};

export const itemReplyResolvers = {
  repliedAt: (reply: ItemReply) => isoTime(reply.repliedAt),
};

export const evaluationResolvers = {
  evaluatedAt: (evaluation: ProposalEvaluation) => isoTime(evaluation.evaluatedAt),
};

export const reviewResolvers = {
  reviewedAt: (review: { reviewedAt: Date }) => isoTime(review.reviewedAt),
};

/** Reminders, escalations and follow-ups: when each was noted. */
export const notedAtResolvers = {
  at: (urge: { at: Date }) => isoTime(urge.at),
};

import { assertWritableRegion, NotFoundError } from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import {
  assignProposal,
  createProposal,
  evaluateProposal,
  findProposalDetail,
  registerProposal,
  replyToProposal,
} from '../data/proposals.js';
import { type AssignmentInput, planAssignment } from '../domain/assignment.js';
import { planEvaluation } from '../domain/evaluation.js';
import { requireUuid } from '../domain/ids.js';
import { assertTransition } from '../domain/proposal-lifecycle.js';
import { planReply, type ReplyItem } from '../domain/reply.js';
import { normaliseSubmission, type SubmissionInput } from '../domain/submission.js';
import type { EvaluationParty, Satisfaction } from '../generated/prisma/enums.js';

/** The proposal a mutation changes, with its child rows; only its own region may write it. */
async function loadWritable(id: string, context: ProposalsContext) {
  const proposal = await findProposalDetail(context.db(), requireUuid('id', id));
  if (!proposal) throw new NotFoundError('Proposal', id);
  assertWritableRegion(context.identity, proposal.region);
  return proposal;
}

export const mutationResolvers = {
  submitProposal(
    _: unknown,
    { input }: { input: SubmissionInput & { region: string } },
    context: ProposalsContext,
  ) {
    assertWritableRegion(context.identity, input.region);
    return createProposal(context.db(), context.sink(), input.region, normaliseSubmission(input));
  },

  async registerProposal(_: unknown, args: { id: string }, context: ProposalsContext) {
    const current = await loadWritable(args.id, context);
    assertTransition(current.status, 'register');
    return registerProposal(context.db(), context.sink(), current, new Date());
  },

  async assignProposal(
    _: unknown,
    args: AssignmentInput & { id: string },
    context: ProposalsContext,
  ) {
    const current = await loadWritable(args.id, context);
    const now = new Date();
    return assignProposal(
      context.db(),
      context.sink(),
      current,
      planAssignment(current, args, now),
      now,
    );
  },

  async replyToProposal(
    _: unknown,
    args: { id: string; unit: string; items: ReplyItem[] },
    context: ProposalsContext,
  ) {
    const current = await loadWritable(args.id, context);
    const reply = planReply(current, args.unit, args.items);
    return replyToProposal(context.db(), context.sink(), current, reply, new Date());
  },

  async evaluateProposal(
    _: unknown,
    args: { id: string; by: EvaluationParty; rating: Satisfaction; comment?: string | null },
    context: ProposalsContext,
  ) {
    const current = await loadWritable(args.id, context);
    const evaluation = planEvaluation(current, args.by, args.comment);
    return evaluateProposal(
      context.db(),
      context.sink(),
      current,
      args.by,
      args.rating,
      evaluation,
      new Date(),
    );
  },
};

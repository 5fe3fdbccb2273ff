import { NotFoundError } from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { findDirectoryNames } from '../data/handling-units.js';
import {
  assignProposal,
  evaluateProposal,
  findRules,
  followUpProposal,
  replyToProposal,
  reviewProposal,
  saveRules,
  urgeProposal,
} from '../data/lifecycle.js';
import { createProposal, findProposalDetail } from '../data/proposals.js';
import { actingFor, actorOf, assertActsFor } from '../domain/actors.js';
import { type AssignmentInput, planAssignment } from '../domain/assignment.js';
import { planEvaluation } from '../domain/evaluation.js';
import { planFollowUp } from '../domain/follow-up.js';
import { assertInDirectory } from '../domain/handling-units.js';
import { requireUuid } from '../domain/ids.js';
import { planReply, type ReplyItem } from '../domain/reply.js';
import { planReview, type ReviewAction } from '../domain/review.js';
import { checkSubmissionRules, normaliseRules, type ProposalRules } from '../domain/rules.js';
import { normaliseSubmission, type SubmissionInput } from '../domain/submission.js';
import { planUrge } from '../domain/urge.js';
import type { EvaluationParty, Satisfaction, UrgeKind } from '../generated/prisma/enums.js';

/**
 * The proposal a mutation changes, with its child rows, and who acts on it: staff of its
 * own region, or a member or unit acting in person where `inPerson` allows.
 */
async function loadWritable(
  id: string,
  context: ProposalsContext,
  inPerson: readonly ('member' | 'unit')[] = [],
) {
  const proposal = await findProposalDetail(context.db(), requireUuid('id', id));
  if (!proposal) throw new NotFoundError('Proposal', id);
  return { current: proposal, actor: actorOf(context.identity, proposal.region, inPerson) };
}

/** 签收, 预审 and the three decisions of 复审, each by the staff member who takes it. */
const review =
  (action: ReviewAction) =>
  async (_: unknown, args: { id: string; reason?: string | null }, context: ProposalsContext) => {
    const { current, actor } = await loadWritable(args.id, context);
    const plan = planReview(current, action, actor.subject, args.reason);
    return reviewProposal(context.db(), context.sink(), current, plan, new Date());
  };

/** 催办 and 督办, recorded with who pressed. */
const urge =
  (kind: UrgeKind) =>
  async (_: unknown, args: { id: string; note: string }, context: ProposalsContext) => {
    const { current, actor } = await loadWritable(args.id, context);
    const plan = planUrge(current, kind, actor.subject, args.note);
    return urgeProposal(context.db(), context.sink(), current, plan, new Date());
  };

export const mutationResolvers = {
  /** Staff submit for anyone; a member submits as the lead proposer, never for someone else. */
  async submitProposal(
    _: unknown,
    { input }: { input: SubmissionInput & { region: string } },
    context: ProposalsContext,
  ) {
    const actor = actorOf(context.identity, input.region, ['member']);
    const proposerId =
      actor.as === 'member'
        ? actingFor(actor, input.collectiveProposer ?? input.proposerId)
        : input.proposerId;
    const submission = normaliseSubmission({ ...input, proposerId });
    checkSubmissionRules(submission, await findRules(context.db(), input.region));
    return createProposal(context.db(), context.sink(), input.region, submission);
  },

  async setProposalRules(
    _: unknown,
    args: { region: string; rules: ProposalRules },
    context: ProposalsContext,
  ) {
    const actor = actorOf(context.identity, args.region);
    const rules = normaliseRules(args.rules);
    await saveRules(context.db(), args.region, rules, actor.subject, new Date());
    return { region: args.region, ...rules };
  },

  signInProposal: review('signIn'),
  preReviewProposal: review('preReview'),
  registerProposal: review('register'),
  declineProposal: review('decline'),
  convertProposal: review('convert'),

  async assignProposal(
    _: unknown,
    args: AssignmentInput & { id: string },
    context: ProposalsContext,
  ) {
    const { current } = await loadWritable(args.id, context);
    const now = new Date();
    const { yellowWithinDays } = await findRules(context.db(), current.region);
    const assignment = planAssignment(current, args, now, yellowWithinDays);
    // once the committee has a directory, only its units are assigned
    assertInDirectory(
      assignment.units,
      await findDirectoryNames(context.db(), current.region),
      current.region,
    );
    return assignProposal(context.db(), context.sink(), current, assignment, now);
  },

  remindProposal: urge('REMIND'),
  escalateProposal: urge('ESCALATE'),

  /** 回头看: staff record their return to an item left unadopted, closing it. */
  async recordFollowUp(
    _: unknown,
    args: { id: string; suggestionSeq: number; note: string },
    context: ProposalsContext,
  ) {
    const { current, actor } = await loadWritable(args.id, context);
    const followUp = planFollowUp(current, args.suggestionSeq, actor.subject, args.note);
    return followUpProposal(context.db(), context.sink(), current, followUp, new Date());
  },

  /** A unit replies for itself; staff record a reply on behalf of the unit they name. */
  async replyToProposal(
    _: unknown,
    args: { id: string; unit: string; items: ReplyItem[] },
    context: ProposalsContext,
  ) {
    const { current, actor } = await loadWritable(args.id, context, ['unit']);
    const reply = planReply(current, actingFor(actor, args.unit), args.items);
    return replyToProposal(context.db(), context.sink(), current, reply, new Date());
  },

  /**
   * The proposer (a member for their own proposal) rates the handling, the lead unit (for
   * itself) the proposal's quality; staff record either on their behalf.
   */
  async evaluateProposal(
    _: unknown,
    args: { id: string; by: EvaluationParty; rating: Satisfaction; comment?: string | null },
    context: ProposalsContext,
  ) {
    const { current, actor } = await loadWritable(
      args.id,
      context,
      args.by === 'PROPOSER' ? ['member'] : ['unit'],
    );
    const rated =
      args.by === 'PROPOSER'
        ? (current.proposerId ?? current.collectiveProposer)
        : current.handlingUnits.find((u) => u.role === 'LEAD')?.name;
    assertActsFor(actor, rated);
    const now = new Date();
    const evaluation = planEvaluation(
      current,
      { ...args, evaluator: actor.subject },
      await findRules(context.db(), current.region),
      now,
    );
    return evaluateProposal(context.db(), context.sink(), current, evaluation, now);
  },
};

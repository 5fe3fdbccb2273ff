import {
  assertPublishedRegion,
  assertWritableRegion,
  canReadPublished,
  ForbiddenError,
  fetchConnection,
  isoTime,
  NotFoundError,
  optionalText,
  type PageArgs,
  type RegionScope,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { findProposalDetail, type Proposal } from '../data/proposals.js';
import {
  countComments,
  countPublished,
  createComment,
  findComment,
  listComments,
  listPublished,
  moderateComment,
  type ProposalComment,
  publishProposal,
} from '../data/public.js';
import { actorOf, assertActsFor } from '../domain/actors.js';
import {
  type ModerationDecision,
  normaliseComment,
  planModeration,
} from '../domain/comment-moderation.js';
import { requireUuid } from '../domain/ids.js';
import { assertPublishable } from '../domain/publication.js';
import { NotPublishedError } from '../errors.js';
import type { CommentStatus } from '../generated/prisma/enums.js';
import { proposalResolvers } from './proposal.js';

export const publicQueryResolvers = {
  /** Anyone may list a region's published proposals, the anonymous public included. */
  publishedProposals: (_: unknown, args: RegionScope & PageArgs, context: ProposalsContext) => {
    assertPublishedRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listPublished(context.db(), args, idBefore, take),
      () => countPublished(context.db(), args),
    );
  },

  /** A published proposal; null for one not published, so the public learns nothing of it. */
  async publishedProposal(_: unknown, args: { id: string }, context: ProposalsContext) {
    const caller = requireIdentity(context.identity);
    const proposal = await context.proposalById.load(requireUuid('id', args.id));
    if (!proposal?.publishedAt || !canReadPublished(caller, proposal.region)) return null;
    return proposal;
  },

  /** The office's moderation queue; comments live with the proposal's owner only. */
  proposalComments: (
    _: unknown,
    args: { region: string; status: CommentStatus } & PageArgs,
    context: ProposalsContext,
  ) => {
    assertWritableRegion(context.identity, args.region);
    return fetchConnection(
      args,
      (idBefore, take) => listComments(context.db(), args, idBefore, take),
      () => countComments(context.db(), args),
    );
  },
};

export const publicMutationResolvers = {
  async publishProposal(_: unknown, args: { id: string }, context: ProposalsContext) {
    const current = await findProposalDetail(context.db(), requireUuid('id', args.id));
    if (!current) throw new NotFoundError('Proposal', args.id);
    // the office of the owner region, or the lead proposer in person
    assertActsFor(actorOf(context.identity, current.region, ['member']), current.proposerId);
    assertPublishable(current.status);
    if (current.publishedAt) return current;
    return publishProposal(context.db(), context.sink(), current, new Date());
  },

  /** Open to the anonymous public (the gateway lets it through); held until staff approve it. */
  async commentOnProposal(
    _: unknown,
    args: { proposalId: string; body: string; authorName?: string | null },
    context: ProposalsContext,
  ) {
    const caller = requireIdentity(context.identity);
    const proposal = await context.proposalById.load(requireUuid('proposalId', args.proposalId));
    if (!proposal || !canReadPublished(caller, proposal.region))
      throw new NotFoundError('Proposal', args.proposalId);
    if (!proposal.publishedAt) throw new NotPublishedError(proposal.id);
    // a replica of another node's proposal takes no comments: they are kept by the owner
    if (proposal.region !== caller.node)
      throw new ForbiddenError('write', proposal.region, caller.region);
    return createComment(context.db(), context.sink(), proposal, {
      body: normaliseComment(args.body),
      authorName: optionalText('authorName', args.authorName, 30),
      sourceKey: caller.subject,
    });
  },

  async moderateProposalComment(
    _: unknown,
    args: { id: string; decision: ModerationDecision; reason?: string | null },
    context: ProposalsContext,
  ) {
    const current = await findComment(context.db(), requireUuid('id', args.id));
    if (!current) throw new NotFoundError('ProposalComment', args.id);
    const caller = assertWritableRegion(context.identity, current.region);
    const decision = planModeration(current.status, args.decision, args.reason);
    return moderateComment(
      context.db(),
      context.sink(),
      current,
      decision,
      caller.subject,
      new Date(),
    );
  },
};

/** The public fields of a proposal, resolved as `Proposal`'s are. */
export const publishedProposalResolvers = {
  region: proposalResolvers.region,
  number: proposalResolvers.number,
  suggestions: proposalResolvers.suggestions,
  handlingUnits: proposalResolvers.handlingUnits,
  replies: proposalResolvers.replies,
  publishedAt: (proposal: Proposal) => isoTime(proposal.publishedAt),
  comments: async (proposal: Proposal, _: unknown, context: ProposalsContext) =>
    (await context.approvedCommentsOf.load(proposal.id))?.rows ?? [],
};

/** `Proposal.publishedAt`, for staff and proposers. */
export const publicationProposalResolvers = {
  publishedAt: (proposal: Proposal) => isoTime(proposal.publishedAt),
};

export const commentResolvers = {
  moderatedAt: (comment: ProposalComment) => isoTime(comment.moderatedAt),
  createdAt: (comment: ProposalComment) => isoTime(comment.createdAt),
};

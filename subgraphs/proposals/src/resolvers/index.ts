import { replicationStatusResolvers } from '@huishang/subgraph-kit/bus';
import {
  crossTermMutationResolvers,
  crossTermProposalResolvers,
  crossTermQueryResolvers,
  crossTermVoteResolvers,
} from './cross-term.js';
import {
  handlingUnitEntryResolvers,
  handlingUnitMutationResolvers,
  handlingUnitQueryResolvers,
} from './handling-units.js';
import { importMutationResolvers } from './imports.js';
import { lifecycleQueryResolvers, proposalRulesResolvers } from './lifecycle-query.js';
import { memberResolvers } from './member.js';
import { mutationResolvers } from './mutation.js';
import {
  evaluationResolvers,
  itemReplyResolvers,
  notedAtResolvers,
  proposalResolvers,
  reviewResolvers,
} from './proposal.js';
import {
  commentResolvers,
  publicationProposalResolvers,
  publicMutationResolvers,
  publicQueryResolvers,
  publishedProposalResolvers,
} from './public.js';
import { queryResolvers } from './query.js';
import { searchQueryResolvers } from './search.js';
import { statisticsResolvers } from './statistics.js';
import { taskMutationResolvers, taskQueryResolvers, taskResolvers } from './tasks.js';

export const resolvers = {
  Query: {
    ...queryResolvers,
    ...statisticsResolvers,
    ...lifecycleQueryResolvers,
    ...crossTermQueryResolvers,
    ...publicQueryResolvers,
    ...searchQueryResolvers,
    ...taskQueryResolvers,
    ...handlingUnitQueryResolvers,
  },
  Mutation: {
    ...mutationResolvers,
    ...crossTermMutationResolvers,
    ...publicMutationResolvers,
    ...importMutationResolvers,
    ...taskMutationResolvers,
    ...handlingUnitMutationResolvers,
  },
  Proposal: {
    ...proposalResolvers,
    ...crossTermProposalResolvers,
    ...publicationProposalResolvers,
  },
  CrossTermVote: crossTermVoteResolvers,
  PublishedProposal: publishedProposalResolvers,
  ProposalComment: commentResolvers,
  ItemReply: itemReplyResolvers,
  ProposalEvaluation: evaluationResolvers,
  ProposalReview: reviewResolvers,
  HandlingUrge: notedAtResolvers,
  FollowUp: notedAtResolvers,
  ProposalRules: proposalRulesResolvers,
  Task: taskResolvers,
  HandlingUnitEntry: handlingUnitEntryResolvers,
  Member: memberResolvers,
  ...replicationStatusResolvers('proposals'),
};

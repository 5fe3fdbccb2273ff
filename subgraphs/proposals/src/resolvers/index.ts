import { replicationStatusResolvers } from '@huishang/subgraph-kit';
import { memberResolvers } from './member.js';
import { mutationResolvers } from './mutation.js';
import { evaluationResolvers, itemReplyResolvers, proposalResolvers } from './proposal.js';
import { queryResolvers } from './query.js';
import { statisticsResolvers } from './statistics.js';

export const resolvers = {
  Query: { ...queryResolvers, ...statisticsResolvers },
  Mutation: mutationResolvers,
  Proposal: proposalResolvers,
  ItemReply: itemReplyResolvers,
  ProposalEvaluation: evaluationResolvers,
  Member: memberResolvers,
  ...replicationStatusResolvers('proposals'),
};

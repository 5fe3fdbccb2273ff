import { memberResolvers } from './member.js';
import { mutationResolvers } from './mutation.js';
import { evaluationResolvers, itemReplyResolvers, proposalResolvers } from './proposal.js';
import { queryResolvers } from './query.js';

export const resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  Proposal: proposalResolvers,
  ItemReply: itemReplyResolvers,
  ProposalEvaluation: evaluationResolvers,
  Member: memberResolvers,
};

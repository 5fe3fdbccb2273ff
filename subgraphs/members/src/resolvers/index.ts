import { replicationStatusQuery, replicationStatusResolvers } from '@huishang/subgraph-kit';
import { memberResolvers } from './member.js';
import { mutationResolvers } from './mutation.js';
import { queryResolvers } from './query.js';
import { regionResolvers } from './region.js';
import { statisticsResolvers } from './statistics.js';

export const resolvers = {
  Query: { ...queryResolvers, ...statisticsResolvers, replicationStatus: replicationStatusQuery },
  Mutation: mutationResolvers,
  Member: memberResolvers,
  Region: regionResolvers,
  ...replicationStatusResolvers('members'),
};

import { memberResolvers } from './member.js';
import { mutationResolvers } from './mutation.js';
import { queryResolvers } from './query.js';
import { regionResolvers } from './region.js';

export const resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  Member: memberResolvers,
  Region: regionResolvers,
};

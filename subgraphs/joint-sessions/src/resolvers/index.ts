import { commandReceiptResolvers, replicationStatusResolvers } from '@huishang/subgraph-kit/bus';
import { jointPartyResolvers, jointSessionResolvers } from './joint-session.js';
import { mutationResolvers } from './mutation.js';
import { queryResolvers } from './query.js';

export const resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  JointSession: jointSessionResolvers,
  JointParty: jointPartyResolvers,
  CommandReceipt: commandReceiptResolvers,
  ...replicationStatusResolvers('joint-sessions'),
};

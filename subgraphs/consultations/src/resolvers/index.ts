import { commandReceiptResolvers, replicationStatusResolvers } from '@huishang/subgraph-kit';
import { consultationResolvers } from './consultation.js';
import { memberResolvers } from './member.js';
import { mutationResolvers } from './mutation.js';
import { opinionItemMutations, opinionItemQueries, opinionItemResolvers } from './opinion-item.js';
import { participantResolvers } from './participant.js';
import { queryResolvers } from './query.js';
import { statisticsResolvers } from './statistics.js';
import {
  supervisionTaskMutations,
  supervisionTaskQueries,
  supervisionTaskResolvers,
} from './supervision-task.js';

export const resolvers = {
  Query: {
    ...queryResolvers,
    ...statisticsResolvers,
    ...supervisionTaskQueries,
    ...opinionItemQueries,
  },
  Mutation: { ...mutationResolvers, ...supervisionTaskMutations, ...opinionItemMutations },
  Consultation: consultationResolvers,
  ConsultationParticipant: participantResolvers,
  Member: memberResolvers,
  SupervisionTask: supervisionTaskResolvers,
  OpinionItem: opinionItemResolvers,
  CommandReceipt: commandReceiptResolvers,
  ...replicationStatusResolvers('consultations'),
};

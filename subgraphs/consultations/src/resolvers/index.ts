import { commandReceiptResolvers, replicationStatusResolvers } from '@huishang/subgraph-kit/bus';
import { consultationResolvers } from './consultation.js';
import { stepMutationResolvers } from './consultation-steps.js';
import { memberResolvers } from './member.js';
import { mutationResolvers } from './mutation.js';
import {
  opinionIndexResolvers,
  opinionItemMutations,
  opinionItemQueries,
  opinionItemResolvers,
} from './opinion-item.js';
import { participantResolvers } from './participant.js';
import { planQueryResolvers } from './plan.js';
import { queryResolvers } from './query.js';
import { recipientResolvers } from './recipient.js';
import { statisticsResolvers } from './statistics.js';
import {
  opinionItemSuggestionResolvers,
  proposalResolvers,
  suggestionResolvers,
} from './suggestion.js';
import {
  supervisionStepResolvers,
  supervisionTaskMutations,
  supervisionTaskQueries,
  supervisionTaskResolvers,
} from './supervision-task.js';
import { taskMutationResolvers, taskQueryResolvers, taskResolvers } from './tasks.js';
import { topicMutationResolvers, topicQueryResolvers, topicResolvers } from './topic.js';

export const resolvers = {
  Query: {
    ...queryResolvers,
    ...statisticsResolvers,
    ...supervisionTaskQueries,
    ...opinionItemQueries,
    ...topicQueryResolvers,
    ...planQueryResolvers,
    ...taskQueryResolvers,
  },
  Mutation: {
    ...mutationResolvers,
    ...supervisionTaskMutations,
    ...opinionItemMutations,
    ...topicMutationResolvers,
    ...stepMutationResolvers,
    ...taskMutationResolvers,
  },
  Consultation: consultationResolvers,
  ConsultationParticipant: participantResolvers,
  ConsultationSuggestion: suggestionResolvers,
  ConsultationTopic: topicResolvers,
  MinutesRecipient: recipientResolvers,
  Proposal: proposalResolvers,
  Member: memberResolvers,
  SupervisionTask: supervisionTaskResolvers,
  SupervisionStep: supervisionStepResolvers,
  OpinionItem: { ...opinionItemResolvers, ...opinionItemSuggestionResolvers },
  OpinionIndex: opinionIndexResolvers,
  Task: taskResolvers,
  CommandReceipt: commandReceiptResolvers,
  ...replicationStatusResolvers('consultations'),
};

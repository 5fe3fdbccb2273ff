import { replicationStatusQuery, replicationStatusResolvers } from '@huishang/subgraph-kit/bus';
import {
  dutyQueries,
  dutyRankingResolvers,
  dutyRecordResolvers,
  dutyWeightsResolvers,
} from './duty.js';
import { dutyGroupResolvers, studioResolvers } from './group.js';
import { memberResolvers } from './member.js';
import { mutationResolvers } from './mutation.js';
import { opinionIndexResolvers } from './opinion-index.js';
import { personResolvers } from './person.js';
import { queryResolvers } from './query.js';
import { regionResolvers } from './region.js';
import { statisticsResolvers } from './statistics.js';

export const resolvers = {
  Query: {
    ...queryResolvers,
    ...statisticsResolvers,
    ...dutyQueries,
    replicationStatus: replicationStatusQuery,
  },
  Mutation: mutationResolvers,
  Member: memberResolvers,
  Person: personResolvers,
  Studio: studioResolvers,
  DutyGroup: dutyGroupResolvers,
  DutyRecord: dutyRecordResolvers,
  DutyWeights: dutyWeightsResolvers,
  DutyRanking: dutyRankingResolvers,
  Region: regionResolvers,
  OpinionIndex: opinionIndexResolvers,
  ...replicationStatusResolvers('members'),
};

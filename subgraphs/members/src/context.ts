import { createByIdLoader, createMapLoader, type RequestContext } from '@huishang/subgraph-kit';
import { dutyCounts, weightsOfRegions } from './data/duty.js';
import { findGroupsByIds, groupsOfMembers, membersOfGroups } from './data/groups.js';
import {
  findMembersByIds,
  findPeopleByIds,
  memberCounts,
  membershipsOfPeople,
} from './data/members.js';
import { defaultDutyWeights } from './domain/duty-score.js';
import type { PrismaClient } from './generated/prisma/client.js';

export type MembersContext = RequestContext<PrismaClient> & ReturnType<typeof extendContext>;

/** Per-request loaders: entity references arrive in batches and cost one query. */
export function extendContext(context: RequestContext<PrismaClient>) {
  return {
    memberById: createByIdLoader((ids) => findMembersByIds(context.db(), ids)),
    personById: createByIdLoader((ids) => findPeopleByIds(context.db(), ids)),
    groupById: createByIdLoader((ids) => findGroupsByIds(context.db(), ids)),
    groupsOfMember: createMapLoader((ids) => groupsOfMembers(context.db(), ids), []),
    membersOfGroup: createMapLoader((ids) => membersOfGroups(context.db(), ids), []),
    membershipsOfPerson: createMapLoader((ids) => membershipsOfPeople(context.db(), ids), []),
    /** Keyed by `memberCountKey`: 民情指数 of many regions cost one count. */
    memberCount: createMapLoader((keys) => memberCounts(context.db(), keys), 0),
    dutyCountsOfMember: createMapLoader((ids) => dutyCounts(context.db(), ids), {}),
    weightsOfCommittee: createMapLoader(
      (regions) => weightsOfRegions(context.db(), regions),
      defaultDutyWeights,
    ),
  };
}

import { assertReadableRegion } from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { memberCountKey } from '../data/members.js';

/** The consultations subgraph's 民情指数 of a region and its subtree, by its key. */
export interface OpinionIndexReference {
  region: string;
  /** Whether the index covers the region's subtree or its own committee alone. */
  subtree: boolean;
  submitters?: number;
}

// Over the same regions as the consultations subgraph counted the items and submitters.
const memberCount = (index: OpinionIndexReference, context: MembersContext) => {
  assertReadableRegion(context.identity, index.region);
  return context.memberCount.load(memberCountKey(index.region, index.subtree));
};

export const opinionIndexResolvers = {
  memberCount: (index: OpinionIndexReference, _: unknown, context: MembersContext) =>
    memberCount(index, context),
  /** 委员覆盖率: the share of members who submitted at least one item; none without members. */
  memberCoverage: async (index: OpinionIndexReference, _: unknown, context: MembersContext) => {
    const members = await memberCount(index, context);
    return members ? (index.submitters ?? 0) / members : null;
  },
};

import { assertReadableRegion, reportByNextLevel } from '@huishang/subgraph-kit';
import type { MembersContext } from '../context.js';
import { memberCountRows } from '../data/statistics.js';
import { summariseMembers } from '../domain/statistics.js';

export const statisticsResolvers = {
  async memberStatistics(_: unknown, args: { region: string }, context: MembersContext) {
    assertReadableRegion(context.identity, args.region);
    return reportByNextLevel(
      args.region,
      await memberCountRows(context.db(), args.region),
      summariseMembers,
    );
  },
};

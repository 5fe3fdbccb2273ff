import { assertReadableRegion, reportByNextLevel } from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { proposalCountRows } from '../data/statistics.js';
import { summariseProposals } from '../domain/statistics.js';

export const statisticsResolvers = {
  async proposalStatistics(_: unknown, args: { region: string }, context: ProposalsContext) {
    assertReadableRegion(context.identity, args.region);
    const rows = await proposalCountRows(
      context.db(),
      context.sink().schema,
      args.region,
      new Date(),
    );
    return reportByNextLevel(args.region, rows, summariseProposals);
  },
};

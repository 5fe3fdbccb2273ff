import {
  assertReadableRegion,
  type PeriodInput,
  periodOf,
  reportByNextLevel,
} from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import { proposalCountRows } from '../data/statistics.js';
import { summariseProposals } from '../domain/statistics.js';

export const statisticsResolvers = {
  async proposalStatistics(
    _: unknown,
    args: { region: string; period?: PeriodInput | null },
    context: ProposalsContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    // by the day submitted and by term; the tallies answer when there is no period
    const period = periodOf(args.period, { terms: true });
    const rows = await proposalCountRows(
      context.db(),
      context.sink().schema,
      args.region,
      new Date(),
      period,
    );
    return reportByNextLevel(args.region, rows, summariseProposals);
  },
};
